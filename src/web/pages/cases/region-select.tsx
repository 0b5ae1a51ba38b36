import { useQueries } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRegionNode } from '../../../domain/api/reference.ts';
import { apiFetch } from '../../api/client.ts';
import { useProvinces, useRegionSearch } from '../../api/reference.ts';

const STALE = 60 * 60_000;
const DEBOUNCE_MS = 300;

/** A stored code's region, found by searching the code (the search matches code prefixes, exact first). */
export function useRegionNames(codes: string[]) {
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['reference', 'regions', 'search', code],
      queryFn: () => apiFetch<TRegionNode[]>('/api/reference/regions', { query: { q: code } }),
      staleTime: STALE,
    })),
  });
  const names = new Map<string, string>();
  codes.forEach((code, i) => {
    const hit = results[i]?.data?.find((r) => r.code === code);
    if (hit) names.set(code, hit.name);
  });
  return names;
}

type TCommon = { placeholder?: string; disabled?: boolean; 'data-testid'?: string; id?: string };
type TProps =
  | (TCommon & { multiple: true; value?: string[]; onChange?: (v: string[]) => void })
  | (TCommon & { multiple?: false; value?: string | null; onChange?: (v: string | null) => void });

/**
 * Regions by name or code: provinces are offered at once, anything else (prefecture, county) by searching.
 * Stored codes show their names.
 */
export function RegionSelect(props: TProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const provinces = useProvinces();
  const search = useRegionSearch(q);
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const names = useRegionNames(selected);

  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    const add = (code: string, name: string) => {
      if (seen.has(code)) return;
      seen.add(code);
      out.push({ value: code, label: t('cases.codeInParens', { name, code }) });
    };
    for (const code of selected) add(code, names.get(code) ?? code);
    for (const r of q ? (search.data ?? []) : (provinces.data ?? [])) add(r.code, r.name);
    return out;
  }, [selected, names, q, search.data, provinces.data, t]);

  const common = {
    id: props.id,
    allowClear: true,
    showSearch: { filterOption: false, onSearch: setTyped, searchValue: typed },
    placeholder:
      props.placeholder ??
      (props.multiple ? t('cases.needs.regionsPlaceholder') : t('cases.needs.regionPlaceholder')),
    disabled: props.disabled,
    loading: provinces.isPending || (q !== '' && search.isFetching),
    options,
    notFoundContent: null,
    onBlur: () => setTyped(''),
    style: { width: '100%' },
    'data-testid': props['data-testid'],
  };
  return props.multiple ? (
    <Select<string[]>
      {...common}
      mode="multiple"
      value={props.value ?? []}
      onChange={(v) => {
        setTyped('');
        props.onChange?.(v);
      }}
    />
  ) : (
    <Select<string | null>
      {...common}
      value={props.value ?? null}
      onChange={(v) => {
        setTyped('');
        props.onChange?.(v ?? null);
      }}
    />
  );
}

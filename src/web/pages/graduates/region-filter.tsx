import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchRegionChildren, regionChildrenKey, useProvinces } from '../../api/reference.ts';

const STALE = 60 * 60_000;

type TProps = {
  province?: string;
  county?: string;
  onChange: (patch: { province?: string; county?: string }) => void;
};

/**
 * Province, then county of domicile. The county list is the province's counties grouped by prefecture,
 * fetched when a province is chosen; focus counties are marked.
 */
export function RegionFilter({ province, county, onChange }: TProps) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const prefectures = useQuery({
    queryKey: regionChildrenKey(province ?? null),
    queryFn: () => fetchRegionChildren(province!),
    enabled: Boolean(province),
    staleTime: STALE,
  });
  const counties = useQueries({
    queries: (province ? (prefectures.data ?? []) : []).map((p) => ({
      queryKey: regionChildrenKey(p.code),
      queryFn: () => fetchRegionChildren(p.code),
      staleTime: STALE,
    })),
  });
  const loadingCounties = Boolean(province) && (prefectures.isPending || counties.some((q) => q.isPending));

  const countyOptions = (province ? (prefectures.data ?? []) : []).map((p, i) => ({
    label: p.name,
    title: p.name,
    options: (counties[i]?.data ?? []).map((c) => ({
      value: c.code,
      search: `${c.name} ${c.code} ${c.historicalCodes.join(' ')}`,
      label: (
        <span>
          {c.name}
          {c.isFocus && (
            <Tag color="red" variant="filled" style={{ marginInlineStart: 6 }}>
              {t('graduates.focusTag')}
            </Tag>
          )}
        </span>
      ),
    })),
  }));

  return (
    <Space.Compact>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={province ?? null}
        placeholder={t('graduates.province')}
        loading={provinces.isPending}
        options={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
        onChange={(value) => onChange({ province: value ?? undefined, county: undefined })}
        style={{ width: 150 }}
        data-testid="filter-province"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        value={county ?? null}
        placeholder={province ? t('graduates.county') : t('graduates.countyPlaceholder')}
        disabled={!province}
        loading={loadingCounties}
        options={countyOptions}
        onChange={(value) => onChange({ county: value ?? undefined })}
        style={{ width: 200 }}
        popupMatchSelectWidth={260}
        data-testid="filter-county"
      />
    </Space.Compact>
  );
}

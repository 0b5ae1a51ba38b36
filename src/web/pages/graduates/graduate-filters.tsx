import { Button, Flex, Select, Space, Switch, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { registryFiltersAllowed } from '../../../domain/field-rule.ts';
import { DIFFICULTY_CATEGORIES, LEVELS } from '../../../domain/registry/fields.ts';
import type { TBoolFilter, TGraduateFilterSearch, TGraduateSearch } from '../../api/graduates.ts';
import { useOrgTree } from '../../api/orgs.ts';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { cohortYears, listUniversities } from '../imports/import-model.ts';
import { DebouncedInput } from './debounced-input.tsx';
import { MAX_TEXT_LENGTH } from './graduate-search.ts';
import { RegionFilter } from './region-filter.tsx';

type TProps = {
  search: TGraduateSearch;
  onChange: (patch: Partial<TGraduateFilterSearch>) => void;
  onReset: () => void;
};

export function GraduateFilters({ search, onChange, onReset }: TProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const ownUniversity = me.org.kind === 'university' ? me.org.id : undefined;
  const tree = useOrgTree();
  const universities = useMemo(
    () =>
      listUniversities(
        tree.data ?? [],
        me.roles.includes('province_education') ? me.org.regionCode : undefined,
      ),
    [tree.data, me.roles, me.org.regionCode],
  );
  const universityId = ownUniversity ?? search.universityId;
  const colleges = universities.find((u) => u.id === universityId)?.colleges ?? [];
  const boolOptions = (key: 'focusOptions' | 'poorOptions') =>
    (['true', 'false'] as const).map((v) => ({ value: v, label: t(`graduates.${key}.${v}`) }));

  return (
    <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }} data-testid="graduate-filters">
      <Tooltip title={t('graduates.targetOnlyHint')}>
        <Space size={6}>
          <Switch
            checked={search.target === 'true'}
            onChange={(on) => onChange({ target: on ? 'true' : undefined })}
            data-testid="filter-target"
          />
          <Typography.Text>{t('graduates.targetOnly')}</Typography.Text>
        </Space>
      </Tooltip>
      <DebouncedInput
        search
        value={search.q}
        onApply={(q) => onChange({ q })}
        placeholder={t('graduates.searchPlaceholder')}
        maxLength={MAX_TEXT_LENGTH}
        width={240}
        data-testid="filter-q"
      />
      <Select
        allowClear
        value={search.cohort ?? null}
        placeholder={t('graduates.allCohorts')}
        options={cohortYears(dayjs().year()).map((year) => ({
          value: year,
          label: t('graduates.cohortOption', { year }),
        }))}
        onChange={(cohort) => onChange({ cohort: cohort ?? undefined })}
        style={{ width: 120 }}
        data-testid="filter-cohort"
      />
      <RegionFilter province={search.province} county={search.county} onChange={onChange} />
      {!ownUniversity && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={search.universityId ?? null}
          placeholder={t('graduates.university')}
          loading={tree.isPending}
          options={universities.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(id) => onChange({ universityId: id ?? undefined })}
          style={{ width: 200 }}
          data-testid="filter-university"
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={search.collegeId ?? null}
        placeholder={t('graduates.college')}
        disabled={!universityId}
        options={colleges.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(id) => onChange({ collegeId: id ?? undefined })}
        style={{ width: 180 }}
        data-testid="filter-college"
      />
      <Select
        allowClear
        value={search.level ?? null}
        placeholder={t('graduates.level')}
        options={LEVELS.map((l) => ({ value: l, label: t(`graduates.levels.${l}`) }))}
        onChange={(level) => onChange({ level: level ?? undefined })}
        style={{ width: 120 }}
        data-testid="filter-level"
      />
      <DebouncedInput
        value={search.major}
        onApply={(major) => onChange({ major })}
        placeholder={t('graduates.majorPlaceholder')}
        maxLength={MAX_TEXT_LENGTH}
        width={160}
        data-testid="filter-major"
      />
      <Select<TBoolFilter>
        allowClear
        value={search.focusCounty ?? null}
        placeholder={t('graduates.focusCounty')}
        options={boolOptions('focusOptions')}
        onChange={(v) => onChange({ focusCounty: v ?? undefined })}
        style={{ width: 170 }}
        data-testid="filter-focus"
      />
      {/* registry filters only where every listed record shows those fields (domain/field-rule.ts) */}
      {registryFiltersAllowed(me.roles) && (
        <>
          <Select<TBoolFilter>
            allowClear
            value={search.registeredPoor ?? null}
            placeholder={t('graduates.registeredPoor')}
            options={boolOptions('poorOptions')}
            onChange={(v) => onChange({ registeredPoor: v ?? undefined })}
            style={{ width: 170 }}
            data-testid="filter-poor"
          />
          <Select
            allowClear
            value={search.difficulty ?? null}
            placeholder={t('graduates.difficulty')}
            options={DIFFICULTY_CATEGORIES.map((d) => ({
              value: d.code,
              label: t(`graduates.difficulties.${d.code}`),
            }))}
            onChange={(v) => onChange({ difficulty: v ?? undefined })}
            style={{ width: 200 }}
            popupMatchSelectWidth={260}
            data-testid="filter-difficulty"
          />
        </>
      )}
      <Button onClick={onReset} data-testid="filter-reset">
        {t('common.reset')}
      </Button>
    </Flex>
  );
}

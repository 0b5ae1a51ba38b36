import { Button, Flex, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES, CASE_STATUSES, INTENTIONS } from '../../../domain/ledger/codes.ts';
import { SIQING_KEY_LIST } from '../../api/case-codes.ts';
import type { TCaseFilterSearch, TCaseSearch } from '../../api/cases.ts';
import { DebouncedInput } from '../graduates/debounced-input.tsx';
import { cohortYears } from '../imports/import-model.ts';
import { MAX_QUERY_LENGTH } from './case-search.ts';

type TProps = {
  search: TCaseSearch;
  onChange: (patch: Partial<TCaseFilterSearch>) => void;
  onReset: () => void;
};

export function CaseFilters({ search, onChange, onReset }: TProps) {
  const { t } = useTranslation();
  const toggle = (key: 'overdue' | 'unpaired' | 'noCounselor', label: string) => (
    <Space size={6}>
      <Switch
        checked={search[key] === 'true'}
        onChange={(on) => onChange({ [key]: on ? 'true' : undefined })}
        aria-label={label}
        data-testid={`filter-${key}`}
      />
      <Typography.Text>{label}</Typography.Text>
    </Space>
  );

  return (
    <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }} data-testid="case-filters">
      <DebouncedInput
        search
        value={search.q}
        onApply={(q) => onChange({ q })}
        placeholder={t('cases.filters.search')}
        maxLength={MAX_QUERY_LENGTH}
        width={200}
        data-testid="filter-q"
      />
      <Select
        allowClear
        value={search.cohort ?? null}
        placeholder={t('cases.filters.cohort')}
        options={cohortYears(dayjs().year()).map((year) => ({
          value: year,
          label: t('graduates.cohortOption', { year }),
        }))}
        onChange={(cohort) => onChange({ cohort: cohort ?? undefined })}
        style={{ width: 100 }}
        data-testid="filter-cohort"
      />
      <Select
        allowClear
        value={search.status ?? null}
        placeholder={t('cases.filters.status')}
        options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
        onChange={(status) => onChange({ status: status ?? undefined })}
        style={{ width: 100 }}
        data-testid="filter-status"
      />
      <Select
        allowClear
        value={search.stage ?? null}
        placeholder={t('cases.filters.stage')}
        options={CASE_STAGES.map((s) => ({ value: s, label: t(`cases.stages.${s}`) }))}
        onChange={(stage) => onChange({ stage: stage ?? undefined })}
        style={{ width: 100 }}
        data-testid="filter-stage"
      />
      <Select
        allowClear
        value={search.intention ?? null}
        placeholder={t('cases.filters.intention')}
        options={INTENTIONS.map((i) => ({ value: i, label: t(`cases.intentions.${i}`) }))}
        onChange={(intention) => onChange({ intention: intention ?? undefined })}
        style={{ width: 110 }}
        data-testid="filter-intention"
      />
      <Select
        allowClear
        value={search.notClear ?? null}
        placeholder={t('cases.filters.notClear')}
        options={SIQING_KEY_LIST.map((k) => ({
          value: k,
          label: t('cases.filters.notClearOption', { label: t(`cases.siqing.${k}`) }),
        }))}
        onChange={(notClear) => onChange({ notClear: notClear ?? undefined })}
        style={{ width: 150 }}
        popupMatchSelectWidth={180}
        data-testid="filter-not-clear"
      />
      {toggle('overdue', t('cases.filters.overdueOnly'))}
      {toggle('unpaired', t('cases.filters.unpairedOnly'))}
      {toggle('noCounselor', t('staff.ledger.noCounselorFilter'))}
      <Button onClick={onReset} data-testid="filter-reset">
        {t('common.reset')}
      </Button>
    </Flex>
  );
}

import { Button, DatePicker, Flex, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { INDUSTRIES } from '../../../domain/ledger/codes.ts';
import { OPPORTUNITY_STATUSES } from '../../../domain/opportunities/codes.ts';
import { OPPORTUNITY_KINDS } from '../../../domain/opportunities/types.ts';
import { LEVELS } from '../../../domain/registry/fields.ts';
import type { TOpportunitySearch, TPostFilters } from '../../api/opportunities.ts';
import { RegionSelect } from '../cases/region-select.tsx';
import { DebouncedInput } from '../graduates/debounced-input.tsx';
import { MAX_QUERY_LENGTH } from './opportunity-search.ts';

type TFlags = Pick<TOpportunitySearch, 'status' | 'open' | 'targetPriority' | 'mine'>;
type TPatch = Partial<TPostFilters & TFlags>;

type TProps = {
  search: TPostFilters & TFlags;
  onChange: (patch: TPatch) => void;
  onReset: () => void;
  /** the zone lists open target-priority posts only: no status or flag filters, but industry */
  variant: 'staff' | 'zone';
  /** offer "posted by my organisation" (users who publish) */
  showMine?: boolean;
};

/** Filters of the staff post list and of the 52-county zone. */
export function OpportunityFilters({ search, onChange, onReset, variant, showMine }: TProps) {
  const { t } = useTranslation();
  const toggle = (key: 'open' | 'targetPriority' | 'mine', label: string) => (
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
  const range =
    search.deadlineFrom || search.deadlineTo
      ? ([
          search.deadlineFrom ? dayjs(search.deadlineFrom) : null,
          search.deadlineTo ? dayjs(search.deadlineTo) : null,
        ] as [Dayjs | null, Dayjs | null])
      : null;

  return (
    <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }} data-testid="post-filters">
      <DebouncedInput
        search
        value={search.q}
        onApply={(q) => onChange({ q })}
        placeholder={t('opportunities.list.searchPlaceholder')}
        maxLength={MAX_QUERY_LENGTH}
        width={190}
        data-testid="filter-q"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={search.kind ?? null}
        placeholder={t('opportunities.list.kind')}
        options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`opportunities.kinds.${k}`) }))}
        onChange={(kind) => onChange({ kind: kind ?? undefined })}
        style={{ width: 150 }}
        popupMatchSelectWidth={220}
        data-testid="filter-kind"
      />
      <div style={{ width: 180 }}>
        <RegionSelect
          value={search.region ?? null}
          onChange={(region) => onChange({ region: region ?? undefined })}
          placeholder={t('opportunities.list.region')}
          data-testid="filter-region"
        />
      </div>
      <Select
        allowClear
        value={search.level ?? null}
        placeholder={t('opportunities.list.level')}
        options={LEVELS.map((l) => ({ value: l, label: t(`graduates.levels.${l}`) }))}
        onChange={(level) => onChange({ level: level ?? undefined })}
        style={{ width: 100 }}
        data-testid="filter-level"
      />
      {variant === 'staff' ? (
        <Select
          allowClear
          value={search.status ?? null}
          placeholder={t('opportunities.list.status')}
          options={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`opportunities.statuses.${s}`) }))}
          onChange={(status) => onChange({ status: status ?? undefined })}
          style={{ width: 100 }}
          data-testid="filter-status"
        />
      ) : (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={search.industry ?? null}
          placeholder={t('opportunities.list.industry')}
          options={INDUSTRIES.map((i) => ({ value: i, label: t(`cases.industries.${i}`) }))}
          onChange={(industry) => onChange({ industry: industry ?? undefined })}
          style={{ width: 160 }}
          popupMatchSelectWidth={300}
          data-testid="filter-industry"
        />
      )}
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        placeholder={[t('opportunities.list.deadlineFrom'), t('opportunities.list.deadlineTo')]}
        onChange={(dates) =>
          onChange({
            deadlineFrom: dates?.[0]?.format('YYYY-MM-DD'),
            deadlineTo: dates?.[1]?.format('YYYY-MM-DD'),
          })
        }
        style={{ width: 240 }}
        data-testid="filter-deadline"
      />
      {variant === 'staff' && toggle('open', t('opportunities.list.openOnly'))}
      {variant === 'staff' && toggle('targetPriority', t('opportunities.list.targetOnly'))}
      {variant === 'staff' && showMine && toggle('mine', t('opportunities.list.mine'))}
      <Button onClick={onReset} data-testid="filter-reset">
        {t('common.reset')}
      </Button>
    </Flex>
  );
}

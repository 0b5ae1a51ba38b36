import { Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEASURE_GROUPS, type TMeasureGroup, type TMeasureItem } from '../../../domain/ledger/codes.ts';

export const MEASURE_GROUP_LIST = Object.keys(MEASURE_GROUPS) as TMeasureGroup[];

/** The measure catalogue as select options, grouped by the notice's five tasks. */
export function useMeasureOptions() {
  const { t } = useTranslation();
  return MEASURE_GROUP_LIST.map((group) => ({
    label: t(`cases.measureGroups.${group}`),
    title: t(`cases.measureGroups.${group}`),
    options: MEASURE_GROUPS[group].map((item: TMeasureItem) => ({
      value: item,
      label: t(`cases.measures.${item}`),
    })),
  }));
}

type TProps = {
  value?: TMeasureItem;
  onChange?: (value: TMeasureItem) => void;
  autoFocus?: boolean;
  'data-testid'?: string;
};

/** One measure, searchable by its label, grouped by task. */
export function MeasureSelect({ value, onChange, autoFocus, ...rest }: TProps) {
  const { t } = useTranslation();
  return (
    <Select<TMeasureItem>
      value={value}
      onChange={onChange}
      autoFocus={autoFocus}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('cases.measure.itemRequired')}
      options={useMeasureOptions()}
      style={{ minWidth: 200 }}
      data-testid={rest['data-testid']}
    />
  );
}

/** Dated entries (measures, follow-ups, progress) happen today or before: the server refuses later dates. */
export const notInFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export const toIsoDate = (d: Dayjs) => d.format('YYYY-MM-DD');

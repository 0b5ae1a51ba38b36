import {
  Card,
  Empty,
  Flex,
  Progress,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TSiqingRow } from '../../../domain/api/ledger.ts';
import { SIQING_GROUPS, type TSiqingGroup, useSiqingReport } from '../../api/ledger-admin.ts';
import { DefinedLabel } from '../../components/defined-label.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState } from '../../components/states.tsx';
import { cohortYears } from '../imports/import-model.ts';
import {
  laggingUnits,
  MIN_RANKED_CASES,
  rate,
  rateTone,
  SIQING_COLUMNS,
  type TSiqingColumn,
  totalRow,
} from './siqing-model.ts';

const SHOWN_BARS = 15;

function searchOf(params: URLSearchParams): { groupBy: TSiqingGroup; cohort: number | undefined } {
  const g = params.get('groupBy');
  const n = Number(params.get('cohort'));
  return {
    groupBy: SIQING_GROUPS.find((x) => x === g) ?? 'university',
    cohort: params.has('cohort') && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined,
  };
}

/** The label of a 四清 column: the shared flag names, and "all four". */
function useColumnLabel() {
  const { t } = useTranslation();
  return (key: TSiqingColumn) => (key === 'allFour' ? t('siqing.report.allFour') : t(`cases.siqing.${key}`));
}

function useToneColor() {
  const { token } = theme.useToken();
  return (percent: number) =>
    ({ good: token.colorSuccess, fair: token.colorWarning, bad: token.colorError })[rateTone(percent)];
}

/** 四清台账: per unit, how many cases meet each of the four rules, and all four. */
export function SiqingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = searchOf(params);
  const report = useSiqingReport(search.groupBy, search.cohort);
  const setSearch = (next: typeof search) =>
    setParams({ groupBy: next.groupBy, ...(next.cohort ? { cohort: String(next.cohort) } : {}) });
  const rows = report.data ?? [];

  return (
    <>
      <PageHeader
        title={t('nav.siqing')}
        extra={
          <Flex gap="small" wrap>
            <Segmented<TSiqingGroup>
              value={search.groupBy}
              onChange={(groupBy) => setSearch({ ...search, groupBy })}
              options={SIQING_GROUPS.map((g) => ({ value: g, label: t(`siqing.report.groupBy.${g}`) }))}
              data-testid="siqing-group"
            />
            <Select
              allowClear
              value={search.cohort ?? null}
              placeholder={t('siqing.report.allCohorts')}
              onChange={(cohort) => setSearch({ ...search, cohort: cohort ?? undefined })}
              options={cohortYears(dayjs().year()).map((year) => ({
                value: year,
                label: t('graduates.cohortOption', { year }),
              }))}
              style={{ width: 130 }}
              aria-label={t('graduates.cohort')}
              data-testid="siqing-cohort"
            />
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('siqing.report.intro')}</Typography.Paragraph>
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.isPending && rows.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('siqing.report.empty')} />
        </Card>
      ) : (
        <>
          <Overall rows={rows} loading={report.isPending} />
          <LaggingBars rows={rows} />
          <UnitTable rows={rows} loading={report.isFetching} groupBy={search.groupBy} />
        </>
      )}
    </>
  );
}

function Overall({ rows, loading }: { rows: TSiqingRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const label = useColumnLabel();
  const color = useToneColor();
  const sum = totalRow(rows);
  return (
    <Card
      size="small"
      title={<DefinedLabel label={t('siqing.report.overall')} definition={t('siqing.report.totalHint')} />}
      loading={loading}
      style={{ marginBottom: 16 }}
    >
      <Flex wrap gap="large" justify="space-around" data-testid="siqing-overall">
        {SIQING_COLUMNS.map((key) => {
          const percent = rate(sum[key], sum.total);
          return (
            <Flex key={key} vertical align="center" gap={4}>
              <Progress
                type="circle"
                size={84}
                percent={percent}
                strokeColor={color(percent)}
                format={(p) => `${p}%`}
              />
              <Typography.Text strong={key === 'allFour'}>{label(key)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('siqing.report.overallCount', { count: sum[key], total: sum.total })}
              </Typography.Text>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}

const FLAGS = ['profile', 'needs', 'measures', 'progress'] as const;

/**
 * The units with the lowest all-four rate, each as a stacked bar: every flag owns a quarter of the track and
 * fills it by its rate, so a full bar means all four clear for everyone and the gaps show which flag lags.
 */
function LaggingBars({ rows }: { rows: TSiqingRow[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const label = useColumnLabel();
  const color = useToneColor();
  const colors = [token.colorPrimary, token.cyan6, token.purple6, token.gold6];
  const units = laggingUnits(rows, SHOWN_BARS);
  if (units.length < 2) return null;
  return (
    <Card
      size="small"
      title={t('siqing.report.lagging')}
      extra={
        <Flex gap="middle" wrap>
          {FLAGS.map((k, i) => (
            <Flex key={k} gap={4} align="center">
              <span className="legend-dot" style={{ background: colors[i] }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label(k)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('siqing.report.laggingHint', { count: units.length, min: MIN_RANKED_CASES })}
      </Typography.Paragraph>
      <div className="count-bars" data-testid="siqing-bars">
        {units.map((u) => {
          const all = rate(u.allFour, u.total);
          return (
            <Tooltip
              key={u.code || u.name}
              placement="topLeft"
              title={SIQING_COLUMNS.map(
                (k) =>
                  `${label(k)} ${rate(u[k], u.total)}%（${t('siqing.report.cell', { count: u[k], total: u.total })}）`,
              ).join('；')}
            >
              <div className="bar-row count-bar-row">
                <Typography.Text ellipsis>{u.name || t('siqing.report.unnamed')}</Typography.Text>
                <div className="bar-track stacked" role="presentation">
                  {FLAGS.map((k, i) => (
                    <div key={k} style={{ width: `${rate(u[k], u.total) / 4}%`, background: colors[i] }} />
                  ))}
                </div>
                <Typography.Text style={{ textAlign: 'end', whiteSpace: 'nowrap', color: color(all) }}>
                  {t('siqing.report.allFourShort', { percent: all })}
                </Typography.Text>
              </div>
            </Tooltip>
          );
        })}
      </div>
    </Card>
  );
}

function UnitTable({
  rows,
  loading,
  groupBy,
}: {
  rows: TSiqingRow[];
  loading: boolean;
  groupBy: TSiqingGroup;
}) {
  const { t } = useTranslation();
  const label = useColumnLabel();
  const color = useToneColor();
  const rateColumn = (key: TSiqingColumn): TableColumnsType<TSiqingRow>[number] => ({
    title: label(key),
    key,
    width: 150,
    sorter: (a, b) => rate(a[key], a.total) - rate(b[key], b.total),
    render: (_, r) => {
      const percent = rate(r[key], r.total);
      return (
        <Tooltip title={t('siqing.report.cell', { count: r[key], total: r.total })}>
          <Progress
            percent={percent}
            size="small"
            strokeColor={color(percent)}
            format={(p) => `${p}%`}
            aria-label={`${label(key)} ${percent}%`}
          />
        </Tooltip>
      );
    },
  });
  const columns: TableColumnsType<TSiqingRow> = [
    {
      title: t('siqing.report.unit'),
      key: 'name',
      fixed: 'left',
      width: 200,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text>{r.name || t('siqing.report.unnamed')}</Typography.Text>
          {groupBy !== 'university' && groupBy !== 'college' && r.code && (
            <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
              {r.code}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: <DefinedLabel label={t('siqing.report.total')} definition={t('siqing.report.totalHint')} />,
      dataIndex: 'total',
      width: 90,
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.total - b.total,
    },
    ...SIQING_COLUMNS.map(rateColumn),
  ];
  return (
    <Table<TSiqingRow>
      rowKey={(r) => r.code || r.name}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { count: n }),
      }}
      scroll={{ x: 1000 }}
      data-testid="siqing-table"
    />
  );
}

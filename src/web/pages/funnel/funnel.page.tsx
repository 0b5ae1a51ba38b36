import { Card, DatePicker, Empty, Flex, Segmented, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FUNNEL_STAGES, type TFunnelGroup, type TFunnelRow } from '../../../domain/api/matching.ts';
import { type TFunnelSearch, useFunnel } from '../../api/matching.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { serverPagination } from '../../components/server-pagination.ts';
import { ErrorState } from '../../components/states.tsx';
import { cohortYears } from '../imports/import-model.ts';
import { FunnelChart } from './funnel-chart.tsx';
import { hiredRate, readFunnelSearch, writeFunnelSearch } from './funnel-model.ts';

const COHORTS = cohortYears(dayjs().year());
/** From the broadest unit to the single graduate. */
const GROUP_ORDER: readonly TFunnelGroup[] = ['university', 'college', 'staff', 'post', 'graduate'];

/**
 * 推送成效: how far pushed posts went — viewed, applied, interview, offer, hired — in total (as a funnel) and per
 * university, college, staff member, post or graduate (as a table), over the pushes in the reader's scope.
 */
export function FunnelPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readFunnelSearch(params);
  const funnel = useFunnel(search);
  const update = (patch: Partial<TFunnelSearch>) =>
    setParams(writeFunnelSearch({ ...search, page: 1, ...patch }), { replace: true });

  const columns: ColumnsType<TFunnelRow> = [
    {
      key: 'label',
      title: t(`matching.funnel.groups.${search.groupBy}`),
      fixed: 'start',
      width: 220,
      render: (_, r) => <Typography.Text ellipsis={{ tooltip: true }}>{r.label}</Typography.Text>,
    },
    ...FUNNEL_STAGES.map((stage) => ({
      key: stage,
      title: t(`matching.stages.${stage}`),
      width: 80,
      align: 'end' as const,
      render: (_: unknown, r: TFunnelRow) => <span className="mono">{r[stage]}</span>,
    })),
    {
      key: 'rate',
      title: t('matching.funnel.conversion'),
      width: 90,
      align: 'end',
      render: (_, r) => <span className="mono">{hiredRate(r)}%</span>,
    },
  ];

  const data = funnel.data;
  return (
    <div data-testid="funnel-page">
      <PageHeader title={t('matching.funnel.title')} />
      <Typography.Paragraph type="secondary">{t('matching.funnel.intro')}</Typography.Paragraph>
      <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }} data-testid="funnel-filters">
        <Flex gap="small" align="center">
          <Typography.Text>{t('matching.funnel.groupBy')}</Typography.Text>
          <Segmented
            value={search.groupBy}
            onChange={(groupBy) => update({ groupBy })}
            options={GROUP_ORDER.map((g) => ({ value: g, label: t(`matching.funnel.groups.${g}`) }))}
            data-testid="funnel-group"
          />
        </Flex>
        <Flex gap="small" align="center">
          <Typography.Text>{t('matching.funnel.from')}</Typography.Text>
          <DatePicker.RangePicker
            value={[search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </Flex>
        <Select<number>
          allowClear
          placeholder={t('matching.funnel.cohort')}
          value={search.cohort}
          onChange={(cohort) => update({ cohort })}
          options={COHORTS.map((year) => ({
            value: year,
            label: t('matching.funnel.cohortValue', { year }),
          }))}
          style={{ width: 120 }}
        />
      </Flex>
      {funnel.isError ? (
        <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : (
        <>
          <FunnelChart
            counts={data?.total ?? { pushed: 0, viewed: 0, applied: 0, interview: 0, offer: 0, hired: 0 }}
          />
          <Card size="small">
            <Table<TFunnelRow>
              rowKey="key"
              size="small"
              loading={funnel.isFetching}
              columns={columns}
              dataSource={data?.rows ?? []}
              scroll={{ x: 860 }}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.funnel.empty')} />
                ),
              }}
              onRow={() => ({ 'data-testid': 'funnel-row' }) as object}
              summary={() =>
                data && data.rows.length > 0 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('matching.funnel.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {FUNNEL_STAGES.map((stage, i) => (
                      <Table.Summary.Cell key={stage} index={i + 1} align="end">
                        <Typography.Text strong className="mono">
                          {data.total[stage]}
                        </Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                    <Table.Summary.Cell index={FUNNEL_STAGES.length + 1} align="end">
                      <Typography.Text strong className="mono">
                        {hiredRate(data.total)}%
                      </Typography.Text>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
              pagination={serverPagination(
                t,
                { page: search.page, pageSize: search.pageSize, total: data?.groups ?? 0 },
                (page, pageSize) =>
                  setParams(
                    writeFunnelSearch({ ...search, page: pageSize === search.pageSize ? page : 1, pageSize }),
                    {
                      replace: true,
                    },
                  ),
              )}
            />
          </Card>
        </>
      )}
    </div>
  );
}

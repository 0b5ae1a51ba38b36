import { Button, Card, Drawer, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { THandoverBatch, THandoverBatchCase } from '../../../domain/api/handover.ts';
import { useHandoverBatch, useHandoverBatches } from '../../api/handover.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Past handovers of the university, newest first; a drawer shows one batch's cases as they are now. */
export function HandoverBatches() {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [openId, setOpenId] = useState<string | null>(null);
  const batches = useHandoverBatches(page);

  const columns: TableColumnsType<THandoverBatch> = [
    { title: t('handover.batchColumns.createdAt'), dataIndex: 'createdAt', width: 150, render: when },
    {
      title: t('handover.batchColumns.cohort'),
      dataIndex: 'cohort',
      width: 90,
      render: (year: number) => t('graduates.cohortOption', { year }),
    },
    { title: t('handover.batchColumns.count'), dataIndex: 'caseCount', width: 80, align: 'right' },
    {
      title: t('handover.batchColumns.counties'),
      key: 'counties',
      render: (_, b) => (
        <Flex wrap gap={4}>
          {b.byCounty.map((c) => (
            <Tag key={c.orgId}>{t('handover.countyCount', { name: c.orgName, count: c.count })}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('handover.batchColumns.createdBy'),
      dataIndex: 'createdByName',
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      key: 'actions',
      width: 100,
      render: (_, b) => (
        <Button type="link" size="small" onClick={() => setOpenId(b.id)} data-testid="handover-batch-open">
          {t('handover.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" title={t('handover.batches')} style={{ marginTop: 16 }}>
      {batches.isError ? (
        <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />
      ) : (
        <Table<THandoverBatch>
          rowKey="id"
          size="small"
          loading={batches.isFetching && !batches.data}
          columns={columns}
          dataSource={batches.data?.items ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handover.noBatches')} />,
          }}
          pagination={serverPagination(t, { ...page, total: batches.data?.total ?? 0 }, (p, pageSize) =>
            setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
          )}
          scroll={{ x: 700 }}
          data-testid="handover-batches"
        />
      )}
      <BatchDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}

function BatchDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const batch = useHandoverBatch(id);
  const none = t('common.none');
  const columns: TableColumnsType<THandoverBatchCase> = [
    {
      title: t('handover.columns.name'),
      dataIndex: 'name',
      width: 100,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, c) => <Link to={`/cases/${c.caseId}`}>{name}</Link>,
    },
    {
      title: t('handover.columns.college'),
      key: 'college',
      render: (_, c) => [c.collegeName, c.className].filter(Boolean).join(' · ') || none,
    },
    {
      title: t('handover.columns.county'),
      key: 'county',
      render: (_, c) => c.countyName ?? c.countyCode ?? none,
    },
    { title: t('handover.columns.bureau'), dataIndex: 'toOrgName' },
    {
      title: t('handover.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: THandoverBatchCase['status']) => (
        <Tag color={s === 'placed' ? 'green' : s === 'seeking' ? 'blue' : undefined}>
          {t(`cases.statuses.${s}`)}
        </Tag>
      ),
    },
  ];
  const data = batch.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        data
          ? t('handover.batchTitle', {
              cohort: data.cohort,
              date: when(data.createdAt),
              count: data.caseCount,
            })
          : t('handover.batches')
      }
    >
      {batch.isPending && id !== null ? (
        <LoadingState />
      ) : batch.isError ? (
        <ErrorState error={batch.error} onRetry={() => void batch.refetch()} />
      ) : data ? (
        <>
          <Flex wrap gap={4} style={{ marginBottom: 12 }}>
            {data.byCounty.map((c) => (
              <Tag key={c.orgId} color="blue">
                {t('handover.countyCount', { name: c.orgName, count: c.count })}
              </Tag>
            ))}
          </Flex>
          {data.createdByName && (
            <Typography.Paragraph type="secondary">
              {t('handover.batchColumns.createdBy')}：{data.createdByName}
            </Typography.Paragraph>
          )}
          <Table<THandoverBatchCase>
            rowKey="caseId"
            size="small"
            columns={columns}
            dataSource={data.cases}
            pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
            data-testid="handover-batch-cases"
          />
        </>
      ) : null}
    </Drawer>
  );
}

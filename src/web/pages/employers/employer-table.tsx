import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEmployer } from '../../../domain/api/opportunities.ts';
import type { TEmployerStatus } from '../../../domain/opportunities/codes.ts';
import type { TEmployerPage, TEmployerSort } from '../../api/opportunities.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { EmployerTags } from '../opportunities/opportunity-tags.tsx';
import { sortOrderOf, type TEmployerUrl } from './employer-search.ts';

export const EMPLOYER_STATUS_COLORS: Record<TEmployerStatus, string> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'error',
};

export function EmployerStatusTag({ status }: { status: TEmployerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={EMPLOYER_STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid={`employer-status-${status}`}
    >
      {t(`employers.statuses.${status}`)}
    </Tag>
  );
}

type TProps = {
  data: TEmployerPage | undefined;
  loading: boolean;
  search: TEmployerUrl;
  empty: ReactNode;
  onOpen: (orgId: string) => void;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: TEmployerSort | undefined, order: 'asc' | 'desc' | undefined) => void;
};

/** Employers of one status tab as a server-paged table; the name opens the drawer (click, or Enter). */
export function EmployerTable({ data, loading, search, empty, onOpen, onPage, onSort }: TProps) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const sortable = (column: TEmployerSort) => ({
    sorter: true,
    sortOrder: sortOrderOf(search, column),
    sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
  });
  const columns: ColumnsType<TEmployer> = [
    {
      key: 'name',
      title: t('employers.col.name'),
      width: 200,
      fixed: 'start',
      ...sortable('name'),
      render: (_, e) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpen(e.orgId)}
          data-testid="employer-open"
        >
          {e.name}
        </Button>
      ),
    },
    {
      key: 'creditCode',
      title: t('employers.col.creditCode'),
      width: 180,
      render: (_, e) => <span className="mono">{e.creditCode}</span>,
    },
    {
      key: 'region',
      title: t('employers.col.region'),
      width: 120,
      ...sortable('region'),
      render: (_, e) => e.regionName ?? e.regionCode,
    },
    {
      key: 'industry',
      title: t('employers.col.industry'),
      width: 150,
      render: (_, e) => (
        <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 140 }}>
          {t(`cases.industries.${e.industry}`)}
        </Typography.Text>
      ),
    },
    {
      key: 'size',
      title: t('employers.col.size'),
      width: 60,
      render: (_, e) => t(`employers.sizes.${e.size}`),
    },
    {
      key: 'tags',
      title: t('employers.col.tags'),
      width: 150,
      render: (_, e) => (e.tags.length ? <EmployerTags tags={e.tags} /> : none),
    },
    {
      key: 'contact',
      title: t('employers.col.contact'),
      width: 130,
      render: (_, e) => (
        <Flex vertical>
          <span>{e.contactName}</span>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {e.contactPhone}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'openPosts',
      title: t('employers.col.openPosts'),
      width: 80,
      align: 'right',
      render: (_, e) => e.openPosts,
    },
    {
      key: 'created',
      title: t('employers.col.createdAt'),
      width: 100,
      ...sortable('created'),
      render: (_, e) => dayjs(e.createdAt).format('YYYY-MM-DD'),
    },
  ];
  return (
    <Table<TEmployer>
      rowKey="orgId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 1170 }}
      onRow={(e) => ({ onDoubleClick: () => onOpen(e.orgId) })}
      pagination={serverPagination(
        t,
        {
          page: data?.page ?? search.page,
          pageSize: data?.pageSize ?? search.pageSize,
          total: data?.total ?? 0,
        },
        onPage,
      )}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        onSort(
          sorter.order ? (sorter.columnKey as TEmployerSort) : undefined,
          sorter.order === 'ascend' ? 'asc' : sorter.order === 'descend' ? 'desc' : undefined,
        );
      }}
      locale={{ emptyText: loading && !data ? none : empty }}
      data-testid="employer-table"
    />
  );
}

import { Flex, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOpportunityListItem } from '../../../domain/api/opportunities.ts';
import type { TOpportunityPage, TOpportunitySort, TPostPaging } from '../../api/opportunities.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { quotaText, salaryText } from './opportunity-labels.ts';
import { sortOrderOf } from './opportunity-search.ts';
import {
  DeadlineText,
  EmployerTags,
  KindTag,
  PostStatusTag,
  TargetPriorityTag,
} from './opportunity-tags.tsx';

type TProps = {
  data: TOpportunityPage | undefined;
  loading: boolean;
  search: TPostPaging;
  empty: ReactNode;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: TOpportunitySort | undefined, order: 'asc' | 'desc') => void;
  /** the staff list shows status and actions; the zone shows employer tags instead */
  variant: 'staff' | 'zone';
  /** actions of a row (open / close / edit), staff list only */
  actions?: (post: TOpportunityListItem) => ReactNode;
};

/** Posts as a server-paged, server-sorted table. */
export function OpportunityTable(props: TProps) {
  const { data, loading, search, empty, onPage, onSort, variant, actions } = props;
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const sortable = (column: TOpportunitySort) => ({
    sorter: true,
    sortOrder: sortOrderOf(search, column),
    sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
  });

  const columns: ColumnsType<TOpportunityListItem> = [
    {
      key: 'title',
      title: t('opportunities.col.title'),
      width: 230,
      fixed: 'start',
      ...sortable('title'),
      render: (_, p) => (
        <Flex vertical gap={2}>
          <Link to={`/opportunities/${p.id}`} data-testid="post-link">
            <Typography.Text strong style={{ color: 'inherit' }}>
              {p.title}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {p.employer?.name ?? p.owner.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('opportunities.col.kind'),
      width: zh ? 110 : 170,
      // the staff list marks posts of the 52-county zone; the zone itself is nothing else
      render: (_, p) => (
        <Flex vertical gap={4} align="start">
          <KindTag kind={p.kind} />
          {p.targetPriority && variant === 'staff' && <TargetPriorityTag />}
        </Flex>
      ),
    },
    {
      key: 'regions',
      title: t('opportunities.col.regions'),
      width: 120,
      render: (_, p) => (
        <Typography.Text ellipsis={{ tooltip: p.regionNames.join('、') }} style={{ maxWidth: 110 }}>
          {p.regionNames.join('、') || p.regionCodes.join('、')}
        </Typography.Text>
      ),
    },
    {
      key: 'level',
      title: t('opportunities.col.level'),
      width: zh ? 80 : 100,
      render: (_, p) => (p.minLevel ? t(`graduates.levels.${p.minLevel}`) : t('opportunities.unlimited')),
    },
    {
      key: 'salary',
      title: t('opportunities.col.salary'),
      width: 130,
      ...sortable('salary'),
      render: (_, p) => salaryText(t, p.salaryMin, p.salaryMax),
    },
    {
      key: 'quota',
      title: (
        <Tooltip title={`${t('opportunities.detail.quotaUsed')} / ${t('opportunities.detail.quota')}`}>
          {t('opportunities.col.quota')}
        </Tooltip>
      ),
      width: 80,
      align: 'right',
      render: (_, p) => <span className="mono">{quotaText(t, p.quotaUsed, p.quota)}</span>,
    },
    {
      key: 'applicants',
      title: t('opportunities.col.applicants'),
      width: zh ? 60 : 80,
      align: 'right',
      render: (_, p) => <span className="mono">{p.applicants}</span>,
    },
    {
      key: 'deadline',
      title: t('opportunities.col.deadline'),
      width: 110,
      ...sortable('deadline'),
      render: (_, p) => <DeadlineText post={p} />,
    },
    variant === 'staff'
      ? {
          key: 'status',
          title: t('opportunities.col.status'),
          width: 80,
          render: (_, p) => <PostStatusTag status={p.status} expired={p.expired} />,
        }
      : {
          key: 'tags',
          title: t('opportunities.zone.employerTags'),
          width: 160,
          render: (_, p) => (p.employer?.tags.length ? <EmployerTags tags={p.employer.tags} /> : none),
        },
  ];
  if (actions) {
    columns.push({
      key: 'actions',
      title: t('opportunities.col.actions'),
      width: zh ? 140 : 190,
      fixed: 'end',
      render: (_, p) => actions(p),
    });
  }

  return (
    <Table<TOpportunityListItem>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: (actions ? 1140 : 1000) + (zh ? 0 : 180) }}
      pagination={serverPagination(
        t,
        {
          page: data?.page ?? search.page,
          pageSize: data?.pageSize ?? search.pageSize,
          total: data?.total ?? 0,
        },
        onPage,
      )}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        onSort(
          sorter.order ? (sorter.columnKey as TOpportunitySort) : undefined,
          sorter.order === 'descend' ? 'desc' : 'asc',
        );
      }}
      locale={{ emptyText: loading && !data ? none : empty }}
      data-testid="post-table"
    />
  );
}

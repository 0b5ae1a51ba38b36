import { Button, Card, Flex, Input, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOpportunityListItem } from '../../../domain/api/opportunities.ts';
import { OPPORTUNITY_STATUSES, type TOpportunityStatus } from '../../../domain/opportunities/codes.ts';
import { useEmployerPosts } from '../../api/employer-portal.ts';
import { RowCards, useIsPhone } from '../../components/row-cards.tsx';
import { serverPagination } from '../../components/server-pagination.ts';
import { ErrorState } from '../../components/states.tsx';
import { quotaText } from '../opportunities/opportunity-labels.ts';
import { DeadlineText, KindTag, PostStatusTag } from '../opportunities/opportunity-tags.tsx';
import { DeleteDraftButton, PostStatusButton } from './post-status-button.tsx';

/** My posts, newest first, with their applicants and places, and what I can do with each. */
export function PostsTable({ onEdit }: { onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TOpportunityStatus | 'all'>('all');
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const posts = useEmployerPosts({
    ...paging,
    status: status === 'all' ? undefined : status,
    q: q || undefined,
  });
  const phone = useIsPhone();
  const empty = (
    <Flex vertical align="center" style={{ padding: 24 }}>
      <Typography.Text>{t('employerPortal.posts.empty')}</Typography.Text>
      <Typography.Text type="secondary">{t('employerPortal.posts.emptyHint')}</Typography.Text>
    </Flex>
  );
  const pagination = serverPagination(
    t,
    { page: paging.page, pageSize: paging.pageSize, total: posts.data?.total ?? 0 },
    (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
  );

  const columns: ColumnsType<TOpportunityListItem> = [
    {
      key: 'title',
      title: t('opportunities.col.title'),
      render: (_, p) => (
        <Flex vertical gap={2}>
          <Link to={`/employer/posts/${p.id}`} data-testid="employer-post-link">
            {p.title}
          </Link>
          <Flex gap={4} wrap>
            <KindTag kind={p.kind} />
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'regions',
      title: t('opportunities.col.regions'),
      width: 150,
      render: (_, p) => (
        <Typography.Text ellipsis={{ tooltip: true }}>{p.regionNames.join('、')}</Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('opportunities.col.status'),
      width: 90,
      render: (_, p) => <PostStatusTag status={p.status} expired={p.expired} />,
    },
    {
      key: 'deadline',
      title: t('opportunities.col.deadline'),
      width: 120,
      render: (_, p) => <DeadlineText post={p} />,
    },
    {
      key: 'applicants',
      title: t('employerPortal.posts.applicants'),
      width: 80,
      align: 'end',
      render: (_, p) => (
        <Link to={`/employer/posts/${p.id}`} data-testid="employer-post-applicants">
          {p.applicants}
        </Link>
      ),
    },
    {
      key: 'quota',
      title: t('employerPortal.posts.quota'),
      width: 110,
      align: 'end',
      render: (_, p) => quotaText(t, p.quotaUsed, p.quota),
    },
    {
      key: 'actions',
      title: t('opportunities.col.actions'),
      width: 260,
      render: (_, p) => (
        <Flex>
          <Button type="link" size="small" onClick={() => onEdit(p.id)} data-testid="employer-post-edit">
            {t('employerPortal.posts.edit')}
          </Button>
          <PostStatusButton post={p} />
          <DeleteDraftButton post={p} />
          {p.status !== 'draft' && (
            <Link to={`/employer/posts/${p.id}`}>
              <Button type="link" size="small">
                {t('employerPortal.posts.viewApplicants')}
              </Button>
            </Link>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('employerPortal.posts.title')}
      extra={
        <Flex gap="small" wrap>
          <Segmented<TOpportunityStatus | 'all'>
            size="small"
            value={status}
            onChange={(s) => {
              setStatus(s);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'all', label: t('employerPortal.post.filterAll') },
              ...OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`opportunities.statuses.${s}`) })),
            ]}
          />
          <Input.Search
            size="small"
            allowClear
            placeholder={t('employerPortal.posts.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 200 }}
          />
        </Flex>
      }
      data-testid="employer-posts"
    >
      {posts.isError ? (
        <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />
      ) : phone ? (
        <RowCards<TOpportunityListItem>
          columns={columns}
          dataSource={posts.data?.items ?? []}
          rowKey={(p) => p.id}
          loading={posts.isFetching}
          empty={empty}
          pagination={pagination}
          data-testid="employer-post-cards"
        />
      ) : (
        <Table<TOpportunityListItem>
          rowKey="id"
          size="small"
          loading={posts.isFetching}
          columns={columns}
          dataSource={posts.data?.items ?? []}
          scroll={{ x: 960 }}
          locale={{ emptyText: empty }}
          pagination={pagination}
        />
      )}
    </Card>
  );
}

import { EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Pagination, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOpportunityListItem } from '../../../domain/api/opportunities.ts';
import type { TOpportunityPage, TPostPaging } from '../../api/opportunities.ts';
import { PAGE_SIZES } from '../../components/server-pagination.ts';
import { quotaText, salaryText } from '../opportunities/opportunity-labels.ts';
import { DeadlineText, EmployerTags, KindTag } from '../opportunities/opportunity-tags.tsx';

type TProps = {
  data: TOpportunityPage | undefined;
  loading: boolean;
  search: TPostPaging;
  empty: ReactNode;
  onPage: (page: number, pageSize: number) => void;
};

/** The zone as cards: what a graduate would scan first — kind, title, where, pay, until when. */
export function ZoneCards({ data, loading, search, empty, onPage }: TProps) {
  const { t } = useTranslation();
  if (loading && !data) return <Skeleton active />;
  const items = data?.items ?? [];
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <Row gutter={[16, 16]} data-testid="zone-cards">
        {items.map((p) => (
          <Col key={p.id} xs={24} md={12} xl={8}>
            <PostCard post={p} />
          </Col>
        ))}
      </Row>
      <Flex justify="end" style={{ marginTop: 16 }}>
        <Pagination
          current={data?.page ?? search.page}
          pageSize={data?.pageSize ?? search.pageSize}
          total={data?.total ?? 0}
          showSizeChanger
          pageSizeOptions={[...PAGE_SIZES]}
          showTotal={(n) => t('common.total', { count: n })}
          onChange={onPage}
        />
      </Flex>
    </>
  );
}

function PostCard({ post: p }: { post: TOpportunityListItem }) {
  const { t } = useTranslation();
  return (
    <Card size="small" hoverable style={{ height: '100%' }} data-testid="zone-card">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="start" gap="small">
          <KindTag kind={p.kind} />
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {salaryText(t, p.salaryMin, p.salaryMax)}
          </Typography.Text>
        </Flex>
        <Link to={`/opportunities/${p.id}`} data-testid="zone-card-link">
          <Typography.Title level={5} style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: p.title }}>
            {p.title}
          </Typography.Title>
        </Link>
        <Typography.Text type="secondary" ellipsis>
          {p.employer?.name ?? p.owner.name}
        </Typography.Text>
        <Typography.Text ellipsis={{ tooltip: p.regionNames.join('、') }}>
          <EnvironmentOutlined /> {p.regionNames.join('、') || t('common.none')}
        </Typography.Text>
        <Flex justify="space-between" align="end" wrap gap="small">
          <Flex gap="middle" align="center">
            <Typography.Text type="secondary">
              {p.minLevel ? t(`graduates.levels.${p.minLevel}`) : t('opportunities.unlimited')}
            </Typography.Text>
            <Typography.Text type="secondary" title={t('opportunities.col.quota')}>
              <TeamOutlined /> {quotaText(t, p.quotaUsed, p.quota)}
            </Typography.Text>
          </Flex>
          <DeadlineText post={p} />
        </Flex>
        {p.employer && p.employer.tags.length > 0 && <EmployerTags tags={p.employer.tags} />}
      </Flex>
    </Card>
  );
}

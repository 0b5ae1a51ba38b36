import { SendOutlined } from '@ant-design/icons';
import { Button, Flex, Popover, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMatchPostSummary, TRecommendationDto } from '../../../domain/api/matching.ts';
import { salaryText } from '../opportunities/opportunity-labels.ts';
import { KindTag } from '../opportunities/opportunity-tags.tsx';
import { ScoreBreakdown } from './score-breakdown.tsx';

/** The post's name (linked to its page), employer, where, pay and deadline, as both tables show it. */
export function PostCell({ post }: { post: TMatchPostSummary }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center" wrap>
        <Link to={`/opportunities/${post.id}`} data-testid="recommended-post">
          {post.title}
        </Link>
        <KindTag kind={post.kind} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          post.orgName,
          post.regionNames.slice(0, 2).join('、'),
          salaryText(t, post.salaryMin, post.salaryMax),
          t('matching.recommendations.deadline', { date: post.deadline }),
          post.quotaLeft === null ? null : t('matching.recommendations.quotaLeft', { count: post.quotaLeft }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

/** The score as a bar with its number; hovering shows the breakdown. */
function ScoreCell({ rec }: { rec: TRecommendationDto }) {
  const { t } = useTranslation();
  return (
    <Popover
      title={t('matching.recommendations.breakdown')}
      content={
        <div style={{ width: 560 }}>
          <ScoreBreakdown breakdown={rec.breakdown} />
        </div>
      }
      placement="left"
    >
      <Flex align="center" gap={8} style={{ cursor: 'help' }} data-testid="recommendation-score">
        <Progress percent={rec.score} showInfo={false} size="small" style={{ width: 64, margin: 0 }} />
        <Typography.Text strong className="mono">
          {rec.score}
        </Typography.Text>
      </Flex>
    </Popover>
  );
}

/**
 * The top recommendations, best first: score (hover or expand for the per-factor breakdown), what was pushed
 * already, and 推送 for those who may push.
 */
export function RecommendationTable({
  items,
  canPush,
  onPush,
}: {
  items: readonly TRecommendationDto[];
  canPush: boolean;
  onPush: (post: TMatchPostSummary) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<TRecommendationDto> = [
    { key: 'rank', title: t('matching.recommendations.rank'), width: 56, render: (_, r) => r.rank },
    { key: 'post', title: t('matching.recommendations.post'), render: (_, r) => <PostCell post={r.post} /> },
    {
      key: 'score',
      title: t('matching.recommendations.score'),
      width: 110,
      render: (_, r) => <ScoreCell rec={r} />,
    },
    {
      key: 'push',
      width: 112,
      render: (_, r) => (
        <Flex vertical gap={4} align="start">
          {r.application && (
            <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="recommendation-applied">
              {t(`matching.recommendations.application.${r.application.status}`)}
            </Tag>
          )}
          {r.pushes.length > 0 && !reached(r) && (
            <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="recommendation-push-failed">
              {t('matching.pushStatuses.failed')}
            </Tag>
          )}
          {reached(r) && (
            <Flex gap={4}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="recommendation-pushed">
                {t('matching.recommendations.pushedTag')}
              </Tag>
              {r.pushes.some((p) => p.viewedAt) && (
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {t('matching.recommendations.viewedTag')}
                </Tag>
              )}
            </Flex>
          )}
          {canPush && !applied(r) && (
            <Button
              size="small"
              type={reached(r) ? 'default' : 'primary'}
              icon={<SendOutlined />}
              onClick={() => onPush(r.post)}
              data-testid="recommendation-push"
            >
              {reached(r) ? t('matching.recommendations.pushAgain') : t('matching.recommendations.push')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Table<TRecommendationDto>
      rowKey={(r) => r.post.id}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={[...items]}
      scroll={{ x: 600 }}
      expandable={{ expandedRowRender: (r) => <ScoreBreakdown breakdown={r.breakdown} /> }}
      onRow={(r) => ({ 'data-testid': 'recommendation-row', 'data-post-id': r.post.id }) as object}
      data-testid="recommendation-table"
    />
  );
}

/** Already applied (and not withdrawn): the post reached the graduate, a push would add nothing. */
function applied(r: TRecommendationDto): boolean {
  return r.application !== null && r.application.status !== 'withdrawn';
}

/** Pushed on some channel that did not fail: a post only ever failed to push has not reached the graduate. */
function reached(r: TRecommendationDto): boolean {
  return r.pushes.some((p) => p.status !== 'failed');
}

import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import type { TMatchPostSummary } from '../../../domain/api/matching.ts';
import { hasPermission } from '../../../domain/roles.ts';
import { useRecommendations } from '../../api/matching.ts';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { formatDateTime } from './case-labels.ts';
import { NearMisses } from './near-misses.tsx';
import { PushHistory } from './push-history.tsx';
import { PushModal } from './push-modal.tsx';
import { RecommendationTable } from './recommendation-table.tsx';

const TOP = 10;

/**
 * 岗位推荐 on the case page: the best open posts for this graduate with why (per factor), the near misses with
 * why not, pushing one to the graduate (for those who may push and may edit this case), and what came of earlier
 * pushes.
 */
export function RecommendSection({ detail, readOnly }: { detail: TCaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // pushing writes to the case (an event), so the holder rule applies as to any other edit
  const canPush = hasPermission(me.roles, 'matching.push') && !readOnly;
  const recs = useRecommendations(detail.id, TOP);
  const [pushing, setPushing] = useState<TMatchPostSummary | null>(null);

  const body = () => {
    if (recs.isPending) return <LoadingState />;
    if (recs.isError) return <ErrorState error={recs.error} onRetry={() => void recs.refetch()} />;
    const r = recs.data;
    const full = r.pushLimit.usedToday >= r.pushLimit.perDay;
    return (
      <>
        <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="recommendations-meta">
            {t('matching.recommendations.computedAt', {
              time: formatDateTime(r.computedAt),
              count: r.postsConsidered,
            })}
          </Typography.Text>
          <Flex gap="small" align="center">
            {canPush && (
              <Typography.Text
                type={full ? 'warning' : 'secondary'}
                style={{ fontSize: 12 }}
                data-testid="push-limit"
              >
                {t('matching.recommendations.limit', {
                  used: r.pushLimit.usedToday,
                  limit: r.pushLimit.perDay,
                })}
              </Typography.Text>
            )}
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void recs.refetch()}
              loading={recs.isFetching}
            >
              {t('matching.recommendations.refresh')}
            </Button>
          </Flex>
        </Flex>
        {canPush && full && (
          <Alert
            type="warning"
            showIcon
            title={t('matching.recommendations.limitReached', { limit: r.pushLimit.perDay })}
            style={{ marginBottom: 8 }}
          />
        )}
        {r.recommendations.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <div>{t('matching.recommendations.empty')}</div>
                <Typography.Text type="secondary">{t('matching.recommendations.emptyHint')}</Typography.Text>
              </>
            }
          />
        ) : (
          <RecommendationTable items={r.recommendations} canPush={canPush} onPush={setPushing} />
        )}
        <NearMisses items={r.nearMisses} />
        <PushModal
          caseId={detail.id}
          graduateName={detail.graduate.name}
          post={pushing}
          limit={r.pushLimit}
          reachable={r.reachableChannels}
          onClose={() => setPushing(null)}
        />
      </>
    );
  };

  return (
    <div data-testid="recommend-section">
      {body()}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('matching.history.title')}
      </Typography.Title>
      <PushHistory caseId={detail.id} />
    </div>
  );
}

import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCaseEvents } from '../../api/cases.ts';
import { useCasePushes } from '../../api/matching.ts';
import { ErrorState } from '../../components/states.tsx';
import { ApplicationSteps } from '../me/application-steps.tsx';
import { formatDateTime } from './case-labels.ts';
import { buildTrail, type TTrailRow } from './push-trail.ts';

const CHANNEL_COLORS: Record<string, string> = {
  sent: 'success',
  queued: 'processing',
  limited: 'warning',
  failed: 'error',
};

/**
 * The case's funnel, one row per post: pushed (channels, by whom, when) → viewed by the graduate → the
 * application's steps. Posts the graduate applied to on their own show up too.
 */
export function PushHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const pushes = useCasePushes(caseId);
  const progress = useCaseEvents(caseId, { kind: 'progress', page: 1, pageSize: 200 });
  const destination = useCaseEvents(caseId, { kind: 'destination', page: 1, pageSize: 50 });
  if (pushes.isError) return <ErrorState error={pushes.error} onRetry={() => void pushes.refetch()} />;
  const rows = buildTrail(pushes.data?.items ?? [], [
    ...(progress.data?.items ?? []),
    ...(destination.data?.items ?? []),
  ]);
  const none = t('common.none');

  const columns: ColumnsType<TTrailRow> = [
    {
      key: 'post',
      title: t('matching.history.post'),
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text>{r.title || none}</Typography.Text>
          {r.pushedAt ? (
            <Flex gap={4} wrap align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('matching.history.pushedBy', {
                  time: formatDateTime(r.pushedAt),
                  name: r.pushedBy ?? none,
                })}
              </Typography.Text>
              {r.channels.map((c) => (
                <Tooltip key={c.channel} title={t(`matching.pushStatuses.${c.status}`)}>
                  <Tag color={CHANNEL_COLORS[c.status]} style={{ marginInlineEnd: 0 }}>
                    {t(`matching.channels.${c.channel}`)}
                  </Tag>
                </Tooltip>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('matching.history.notPushed')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'viewed',
      title: t('matching.history.viewed'),
      width: 110,
      render: (_, r) =>
        r.viewedAt ? (
          <Typography.Text style={{ fontSize: 12 }} data-testid="trail-viewed">
            {formatDateTime(r.viewedAt)}
          </Typography.Text>
        ) : r.pushedAt ? (
          <Typography.Text type="secondary">{t('matching.history.notViewed')}</Typography.Text>
        ) : (
          none
        ),
    },
    {
      key: 'application',
      title: t('matching.history.application'),
      width: 270,
      render: (_, r) =>
        r.application ? (
          <ApplicationSteps status={r.application.status} />
        ) : (
          <Typography.Text type="secondary">{t('matching.history.notApplied')}</Typography.Text>
        ),
    },
  ];

  return (
    <Table<TTrailRow>
      rowKey="postId"
      size="small"
      loading={pushes.isPending || progress.isPending}
      pagination={false}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 620 }}
      locale={{ emptyText: t('matching.history.empty') }}
      onRow={(r) => ({ 'data-testid': 'trail-row', 'data-post-id': r.postId }) as object}
      data-testid="push-history"
    />
  );
}

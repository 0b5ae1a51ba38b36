import { Badge, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TApplicationStatus } from '../../../domain/opportunities/codes.ts';
import { useMyPushes } from '../../api/me.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { ApplicationTag } from './application-steps.tsx';
import { formatDay } from './me-format.ts';
import { MeHeader } from './me-tabs.tsx';
import { PostCard } from './post-card.tsx';

/**
 * 推送给我的岗位: posts the graduate's teachers pushed, newest first; unseen ones are marked new. Opening one
 * marks it seen (the post's page does that) and applying from there counts as applying to a push.
 */
export function MePushedPage() {
  const { t } = useTranslation();
  const pushes = useMyPushes();

  const content = () => {
    if (pushes.isPending) return <LoadingState />;
    if (pushes.isError) return <ErrorState error={pushes.error} onRetry={() => void pushes.refetch()} />;
    if (pushes.data.length === 0) {
      return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meJobs.pushed.empty')} />;
    }
    return (
      <Flex vertical gap="small" data-testid="me-pushed-list">
        {pushes.data.map((p) => (
          <PostCard
            key={p.id}
            testId="me-pushed-card"
            post={{ ...p.post, orgName: p.post.orgName }}
            to={`/me/posts/${p.post.id}?push=${p.id}`}
            extra={
              <>
                {p.viewedAt === null && <Badge count={t('meJobs.pushed.new')} data-testid="me-pushed-new" />}
                {p.applicationStatus && <ApplicationTag status={p.applicationStatus as TApplicationStatus} />}
              </>
            }
            footer={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  p.pushedBy ? t('meJobs.pushed.by', { name: p.pushedBy }) : null,
                  t('meJobs.pushed.at', { date: formatDay(p.pushedAt) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {p.note && (
                  <Typography.Paragraph
                    type="secondary"
                    ellipsis={{ rows: 2 }}
                    style={{ margin: 0, fontSize: 12 }}
                  >
                    “{p.note}”
                  </Typography.Paragraph>
                )}
              </Typography.Text>
            }
          />
        ))}
      </Flex>
    );
  };

  return (
    <div data-testid="me-pushed-page" style={{ maxWidth: 720 }}>
      <MeHeader title={t('meJobs.pushed.title')} />
      <Typography.Paragraph type="secondary">{t('meJobs.pushed.intro')}</Typography.Paragraph>
      {content()}
    </div>
  );
}

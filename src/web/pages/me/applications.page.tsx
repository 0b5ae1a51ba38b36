import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyApplications } from '../../api/me.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { ApplicationSteps } from './application-steps.tsx';
import { useCardSize } from './card-size.ts';
import { formatDay } from './me-format.ts';
import { MeHeader } from './me-tabs.tsx';

/** 我的申请: every application with where it stands (已报名 → 面试 → 拟录用 → 已录用), newest first. */
export function MeApplicationsPage() {
  const { t } = useTranslation();
  const size = useCardSize();
  const mine = useMyApplications();

  const content = () => {
    if (mine.isPending) return <LoadingState />;
    if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
    if (mine.data.length === 0) {
      return (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meJobs.applications.empty')}>
          <Link to="/me/posts">
            <Button type="primary">{t('meJobs.applications.browse')}</Button>
          </Link>
        </Empty>
      );
    }
    return (
      <Flex vertical gap="small" data-testid="me-applications-list">
        {mine.data.map((a) => (
          <Card key={a.id} size={size} data-testid="me-application" data-status={a.status}>
            <Link to={`/me/posts/${a.opportunity.id}`} style={{ color: 'inherit' }}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {a.opportunity.title}
              </Typography.Text>
            </Link>
            <div>
              <Typography.Text type="secondary">
                {a.opportunity.employerName ?? a.opportunity.ownerName}
                {a.opportunity.regionNames.length > 0 &&
                  ` · ${a.opportunity.regionNames.slice(0, 2).join('、')}`}
              </Typography.Text>
            </div>
            <div style={{ margin: '12px 0 4px' }}>
              <ApplicationSteps status={a.status} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('meJobs.applications.appliedOn', { date: formatDay(a.createdAt) })} ·{' '}
              {t(`meJobs.source.${a.source}`)}
              {a.updatedAt !== a.createdAt &&
                ` · ${t('meJobs.applications.updatedOn', { date: formatDay(a.updatedAt) })}`}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    );
  };

  return (
    <div data-testid="me-applications-page" style={{ maxWidth: 720 }}>
      <MeHeader title={t('meJobs.applications.title')} />
      {content()}
    </div>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { APPLICATION_SOURCES } from '../../../domain/opportunities/codes.ts';
import { useMarkPushViewed, useMyPushes, useSelfOpportunity } from '../../api/me.ts';
import { useDocumentTitle } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { EmployerTags, KindTag } from '../opportunities/opportunity-tags.tsx';
import { ApplyPanel } from './apply-panel.tsx';
import { useCardSize } from './card-size.ts';
import { MeHeader } from './me-tabs.tsx';
import { deadlineLine, isPreferredRule, majorsText, ruleLine, salaryText } from './post-format.ts';

/**
 * A post's page for the graduate: what it is, who can apply, and the apply button (or where their application
 * stands). Opened from a push (`?push=<id>`), it marks the push as seen and shows the teacher's note.
 */
export function MePostPage() {
  const { t } = useTranslation();
  const size = useCardSize();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const post = useSelfOpportunity(id);
  const pushId = params.get('push');
  const pushes = useMyPushes();
  const push = pushId ? pushes.data?.find((p) => p.id === pushId) : undefined;
  const markViewed = useMarkPushViewed();
  const marked = useRef(false);
  useDocumentTitle(post.data?.opportunity.title ?? t('meJobs.detail.title'));

  useEffect(() => {
    if (!push || push.viewedAt !== null || marked.current) return;
    marked.current = true;
    markViewed.mutate(push.id);
  }, [push, markViewed]);

  const from = params.get('from');
  const source = pushId ? 'push' : (APPLICATION_SOURCES.find((s) => s === from) ?? 'self');

  const content = () => {
    if (post.isPending) return <LoadingState />;
    if (post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
    const p = post.data.opportunity;
    const orgName = p.employer?.name ?? p.owner.name;
    const left = p.quota === null ? null : Math.max(0, p.quota - p.quotaUsed);
    const rules = p.eligibilityRules;
    return (
      <Flex vertical gap="middle">
        <Card size={size} data-testid="me-post-detail">
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }} data-testid="me-post-title">
            {p.title}
          </Typography.Title>
          <Typography.Text type="secondary">{orgName}</Typography.Text>
          <Typography.Title level={5} type="danger" style={{ margin: '8px 0' }}>
            {salaryText(t, p.salaryMin, p.salaryMax)}
          </Typography.Title>
          <Flex wrap gap={4} style={{ marginBottom: 12 }}>
            <KindTag kind={p.kind} />
            {p.employer && <EmployerTags tags={p.employer.tags} />}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'org', label: t('meJobs.detail.org'), children: orgName },
              {
                key: 'regions',
                label: t('meJobs.detail.regions'),
                children: p.regionNames.join('、') || t('common.none'),
              },
              {
                key: 'deadline',
                label: t('meJobs.detail.deadline'),
                children: deadlineLine(t, p.deadline),
              },
              {
                key: 'quota',
                label: t('meJobs.detail.quota'),
                children:
                  left === null
                    ? t('meJobs.card.quotaOpen')
                    : `${t('meJobs.card.quota', { count: p.quota ?? 0 })} · ${t('meJobs.detail.quotaLeft', { count: left })}`,
              },
              { key: 'majors', label: t('meJobs.detail.majors'), children: majorsText(t, p.majorPrefixes) },
              {
                key: 'level',
                label: t('meJobs.detail.minLevel'),
                children: p.minLevel
                  ? t('opportunities.ruleText.min_level', { level: t(`graduates.levels.${p.minLevel}`) })
                  : t('opportunities.unlimited'),
              },
              ...(p.industry
                ? [
                    {
                      key: 'industry',
                      label: t('meJobs.detail.industry'),
                      children: t(`cases.industries.${p.industry}`),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {push?.note && (
          <Card size={size} data-testid="me-push-note">
            <Typography.Text>{t('meJobs.detail.pushedNote', { note: push.note })}</Typography.Text>
          </Card>
        )}
        <ApplyPanel data={post.data} source={source} />
        <Card size={size} title={t('meJobs.detail.rules')}>
          {rules.length === 0 ? (
            <Typography.Text type="secondary">{t('meJobs.detail.noRules')}</Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="me-post-rules">
              {rules.map((rule) => (
                <li key={rule.kind} style={{ marginBottom: 4 }}>
                  {ruleLine(t, rule)}
                  {isPreferredRule(rule) && (
                    <Tag style={{ marginInlineStart: 8 }}>{t('meJobs.detail.preferred')}</Tag>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card size={size} title={t('meJobs.detail.description')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {p.description || (
              <Typography.Text type="secondary">{t('meJobs.detail.noDescription')}</Typography.Text>
            )}
          </Typography.Paragraph>
        </Card>
      </Flex>
    );
  };

  return (
    <div data-testid="me-post-page" style={{ maxWidth: 720 }}>
      <MeHeader>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/me/posts'))}
          style={{ paddingInline: 0, marginBottom: 8 }}
        >
          {t('meJobs.detail.back')}
        </Button>
      </MeHeader>
      {content()}
    </div>
  );
}

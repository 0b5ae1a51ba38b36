import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useEmployerPost } from '../../api/employer-portal.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { ApplicantsTable } from '../opportunities/applicants-table.tsx';
import { useMajorNames } from '../opportunities/major-select.tsx';
import { quotaText, salaryText } from '../opportunities/opportunity-labels.ts';
import { DeadlineText, KindTag, PostStatusTag } from '../opportunities/opportunity-tags.tsx';
import { PostDrawer } from './post-drawer.tsx';
import { PostStatusButton } from './post-status-button.tsx';

/** One of my posts: what it says, open or close it, and its applicants. */
export function EmployerPostPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const post = useEmployerPost(id);
  const majorName = useMajorNames();
  const [editing, setEditing] = useState<{ id: string } | null>(null);
  const back = (
    <Link to="/employer">
      <Button icon={<ArrowLeftOutlined />}>{t('employerPortal.post.back')}</Button>
    </Link>
  );

  if (post.isPending) return <LoadingState />;
  if (post.isError) {
    return (
      <>
        <PageHeader title={t('employerPortal.title')} extra={back} />
        <ErrorState error={post.error} onRetry={() => void post.refetch()} />
      </>
    );
  }
  const p = post.data;
  return (
    <div data-testid="employer-post-page">
      <PageHeader title={p.title} extra={back} />
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <KindTag kind={p.kind} />
            <PostStatusTag status={p.status} expired={p.expired} />
          </Flex>
        }
        extra={
          p.canEdit && (
            <Flex gap="small">
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing({ id: p.id })}
                data-testid="employer-post-edit"
              >
                {t('employerPortal.posts.edit')}
              </Button>
              <PostStatusButton post={p} link={false} />
            </Flex>
          )
        }
        style={{ marginBottom: 16 }}
        data-testid="employer-post-summary"
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'regions', label: t('opportunities.detail.regions'), children: p.regionNames.join('、') },
            {
              key: 'deadline',
              label: t('opportunities.detail.deadline'),
              children: <DeadlineText post={p} />,
            },
            {
              key: 'salary',
              label: t('opportunities.detail.salary'),
              children: salaryText(t, p.salaryMin, p.salaryMax),
            },
            {
              key: 'majors',
              label: t('opportunities.detail.majors'),
              children:
                p.majorPrefixes.length === 0
                  ? t('opportunities.unlimited')
                  : p.majorPrefixes.map((c) => (majorName(c) ? `${majorName(c)}（${c}）` : c)).join('、'),
            },
            {
              key: 'level',
              label: t('opportunities.detail.minLevel'),
              children: p.minLevel ? t(`graduates.levels.${p.minLevel}`) : t('opportunities.unlimited'),
            },
            {
              key: 'quota',
              label: t('employerPortal.posts.quota'),
              children: quotaText(t, p.quotaUsed, p.quota),
            },
            { key: 'applicants', label: t('opportunities.detail.applicants'), children: p.applicants },
          ]}
        />
      </Card>
      <ApplicantsTable postId={p.id} audience="employer" />
      <PostDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmployerProfile } from '../../api/employer-portal.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { PostDrawer } from './post-drawer.tsx';
import { PostsTable } from './posts-table.tsx';
import { EmployerSummary, ReviewState } from './review-state.tsx';

/**
 * 招聘管理, the employer's portal: the registration and its review, then (once approved) my posts — create,
 * edit, open and close them — each leading to its applicants. A registration awaiting review says so and
 * offers nothing it cannot do yet.
 */
export function EmployerPortalPage() {
  const { t } = useTranslation();
  const profile = useEmployerProfile();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const approved = profile.data?.status === 'approved';

  const content = () => {
    if (profile.isPending) return <LoadingState />;
    if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
    const employer = profile.data;
    return (
      <>
        <ReviewState employer={employer} />
        {employer && <EmployerSummary employer={employer} />}
        {approved && <PostsTable onEdit={(id) => setEditing({ id })} />}
      </>
    );
  };

  return (
    <div data-testid="employer-portal">
      <PageHeader
        title={t('employerPortal.title')}
        extra={
          approved && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ id: null })}
              data-testid="employer-post-create"
            >
              {t('employerPortal.posts.create')}
            </Button>
          )
        }
      />
      {content()}
      <PostDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

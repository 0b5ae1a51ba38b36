import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useEmployerProfile } from '../../api/employer-portal.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { PostDrawer } from './post-drawer.tsx';
import { PostsTable } from './posts-table.tsx';
import { EmployerProfileCard } from './profile-card.tsx';
import { EmployerSummary, ReviewState } from './review-state.tsx';

const TABS = ['posts', 'profile'] as const;
type TTab = (typeof TABS)[number];

/**
 * 招聘管理, the employer's portal: the registration and its review, then (once approved) my posts — create,
 * edit, open and close them — each leading to its applicants; and 单位信息, where the organisation keeps its
 * profile up to date. A registration awaiting review says so and offers nothing it cannot do yet (its
 * profile it may correct).
 */
export function EmployerPortalPage() {
  const { t } = useTranslation();
  const profile = useEmployerProfile();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const approved = profile.data?.status === 'approved';
  // before approval there are no posts to show: the profile is the one tab
  const tabs: TTab[] = approved ? ['posts', 'profile'] : ['profile'];
  const tab = tabs.find((k) => k === params.get('tab')) ?? tabs[0]!;

  const content = () => {
    if (profile.isPending) return <LoadingState />;
    if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
    const employer = profile.data;
    if (!employer) return <ReviewState employer={null} />;
    const sections: Record<TTab, ReactNode> = {
      posts: <PostsTable onEdit={(id) => setEditing({ id })} />,
      profile: <EmployerProfileCard employer={employer} />,
    };
    return (
      <>
        <ReviewState employer={employer} />
        <EmployerSummary employer={employer} />
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            if (key === tabs[0]) next.delete('tab');
            else next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`employer-tab-${key}`}>{t(`employerPortal.tabs.${key}`)}</span>,
            children: sections[key],
          }))}
        />
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

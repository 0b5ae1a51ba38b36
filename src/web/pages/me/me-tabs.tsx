import { Badge, Grid, Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMyPushes } from '../../api/me.ts';
import { PageHeader } from '../../components/page-header.tsx';

const TABS = [
  { key: 'record', path: '/me' },
  { key: 'zone', path: '/me/posts' },
  { key: 'pushed', path: '/me/pushed' },
  { key: 'applications', path: '/me/applications' },
] as const;

/** The tab a path belongs to: the longest matching path (a post's page belongs to 专属岗位). */
export function tabOf(pathname: string): (typeof TABS)[number]['key'] {
  const hit = [...TABS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`));
  return hit?.key ?? 'record';
}

/**
 * The self-service sections as one row of tabs on top of each page: on a phone the side menu is folded away,
 * so this is how a graduate moves between their record, the posts and their applications. New pushes show a dot.
 */
export function MeTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pushes = useMyPushes();
  const unseen = (pushes.data ?? []).filter((p) => p.viewedAt === null).length;
  return (
    <Segmented
      block
      value={tabOf(pathname)}
      onChange={(key) => {
        const tab = TABS.find((x) => x.key === key);
        if (tab) navigate(tab.path);
      }}
      options={TABS.map((tab) => ({
        value: tab.key,
        label:
          tab.key === 'pushed' && unseen > 0 ? (
            <Badge dot offset={[4, 0]}>
              <span data-testid={`me-tab-${tab.key}`}>{t(`meJobs.tabs.${tab.key}`)}</span>
            </Badge>
          ) : (
            <span data-testid={`me-tab-${tab.key}`}>{t(`meJobs.tabs.${tab.key}`)}</span>
          ),
      }))}
      style={{ marginBottom: 12 }}
      data-testid="me-tabs"
    />
  );
}

/**
 * The tabs and the page's title. On a phone the folded menu's toggle floats over the content's left edge just
 * below the tabs, so the title (or whatever comes first, e.g. a back link) moves aside for it.
 */
export function MeHeader({ title, children }: { title?: string; children?: ReactNode }) {
  const phone = Grid.useBreakpoint().sm === false;
  return (
    <>
      <MeTabs />
      <div style={{ paddingInlineStart: phone ? 44 : 0 }}>
        {title && <PageHeader title={title} />}
        {children}
      </div>
    </>
  );
}

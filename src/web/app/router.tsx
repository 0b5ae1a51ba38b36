import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth, RequirePermission } from '../components/require-auth.tsx';
import { LoadingState } from '../components/states.tsx';
import { NotFoundPage, RouteErrorPage } from '../components/status-pages.tsx';
import { AppLayout } from '../layout/app-layout.tsx';
import { LoginPage } from '../pages/login/login.page.tsx';
import { NAV_LEAVES, type TPageKey } from './nav.ts';

type TPageModule = Promise<Record<string, ComponentType>>;

/** Pages load on first visit so the login screen does not pay for the audit table. */
function page(load: () => TPageModule, name: string): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const component = (await load())[name];
    if (!component) throw new Error(`page module has no export ${name}`);
    return { default: component };
  });
}

const PAGES: Record<TPageKey, LazyExoticComponent<ComponentType>> = {
  home: page(() => import('../pages/home/home.page.tsx'), 'HomePage'),
  me: page(() => import('../pages/me/me.page.tsx'), 'MePage'),
  mePosts: page(() => import('../pages/me/zone.page.tsx'), 'MeZonePage'),
  mePushed: page(() => import('../pages/me/pushed.page.tsx'), 'MePushedPage'),
  meApplications: page(() => import('../pages/me/applications.page.tsx'), 'MeApplicationsPage'),
  employerPortal: page(() => import('../pages/employer/employer.page.tsx'), 'EmployerPortalPage'),
  funnel: page(() => import('../pages/funnel/funnel.page.tsx'), 'FunnelPage'),
  graduates: page(() => import('../pages/graduates/graduates.page.tsx'), 'GraduatesPage'),
  cases: page(() => import('../pages/cases/cases.page.tsx'), 'CasesPage'),
  pairing: page(() => import('../pages/pairing/pairing.page.tsx'), 'PairingPage'),
  classes: page(() => import('../pages/classes/classes.page.tsx'), 'ClassesPage'),
  handover: page(() => import('../pages/handover/handover.page.tsx'), 'HandoverPage'),
  siqing: page(() => import('../pages/siqing/siqing.page.tsx'), 'SiqingPage'),
  ledgerRules: page(() => import('../pages/ledger-rules/ledger-rules.page.tsx'), 'LedgerRulesPage'),
  imports: page(() => import('../pages/imports/imports.page.tsx'), 'ImportsPage'),
  opportunities: page(() => import('../pages/opportunities/opportunities.page.tsx'), 'OpportunitiesPage'),
  zone: page(() => import('../pages/zone/zone.page.tsx'), 'ZonePage'),
  zsb: page(() => import('../pages/zsb/zsb.page.tsx'), 'ZsbPage'),
  employers: page(() => import('../pages/employers/employers.page.tsx'), 'EmployersPage'),
  regions: page(() => import('../pages/reference/regions/regions.page.tsx'), 'RegionsPage'),
  focusCounties: page(() => import('../pages/reference/focus/focus-counties.page.tsx'), 'FocusCountiesPage'),
  codeTables: page(() => import('../pages/reference/code-tables.page.tsx'), 'CodeTablesPage'),
  supportPairs: page(() => import('../pages/reference/support-pairs.page.tsx'), 'SupportPairsPage'),
  orgs: page(() => import('../pages/orgs/orgs.page.tsx'), 'OrgsPage'),
  audit: page(() => import('../pages/audit/audit.page.tsx'), 'AuditPage'),
  users: page(() => import('../pages/users/users.page.tsx'), 'UsersPage'),
  password: page(() => import('../pages/account/change-password.page.tsx'), 'ChangePasswordPage'),
  notifications: page(() => import('../pages/notifications/notifications.page.tsx'), 'NotificationsPage'),
};

// Each page route carries the same permission as its menu entry: both come from NAV.
const pageRoutes: RouteObject[] = NAV_LEAVES.map((leaf) => {
  const Page = PAGES[leaf.key];
  const element = (
    <RequirePermission key={leaf.key} permission={leaf.permission}>
      <Page />
    </RequirePermission>
  );
  return leaf.path === '/' ? { index: true, element } : { path: leaf.path, element };
});

const ImportBatchPage = page(() => import('../pages/imports/import-batch.page.tsx'), 'ImportBatchPage');
const CasePage = page(() => import('../pages/cases/case.page.tsx'), 'CasePage');
const OpportunityPage = page(() => import('../pages/opportunities/opportunity.page.tsx'), 'OpportunityPage');
const NewOpportunityPage = page(
  () => import('../pages/opportunities/opportunity-edit.page.tsx'),
  'NewOpportunityPage',
);
const EditOpportunityPage = page(
  () => import('../pages/opportunities/opportunity-edit.page.tsx'),
  'EditOpportunityPage',
);
const RegisterEmployerPage = page(
  () => import('../pages/register-employer/register-employer.page.tsx'),
  'RegisterEmployerPage',
);
const MePostPage = page(() => import('../pages/me/post.page.tsx'), 'MePostPage');
const EmployerPostPage = page(() => import('../pages/employer/employer-post.page.tsx'), 'EmployerPostPage');

// Pages below a menu entry: same permission as the entry they belong to.
const detailRoutes: RouteObject[] = [
  {
    path: '/imports/:id',
    element: (
      <RequirePermission permission="imports.manage">
        <ImportBatchPage />
      </RequirePermission>
    ),
  },
  {
    path: '/cases/:id',
    element: (
      <RequirePermission permission="cases.read">
        <CasePage />
      </RequirePermission>
    ),
  },
  {
    path: '/opportunities/new',
    element: (
      <RequirePermission permission="opportunities.manage">
        <NewOpportunityPage />
      </RequirePermission>
    ),
  },
  {
    path: '/opportunities/:id/edit',
    element: (
      <RequirePermission permission="opportunities.manage">
        <EditOpportunityPage />
      </RequirePermission>
    ),
  },
  {
    path: '/opportunities/:id',
    element: (
      <RequirePermission permission="opportunities.read">
        <OpportunityPage />
      </RequirePermission>
    ),
  },
  {
    path: '/me/posts/:id',
    element: (
      <RequirePermission permission="self.portal">
        <MePostPage />
      </RequirePermission>
    ),
  },
  {
    path: '/employer/posts/:id',
    element: (
      <RequirePermission permission="employer.portal">
        <EmployerPostPage />
      </RequirePermission>
    ),
  },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    // public: an employer registers before it has an account
    path: '/register-employer',
    element: (
      <Suspense fallback={<LoadingState />}>
        <RegisterEmployerPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [...pageRoutes, ...detailRoutes, { path: '*', element: <NotFoundPage /> }],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

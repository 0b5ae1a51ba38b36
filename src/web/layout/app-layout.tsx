import { Alert, Grid, Layout, theme } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../components/require-auth.tsx';
import { LoadingState } from '../components/states.tsx';
import { AppHeader } from './app-header.tsx';
import { SideMenu } from './side-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  // on a phone the menu folds away completely (its toggle stays) and the page gets the whole width
  const phone = Grid.useBreakpoint().sm === false;
  const { pathname } = useLocation();
  // a menu choice on a phone closes the menu: open, it would leave the page a 150 px strip beside it
  useEffect(() => {
    if (phone && pathname) setCollapsed(true);
  }, [phone, pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: phone ? token.paddingSM : token.paddingLG,
        }}
      >
        <AppHeader onToggleMenu={phone ? () => setCollapsed((c) => !c) : undefined} menuOpen={!collapsed} />
      </Layout.Header>
      <Layout style={{ position: 'relative' }}>
        <Layout.Sider
          width={220}
          theme="light"
          breakpoint="lg"
          collapsible
          collapsedWidth={phone ? 0 : 80}
          // on a phone the header's menu button opens it: antd's floating tab would cover the page's text
          trigger={phone ? null : undefined}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            // on a phone the open menu lies over the page instead of squeezing it
            ...(phone ? { position: 'absolute', insetBlock: 0, insetInlineStart: 0, zIndex: 20 } : {}),
          }}
          data-testid="side-menu"
          data-collapsed={collapsed}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: phone ? token.paddingSM : token.paddingLG, minWidth: 0 }}>
          {me.mustChangePassword && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: token.margin }}
              title={t('header.mustChangePassword')}
              action={<Link to="/account/password">{t('header.changeNow')}</Link>}
            />
          )}
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

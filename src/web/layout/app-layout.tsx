import { Alert, Layout, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCurrentUser } from '../components/require-auth.tsx';
import { LoadingState } from '../components/states.tsx';
import { AppHeader } from './app-header.tsx';
import { SideMenu } from './side-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: token.paddingLG,
        }}
      >
        <AppHeader />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={220}
          theme="light"
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: token.paddingLG }}>
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

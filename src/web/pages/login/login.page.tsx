import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { TLoginBody } from '../../../domain/api/auth.ts';
import { useLogin, useMe } from '../../api/auth.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useDocumentTitle } from '../../components/page-header.tsx';
import { LoadingState } from '../../components/states.tsx';
import { useErrorMessage } from '../../i18n/error-message.ts';
import { SmsLoginForm } from './sms-login-form.tsx';

/** Where to go after login: the page the user was sent away from, if it is a path on this site. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const target = returnPath(location.state);

  useDocumentTitle(t('login.title'));

  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={target} replace />;

  const onFinish = (values: TLoginBody) =>
    login.mutate(values, { onSuccess: () => navigate(target, { replace: true }) });

  return (
    <Flex vertical align="center" justify="center" gap="large" className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={4}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
      </Flex>
      <Card title={t('login.title')} style={{ width: '100%', maxWidth: 380 }}>
        <Tabs
          centered
          items={[
            {
              key: 'password',
              label: t('me.sms.tabPassword'),
              children: (
                <Form<TLoginBody>
                  layout="vertical"
                  onFinish={onFinish}
                  requiredMark={false}
                  disabled={login.isPending}
                >
                  <Form.Item
                    name="username"
                    label={t('login.username')}
                    rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
                  >
                    <Input
                      prefix={<UserOutlined />}
                      autoComplete="username"
                      autoFocus
                      data-testid="login-username"
                    />
                  </Form.Item>
                  <Form.Item
                    name="password"
                    label={t('login.password')}
                    rules={[{ required: true, message: t('login.passwordRequired') }]}
                  >
                    <Input.Password
                      prefix={<LockOutlined />}
                      autoComplete="current-password"
                      data-testid="login-password"
                    />
                  </Form.Item>
                  {login.isError && (
                    <Alert
                      type="error"
                      showIcon
                      title={errorMessage(login.error)}
                      style={{ marginBottom: 16 }}
                      data-testid="login-error"
                    />
                  )}
                  <Button
                    type="primary"
                    htmlType="submit"
                    block
                    loading={login.isPending}
                    data-testid="login-submit"
                  >
                    {t('login.submit')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'sms',
              label: <span data-testid="login-tab-sms">{t('me.sms.tab')}</span>,
              children: <SmsLoginForm onSuccess={() => navigate(target, { replace: true })} />,
            },
          ]}
        />
      </Card>
      <Flex vertical align="center" gap={4}>
        <Link to="/register-employer" data-testid="login-register-employer">
          {t('employers.register.link')}
        </Link>
        <Typography.Text type="secondary">{t('login.demoNotice')}</Typography.Text>
      </Flex>
    </Flex>
  );
}

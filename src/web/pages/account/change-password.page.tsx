import { App, Button, Card, Form, Input, Typography } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { ZNewPassword } from '../../../domain/api/auth.ts';
import { useChangePassword } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { translateCode, translateError } from '../../i18n/error-message.ts';

type TValues = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const change = useChangePassword();

  // the server's own schema, so the form can never accept what the server will refuse
  const newPasswordRule: RuleObject = {
    validator: async (_, value: string | undefined) => {
      const result = ZNewPassword.safeParse(value ?? '');
      if (result.success) return;
      const code = result.error.issues[0]?.message ?? '';
      throw new Error(translateCode(t, code) ?? t('errors.validation_error'));
    },
  };

  const onFinish = ({ currentPassword, newPassword }: TValues) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('password.success'));
        },
        onError: (error) => {
          const text = translateError(t, error);
          if (isApiError(error) && error.code === 'invalid_current_password') {
            form.setFields([{ name: 'currentPassword', errors: [text] }]);
          } else if (isApiError(error) && error.code === 'validation_error') {
            form.setFields([{ name: 'newPassword', errors: [text] }]);
          } else {
            void message.error(text);
          }
        },
      },
    );

  return (
    <>
      <PageHeader title={t('nav.password')} />
      <Card style={{ maxWidth: 480 }}>
        <Form<TValues> form={form} layout="vertical" onFinish={onFinish} disabled={change.isPending}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            required
            extra={<Typography.Text type="secondary">{t('password.rule')}</Typography.Text>}
            rules={[newPasswordRule]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value) => {
                  if (value && value !== getFieldValue('newPassword'))
                    throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={change.isPending}
            data-testid="change-password-submit"
          >
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

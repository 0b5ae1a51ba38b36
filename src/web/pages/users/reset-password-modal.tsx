import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUserListItem } from '../../../domain/api/auth.ts';
import { useResetPassword } from '../../api/users.ts';
import { newPasswordRule, PasswordField } from './password-field.tsx';
import { serverMessage } from './server-message.ts';
import { useLastNonNull } from './use-last.ts';

type TValues = { password: string };

type TProps = { user: TUserListItem | null; onClose: () => void };

/** A temporary password for someone who forgot theirs: confirmed once more, since it ends their sessions. */
export function ResetPasswordModal({ user: current, onClose }: TProps) {
  const user = useLastNonNull(current);
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const reset = useResetPassword();
  const [formError, setFormError] = useState<string | null>(null);

  const onFinish = ({ password }: TValues) => {
    if (!user) return;
    modal.confirm({
      title: t('users.resetConfirm', { name: user.displayName }),
      content: t('users.resetNotice'),
      okText: t('users.resetSubmit'),
      okButtonProps: { danger: true },
      onOk: () =>
        reset
          .mutateAsync(
            { id: user.id, password },
            {
              onSuccess: () => {
                void message.success(t('users.resetDone', { username: user.username }));
                onClose();
              },
              onError: (error) => setFormError(serverMessage(t, i18n.language, error)),
            },
          )
          .catch(() => {
            // shown in the form; resolving closes the confirmation so the form (and the error) is visible
          }),
    });
  };

  return (
    <Modal
      open={current !== null}
      title={user ? t('users.resetTitle', { username: user.username }) : undefined}
      okText={t('users.resetSubmit')}
      onCancel={onClose}
      afterClose={() => setFormError(null)}
      okButtonProps={{ htmlType: 'submit', loading: reset.isPending }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<TValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={() => setFormError(null)}
          disabled={reset.isPending}
          clearOnDestroy
          data-testid="reset-password-form"
        >
          {dom}
        </Form>
      )}
    >
      <Alert type="warning" showIcon title={t('users.resetNotice')} style={{ marginBottom: 16 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="password"
        label={t('users.newPassword')}
        required
        extra={t('password.rule')}
        rules={[newPasswordRule(t)]}
      >
        <PasswordField data-testid="reset-password-input" />
      </Form.Item>
    </Modal>
  );
}

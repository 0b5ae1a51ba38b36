import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCreateUserBody } from '../../../domain/api/auth.ts';
import type { TRole } from '../../../domain/roles.ts';
import { isApiError } from '../../api/client.ts';
import { useOrgTree } from '../../api/orgs.ts';
import { useCreateUser } from '../../api/users.ts';
import { translateError } from '../../i18n/error-message.ts';
import { OrgPicker } from './org-picker.tsx';
import { newPasswordRule, PasswordField } from './password-field.tsx';
import { serverMessage } from './server-message.ts';
import { findOrg, rolesForOrgKind } from './user-model.ts';

type TValues = { username: string; displayName: string; orgCode?: string; roles: TRole[]; password: string };

const USERNAME = /^[a-z0-9_.-]{3,64}$/;

type TProps = { open: boolean; onClose: () => void };

/** New account: the org decides which roles are offered; the user must change the password at first sign-in. */
export function UserCreateModal({ open, onClose }: TProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const create = useCreateUser();
  const orgs = useOrgTree();
  const [formError, setFormError] = useState<string | null>(null);

  const orgCode = Form.useWatch('orgCode', form);
  const org = findOrg(orgs.data ?? [], orgCode);
  const allowedRoles = rolesForOrgKind(org?.kind);

  const onValuesChange = (changed: Partial<TValues>) => {
    setFormError(null);
    if ('orgCode' in changed) {
      // roles are only valid for an org kind: start over, and preselect when there is nothing to choose
      const roles = rolesForOrgKind(findOrg(orgs.data ?? [], changed.orgCode)?.kind);
      form.setFieldValue('roles', roles.length === 1 ? roles : []);
    }
  };

  const onFinish = (values: TValues) => {
    const body: TCreateUserBody = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      orgCode: values.orgCode ?? '',
      roles: values.roles,
      password: values.password,
    };
    create.mutate(body, {
      onSuccess: () => {
        void message.success(t('users.created', { username: body.username }));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'conflict') {
          form.setFields([{ name: 'username', errors: [t('users.usernameTaken')] }]);
        } else if (isApiError(error) && error.code === 'validation_error') {
          setFormError(serverMessage(t, i18n.language, error));
        } else {
          setFormError(translateError(t, error));
        }
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('users.createSubmit')}
      onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', loading: create.isPending }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<TValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={onValuesChange}
          disabled={create.isPending}
          clearOnDestroy
          initialValues={{ roles: [] }}
          data-testid="user-create-form"
        >
          {dom}
        </Form>
      )}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={t('users.usernameHint')}
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              const username = value?.trim() ?? '';
              if (!username) throw new Error(t('users.usernameRequired'));
              if (!USERNAME.test(username)) throw new Error(t('errors.username_format'));
            },
          },
        ]}
        required
      >
        <Input autoComplete="off" maxLength={64} autoFocus data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" data-testid="user-display-name" />
      </Form.Item>
      <Form.Item
        name="orgCode"
        label={t('users.org')}
        rules={[{ required: true, message: t('users.orgRequired') }]}
      >
        <OrgPicker tree={orgs.data} loading={orgs.isPending} />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        extra={
          org ? (
            <Typography.Text type="secondary">
              {t('users.rolesForKind', { kind: t(`orgKinds.${org.kind}`) })}
            </Typography.Text>
          ) : undefined
        }
      >
        <Select<TRole[]>
          mode="multiple"
          disabled={!org}
          placeholder={org ? undefined : t('users.rolesPickOrgFirst')}
          options={allowedRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          data-testid="user-roles"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        required
        extra={t('users.initialPasswordHint')}
        rules={[newPasswordRule(t)]}
      >
        <PasswordField data-testid="user-password" />
      </Form.Item>
    </Modal>
  );
}

import { Alert, App, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUpdateUserBody, TUserListItem } from '../../../domain/api/auth.ts';
import type { TRole } from '../../../domain/roles.ts';
import { useUpdateUser } from '../../api/users.ts';
import { serverMessage } from './server-message.ts';
import { useLastNonNull } from './use-last.ts';
import { rolesForOrgKind } from './user-model.ts';

type TValues = { displayName: string; roles: TRole[] };

type TProps = { user: TUserListItem | null; isSelf: boolean; onClose: () => void };

/** Name and roles of an existing account; the org (and so the roles on offer) and the username stay. */
export function UserEditModal({ user: current, isSelf, onClose }: TProps) {
  const user = useLastNonNull(current);
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);

  // a role the account already holds stays listed even if its org kind no longer allows it, so it can be removed
  const roles = user ? [...new Set([...rolesForOrgKind(user.org.kind), ...user.roles])] : [];

  const onFinish = (values: TValues) => {
    if (!user) return;
    const body: TUpdateUserBody = {};
    const displayName = values.displayName.trim();
    if (displayName !== user.displayName) body.displayName = displayName;
    const sameRoles =
      values.roles.length === user.roles.length && values.roles.every((r) => user.roles.includes(r));
    if (!sameRoles) body.roles = values.roles;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          void message.success(t('users.saved', { username: user.username }));
          onClose();
        },
        onError: (error) => setFormError(serverMessage(t, i18n.language, error)),
      },
    );
  };

  return (
    <Modal
      open={current !== null}
      title={user ? t('users.editTitle', { username: user.username }) : undefined}
      onCancel={onClose}
      afterClose={() => setFormError(null)}
      okButtonProps={{ htmlType: 'submit', loading: update.isPending }}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<TValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={() => setFormError(null)}
          disabled={update.isPending}
          clearOnDestroy
          initialValues={user ? { displayName: user.displayName, roles: user.roles } : undefined}
          data-testid="user-edit-form"
        >
          {dom}
        </Form>
      )}
    >
      {user && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'username', label: t('users.username'), children: user.username },
            {
              key: 'org',
              label: t('users.org'),
              children: `${user.org.name}（${user.org.code}）· ${t(`orgKinds.${user.org.kind}`)}`,
            },
          ]}
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" autoFocus data-testid="user-edit-display-name" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        extra={user ? t('users.rolesForKind', { kind: t(`orgKinds.${user.org.kind}`) }) : undefined}
        rules={[
          { required: true, type: 'array', min: 1, message: t('users.rolesRequired') },
          {
            // the server would allow it, but it would lock the only administrator out of this page
            validator: async (_, value: TRole[] | undefined) => {
              if (isSelf && user?.roles.includes('system_admin') && !value?.includes('system_admin')) {
                throw new Error(t('users.keepOwnAdmin'));
              }
            },
          },
        ]}
      >
        <Select<TRole[]>
          mode="multiple"
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          data-testid="user-edit-roles"
        />
      </Form.Item>
    </Modal>
  );
}

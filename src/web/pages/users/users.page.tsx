import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TUserListItem } from '../../../domain/api/auth.ts';
import { useMe } from '../../api/auth.ts';
import { type TUserSearch, useUnlockUser, useUpdateUser, useUserPage } from '../../api/users.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState } from '../../components/states.tsx';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { serverMessage } from './server-message.ts';
import { StaffImportModal } from './staff-import-modal.tsx';
import { UserCreateModal } from './user-create-modal.tsx';
import { UserEditModal } from './user-edit-modal.tsx';
import { type TFilterPatch, UserFilters } from './user-filters.tsx';
import { isFiltered, parseUserSearch, toSearchParams } from './user-search.ts';
import { UserTable } from './user-table.tsx';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const search = parseUserSearch(params);
  const users = useUserPage(search);
  const me = useMe();
  const selfId = me.data?.id ?? '';

  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<TUserListItem | null>(null);
  const [resetting, setResetting] = useState<TUserListItem | null>(null);
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const busyId = update.isPending
    ? (update.variables?.id ?? null)
    : unlock.isPending
      ? (unlock.variables ?? null)
      : null;

  const setSearch = (next: TUserSearch, replace = false) => setParams(toSearchParams(next), { replace });

  // a page past the end (accounts filtered away by an action, or a stale link): go to the last page there is
  const lastPage = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : undefined;
  const pastTheEnd = !users.isPlaceholderData && lastPage !== undefined && search.page > lastPage;
  useEffect(() => {
    if (pastTheEnd && lastPage) setParams(toSearchParams({ ...search, page: lastPage }), { replace: true });
  });
  // refining a text search replaces the history entry instead of leaving one per pause in typing
  const onFilter = (patch: TFilterPatch) =>
    setSearch({ ...search, ...patch, page: 1 }, 'q' in patch && Boolean(search.q && patch.q));
  const showError = (error: unknown) => void message.error(serverMessage(t, i18n.language, error));

  const onSetActive = (user: TUserListItem, active: boolean) =>
    update.mutate(
      { id: user.id, body: { active } },
      {
        onSuccess: () =>
          void message.success(
            t(active ? 'users.activated' : 'users.deactivated', { username: user.username }),
          ),
        onError: showError,
      },
    );
  const onUnlock = (user: TUserListItem) =>
    unlock.mutate(user.id, {
      onSuccess: () => void message.success(t('users.unlocked', { username: user.username })),
      onError: showError,
    });

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="staff-import">
              {t('staff.import.open')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          </Space>
        }
      />
      <UserFilters
        search={search}
        onChange={onFilter}
        onReset={() => setSearch({ page: 1, pageSize: search.pageSize })}
      />
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <UserTable
          data={users.data}
          loading={users.isFetching}
          filtered={isFiltered(search)}
          selfId={selfId}
          busyId={busyId}
          onPage={(page, pageSize) =>
            setSearch({ ...search, page: pageSize === search.pageSize ? page : 1, pageSize })
          }
          sort={search.sort}
          onSort={(next) => setSearch({ ...search, sort: next, page: 1 })}
          actions={{ onEdit: setEditing, onSetActive, onUnlock, onResetPassword: setResetting }}
        />
      )}
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <StaffImportModal open={importing} onClose={() => setImporting(false)} />
      <UserEditModal user={editing} isSelf={editing?.id === selfId} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

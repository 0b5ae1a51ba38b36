import { Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import type { TUserListItem, TUserSort } from '../../../domain/api/auth.ts';
import type { TUserPage } from '../../api/users.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { EmptyState } from '../../components/states.tsx';
import { formatLockedUntil, userStatuses } from './user-model.ts';
import { sortOrderOf } from './user-search.ts';

dayjs.extend(relativeTime);

const FULL = 'YYYY-MM-DD HH:mm';

export type TRowActions = {
  onEdit: (user: TUserListItem) => void;
  onSetActive: (user: TUserListItem, active: boolean) => void;
  onUnlock: (user: TUserListItem) => void;
  onResetPassword: (user: TUserListItem) => void;
};

type TProps = {
  data: TUserPage | undefined;
  loading: boolean;
  filtered: boolean;
  selfId: string;
  /** id of the row whose activate/deactivate or unlock is in flight */
  busyId: string | null;
  onPage: (page: number, pageSize: number) => void;
  sort: TUserSort | undefined;
  onSort: (sort: TUserSort) => void;
  actions: TRowActions;
};

type TSortable = 'username' | 'lastLoginAt' | 'createdAt';

function StatusTags({ user }: { user: TUserListItem }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {userStatuses(user).map((status) => {
        if (status === 'active') {
          return (
            <Tag key={status} color="success">
              {t('users.active')}
            </Tag>
          );
        }
        if (status === 'inactive') {
          return (
            <Tag key={status} color="default">
              {t('users.inactive')}
            </Tag>
          );
        }
        const until = user.lockedUntil!;
        return (
          <Tooltip key={status} title={t('users.lockedUntilFull', { time: dayjs(until).format(FULL) })}>
            <Tag color="error">{t('users.lockedUntil', { time: formatLockedUntil(until) })}</Tag>
          </Tooltip>
        );
      })}
      {user.mustChangePassword && (
        <Tooltip title={t('users.mustChangePasswordHint')}>
          <Tag color="warning">{t('users.mustChangePassword')}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

export function UserTable({
  data,
  loading,
  filtered,
  selfId,
  busyId,
  onPage,
  sort,
  onSort,
  actions,
}: TProps) {
  const { t, i18n } = useTranslation();
  // room for edit, (de)activate and reset password on one line; unlock wraps, as it is rare
  const actionsWidth = i18n.language.startsWith('zh') ? 200 : 270;

  const columns: ColumnsType<TUserListItem> = [
    {
      key: 'username',
      dataIndex: 'username',
      title: t('users.username'),
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'username'),
      sortDirections: ['ascend', 'descend', 'ascend'],
      render: (username: string, user) => (
        <Flex gap={4} align="center" wrap>
          <Typography.Text strong>{username}</Typography.Text>
          {user.id === selfId && <Tag color="blue">{t('users.self')}</Tag>}
        </Flex>
      ),
    },
    { key: 'displayName', dataIndex: 'displayName', title: t('users.displayName'), width: 130 },
    {
      key: 'org',
      title: t('users.org'),
      render: (_, user) => (
        <>
          <div>{user.org.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.org.code}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'roles',
      title: t('users.roles'),
      width: 140,
      render: (_, user) => (
        <Flex gap={4} wrap>
          {user.roles.map((role) => (
            <Tag key={role} color="blue" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 140,
      render: (_, user) => <StatusTags user={user} />,
    },
    {
      key: 'lastLogin',
      dataIndex: 'lastLoginAt',
      title: t('users.lastLogin'),
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'lastLoginAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (at: string | null) =>
        at ? (
          <Tooltip title={dayjs(at).format(FULL)}>
            <span>{dayjs(at).fromNow()}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
        ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('users.createdAt'),
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'createdAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (at: string) => (
        <Tooltip title={dayjs(at).format(FULL)}>
          <span>{dayjs(at).format('YYYY-MM-DD')}</span>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('users.actions'),
      fixed: 'end',
      width: actionsWidth,
      render: (_, user) => (
        <RowActions user={user} isSelf={user.id === selfId} busy={busyId === user.id} {...actions} />
      ),
    },
  ];

  return (
    <Table<TUserListItem>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 880 + actionsWidth }}
      pagination={serverPagination(
        t,
        { page: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0 },
        onPage,
      )}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        const column = sorter.columnKey === 'lastLogin' ? 'lastLoginAt' : (sorter.columnKey as TSortable);
        onSort(sorter.order === 'descend' ? `-${column}` : column);
      }}
      locale={{ emptyText: <EmptyState filtered={filtered} /> }}
      data-testid="user-table"
    />
  );
}

function RowActions({
  user,
  isSelf,
  busy,
  onEdit,
  onSetActive,
  onUnlock,
  onResetPassword,
}: { user: TUserListItem; isSelf: boolean; busy: boolean } & TRowActions) {
  const { t } = useTranslation();
  const toggle = user.active ? (
    <Popconfirm
      title={t('users.deactivateConfirm', { name: user.displayName })}
      description={t('users.deactivateDetail')}
      okText={t('users.deactivate')}
      okButtonProps={{ danger: true }}
      onConfirm={() => onSetActive(user, false)}
      disabled={isSelf}
    >
      <Tooltip title={isSelf ? t('users.cannotDeactivateSelf') : undefined}>
        <Button type="link" size="small" danger disabled={isSelf || busy} data-testid="user-deactivate">
          {t('users.deactivate')}
        </Button>
      </Tooltip>
    </Popconfirm>
  ) : (
    <Popconfirm
      title={t('users.activateConfirm', { name: user.displayName })}
      okText={t('users.activate')}
      onConfirm={() => onSetActive(user, true)}
    >
      <Button type="link" size="small" disabled={busy} data-testid="user-activate">
        {t('users.activate')}
      </Button>
    </Popconfirm>
  );

  return (
    <Flex wrap gap={0} data-testid={`user-actions-${user.username}`}>
      <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
        {t('users.edit')}
      </Button>
      {toggle}
      {user.lockedUntil && (
        <Popconfirm
          title={t('users.unlockConfirm', { name: user.displayName })}
          okText={t('users.unlock')}
          onConfirm={() => onUnlock(user)}
        >
          <Button type="link" size="small" disabled={busy} data-testid="user-unlock">
            {t('users.unlock')}
          </Button>
        </Popconfirm>
      )}
      <Button
        type="link"
        size="small"
        onClick={() => onResetPassword(user)}
        data-testid="user-reset-password"
      >
        {t('users.resetPassword')}
      </Button>
    </Flex>
  );
}

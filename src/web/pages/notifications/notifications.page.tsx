import { App, Badge, Button, Empty, Flex, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TNotification } from '../../../domain/api/notifications.ts';
import {
  type TNotificationSearch,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotificationPage,
} from '../../api/notifications.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RowCards, useIsPhone } from '../../components/row-cards.tsx';
import { serverPagination } from '../../components/server-pagination.ts';
import { ErrorState } from '../../components/states.tsx';
import { useErrorMessage } from '../../i18n/error-message.ts';
import { parseNotificationSearch, toSearchParams } from './notification-search.ts';
import { kindLabel, notificationLink, notificationText } from './notification-text.ts';

/** All of the user's notifications, paged, with an unread filter; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const search = parseNotificationSearch(params);
  const setSearch = (next: TNotificationSearch) => setParams(toSearchParams(next));
  const list = useNotificationPage(search);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = list.data?.unread ?? 0;
  const phone = useIsPhone();

  const onReadAll = () =>
    markAll.mutate(undefined, {
      onSuccess: (r) => void message.success(t('notifications.readAllDone', { count: r.updated })),
      onError: (error) => void message.error(errorMessage(error)),
    });
  const onRead = (id: string) =>
    markRead.mutate(id, { onError: (error) => void message.error(errorMessage(error)) });

  const columns: ColumnsType<TNotification> = [
    {
      key: 'status',
      title: t('notifications.status'),
      width: 90,
      render: (_, n) => (
        <Badge
          status={n.readAt ? 'default' : 'processing'}
          text={n.readAt ? t('notifications.read') : t('notifications.unread')}
        />
      ),
    },
    {
      key: 'time',
      title: t('notifications.time'),
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'message',
      title: t('notifications.message'),
      render: (_, n) => {
        const text = notificationText(n, t);
        return (
          <Flex vertical>
            <Typography.Text strong={!n.readAt}>{text.title}</Typography.Text>
            {text.detail && <Typography.Text type="secondary">{text.detail}</Typography.Text>}
          </Flex>
        );
      },
    },
    {
      key: 'kind',
      title: t('notifications.kind'),
      width: 110,
      render: (_, n) => (
        <Tag color={n.kind === 'overdue' || n.kind === 'escalation' ? 'red' : 'blue'}>
          {kindLabel(n.kind, t)}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: t('notifications.actions'),
      width: 190,
      render: (_, n) => {
        const link = notificationLink(n);
        return (
          <Flex gap="small" wrap>
            {link && (
              <Link to={link} onClick={() => !n.readAt && onRead(n.id)}>
                {n.caseId ? t('notifications.openCase') : t('notifications.openOverdue')}
              </Link>
            )}
            {!n.readAt && (
              <Button
                size="small"
                type="link"
                style={{ padding: 0 }}
                onClick={() => onRead(n.id)}
                loading={markRead.isPending && markRead.variables === n.id}
              >
                {t('notifications.markRead')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];

  // the message first: it is the card's title
  const cardColumns: ColumnsType<TNotification> = columns
    .slice(2, 3)
    .concat(columns.slice(0, 2), columns.slice(3));
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={search.unread ? t('notifications.emptyUnread') : t('notifications.empty')}
    />
  );
  const pagination = serverPagination(
    t,
    { page: search.page, pageSize: search.pageSize, total: list.data?.total ?? 0 },
    (page, pageSize) => setSearch({ ...search, page: pageSize === search.pageSize ? page : 1, pageSize }),
  );

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        extra={
          <Popconfirm
            title={t('notifications.readAllConfirm', { count: unread })}
            onConfirm={onReadAll}
            disabled={unread === 0}
            okText={t('notifications.readAll')}
            cancelText={t('common.cancel')}
          >
            <Button disabled={unread === 0} loading={markAll.isPending}>
              {t('notifications.readAll')}
            </Button>
          </Popconfirm>
        }
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={search.unread ? 'unread' : 'all'}
        onChange={(v) => setSearch({ ...search, page: 1, unread: v === 'unread' })}
        options={[
          { value: 'all', label: t('notifications.showAll') },
          { value: 'unread', label: `${t('notifications.showUnread')} (${unread})` },
        ]}
      />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : phone ? (
        // a phone: each notice a card, its message as the title
        <RowCards<TNotification>
          columns={cardColumns}
          dataSource={list.data?.items ?? []}
          rowKey={(n) => n.id}
          loading={list.isFetching}
          empty={empty}
          pagination={pagination}
          data-testid="notification-cards"
        />
      ) : (
        <Table<TNotification>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 800 }}
          locale={{ emptyText: empty }}
          pagination={pagination}
        />
      )}
    </>
  );
}

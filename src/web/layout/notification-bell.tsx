import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, Popconfirm, Popover, Spin, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TNotification } from '../../domain/api/notifications.ts';
import { useMe } from '../api/auth.ts';
import {
  useLatestNotifications,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
} from '../api/notifications.ts';
import { useErrorMessage } from '../i18n/error-message.ts';
import { notificationLink, notificationText } from '../pages/notifications/notification-text.ts';

/**
 * The header's bell: the unread count (asked again every minute), and a dropdown of the newest notifications.
 * Opening one marks it read and goes to its case (an escalation summary: the overdue worklist); "mark all read" asks first.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const me = useMe();
  // a user on a temporary password is refused everything but the password change: no polling meanwhile
  const latest = useLatestNotifications(!!me.data && !me.data.mustChangePassword);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = latest.data?.unread ?? 0;

  const onOpenItem = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: (error) => void message.error(errorMessage(error)) });
    setOpen(false);
    navigate(notificationLink(n) ?? '/notifications');
  };
  const onReadAll = () =>
    markAll.mutate(undefined, {
      onSuccess: (r) => void message.success(t('notifications.readAllDone', { count: r.updated })),
      onError: (error) => void message.error(errorMessage(error)),
    });

  const content = (
    <div style={{ width: 380, maxWidth: '90vw' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.latest')}</Typography.Text>
        <Popconfirm
          title={t('notifications.readAllConfirm', { count: unread })}
          onConfirm={onReadAll}
          disabled={unread === 0}
          okText={t('notifications.readAll')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" type="link" disabled={unread === 0} loading={markAll.isPending}>
            {t('notifications.readAll')}
          </Button>
        </Popconfirm>
      </Flex>
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : latest.isError ? (
        <Typography.Text type="danger">{errorMessage(latest.error)}</Typography.Text>
      ) : latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {latest.data.items.map((n) => (
            <BellItem key={n.id} n={n} onOpen={() => onOpenItem(n)} />
          ))}
        </ul>
      )}
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t('notifications.viewAll')}
        </Link>
      </Flex>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}

function BellItem({ n, onOpen }: { n: TNotification; onOpen: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const text = notificationText(n, t);
  return (
    <li style={{ borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
      {/* a real button: reachable with Tab, opened with Enter or Space, with the browser's focus ring */}
      <button
        type="button"
        onClick={onOpen}
        style={{
          background: 'none',
          border: 0,
          padding: '8px 4px',
          width: '100%',
          textAlign: 'start',
          cursor: 'pointer',
          font: 'inherit',
          color: 'inherit',
        }}
      >
        <Flex gap="small" align="baseline">
          <Badge status={n.readAt ? 'default' : 'processing'} />
          <Flex vertical style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong={!n.readAt} ellipsis={{ tooltip: text.title }}>
              {text.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
              {text.detail ? ` · ${text.detail}` : ''}
            </Typography.Text>
          </Flex>
        </Flex>
      </button>
    </li>
  );
}

import type {
  TNotification,
  TNotificationListQuery,
  TNotificationPage,
  TReadAllResult,
} from '../../../domain/api/notifications.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import * as repo from './notifications.repo.ts';

/*
 * In-app notifications. Every function acts on the signed-in user's own notifications only: another user's
 * notification answers "not found", exactly like one that does not exist.
 */

function toApi(row: repo.TNotificationRow): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.caseId,
    title: row.title,
    body: row.body,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The user's notifications, newest first, optionally unread only, with the unread count for the bell. */
export async function listMyNotifications(
  deps: TDeps,
  ctx: TCtx,
  q: TNotificationListQuery,
): Promise<TNotificationPage> {
  const user = requireUser(ctx);
  const { rows, total, unread } = await repo.listNotifications(deps.database.db, user.id, {
    unreadOnly: q.unread === true,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toApi), total, unread, page: q.page, pageSize: q.pageSize };
}

/**
 * Mark one notification read (acknowledging an overdue notice is audited). Reading it again changes nothing.
 */
export async function markNotificationRead(deps: TDeps, ctx: TCtx, id: string): Promise<TNotification> {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const updated = await repo.markRead(tx, user.id, id, now);
    if (updated) {
      await recordAudit(
        tx,
        ctx,
        {
          action: 'notification.read',
          entityType: 'notification',
          entityId: id,
          after: { kind: updated.kind },
        },
        now,
      );
      return toApi(updated);
    }
    const existing = await repo.findOwnNotification(tx, user.id, id);
    if (!existing) throw notFound('Notification');
    return toApi(existing);
  });
}

/** Mark all of the user's unread notifications read; audited when any changed. */
export async function markAllNotificationsRead(deps: TDeps, ctx: TCtx): Promise<TReadAllResult> {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const updated = await repo.markAllRead(tx, user.id, now);
    if (updated > 0) {
      await recordAudit(
        tx,
        ctx,
        { action: 'notification.read_all', entityType: 'notification', after: { updated } },
        now,
      );
    }
    return { updated };
  });
}

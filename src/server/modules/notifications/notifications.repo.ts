import { and, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { notification } from '../../db/schema/index.ts';

export type TNotificationRow = typeof notification.$inferSelect;
export type TNewNotification = typeof notification.$inferInsert & { dedupeKey: string };

const ownedBy = (userId: string, unreadOnly = false): SQL =>
  unreadOnly
    ? and(eq(notification.userId, userId), isNull(notification.readAt))!
    : eq(notification.userId, userId);

/** One page of a user's notifications, newest first, with the count matching the filter and the unread count. */
export async function listNotifications(
  db: TDbOrTx,
  userId: string,
  f: { unreadOnly: boolean; limit: number; offset: number },
) {
  const where = ownedBy(userId, f.unreadOnly);
  const [rows, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notification)
      .where(where)
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(notification).where(where),
    db.select({ n: count() }).from(notification).where(ownedBy(userId, true)),
  ]);
  return { rows, total: Number(total?.n ?? 0), unread: Number(unread?.n ?? 0) };
}

/** The user's own notification, or undefined (another user's is indistinguishable from none). */
export async function findOwnNotification(
  db: TDbOrTx,
  userId: string,
  id: string,
): Promise<TNotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notification)
    .where(and(eq(notification.id, id), eq(notification.userId, userId)));
  return row;
}

/** Mark one of the user's notifications read; returns the row as it is now, undefined when not theirs. */
export async function markRead(
  db: TDbOrTx,
  userId: string,
  id: string,
  now: Date,
): Promise<TNotificationRow | undefined> {
  const [row] = await db
    .update(notification)
    .set({ readAt: now })
    .where(and(eq(notification.id, id), eq(notification.userId, userId), isNull(notification.readAt)))
    .returning();
  return row;
}

/** Mark every unread notification of the user read; returns how many changed. */
export async function markAllRead(db: TDbOrTx, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: now })
    .where(ownedBy(userId, true))
    .returning({ id: notification.id });
  return rows.length;
}

const INSERT_CHUNK = 1000;

/**
 * Insert notifications, skipping any whose dedupe key was sent before (a job that runs twice notifies once).
 * Returns how many were new.
 */
export async function insertNotifications(tx: TDbOrTx, rows: TNewNotification[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const done = await tx
      .insert(notification)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing({ target: notification.dedupeKey })
      .returning({ id: notification.id });
    inserted += done.length;
  }
  return inserted;
}

/** Which of these dedupe keys were already used. */
export async function findUsedDedupeKeys(db: TDbOrTx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: notification.dedupeKey })
    .from(notification)
    .where(inArray(notification.dedupeKey, keys));
  return new Set(rows.map((r) => r.key!));
}

/** The notifications already sent under these dedupe keys, by key. */
export async function findByDedupeKeys(db: TDbOrTx, keys: string[]): Promise<Map<string, TNotificationRow>> {
  const out = new Map<string, TNotificationRow>();
  for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
    const rows = await db
      .select()
      .from(notification)
      .where(inArray(notification.dedupeKey, keys.slice(i, i + INSERT_CHUNK)));
    for (const r of rows) out.set(r.dedupeKey!, r);
  }
  return out;
}

/**
 * Insert notifications, or rewrite the title, body and data of the one already sent under the same dedupe key
 * (a summary that grows while a job runs): a rewritten one is unread again. Callers serialise writers of a key.
 */
export async function upsertNotifications(tx: TDbOrTx, rows: TNewNotification[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx
      .insert(notification)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoUpdate({
        target: notification.dedupeKey,
        set: {
          title: sql`excluded.title`,
          body: sql`excluded.body`,
          data: sql`excluded.data`,
          readAt: null,
        },
      });
  }
}

import { revealReasonProblem } from '../../../domain/reveal-reason.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { countTodaysActions, recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { findRevealAdmins } from './reveal-limit.repo.ts';

export const REVEAL_ACTIONS = ['graduate.reveal_id', 'graduate.reveal_phone'];
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Midnight China time of `now`'s day: the reveal limit is per calendar day where the staff work. */
export function startOfChinaDay(now: Date): Date {
  return new Date(Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS);
}

/**
 * Before any full ID number or phone is shown (graduate list and case page): the reason must say something
 * (domain/reveal-reason.ts) and the user must be under REVEAL_DAILY_LIMIT reveals today. Past the limit the
 * attempt is refused, audited as `graduate.reveal_refused`, and the admins (reveal-limit.repo.ts) get one
 * in-app alert per user and day.
 */
export async function guardReveal(
  deps: TDeps,
  ctx: TCtx,
  target: { graduateId: string; field: 'idNumber' | 'phone' },
  reason: string,
): Promise<void> {
  const user = requireUser(ctx);
  if (revealReasonProblem(reason)) {
    throw new AppError(
      'validation_error',
      '请填写具体的查看事由（至少 5 个字，不能只是重复或无意义的字符）/ Give a specific reason (at least 5 characters of real text)',
      { field: 'reason' },
    );
  }
  const { db } = deps.database;
  const now = deps.clock.now();
  const limit = deps.config.revealDailyLimit;
  const since = startOfChinaDay(now);
  const used = await countTodaysActions(db, user.id, REVEAL_ACTIONS, since);
  if (used < limit) return;
  const admins = await findRevealAdmins(db, user.org.universityId);
  const day = new Date(since.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    await recordAudit(
      tx,
      ctx,
      {
        action: 'graduate.reveal_refused',
        entityType: 'graduate',
        entityId: target.graduateId,
        reason,
        after: { field: target.field, limit, used },
      },
      now,
    );
    await insertNotifications(
      tx,
      admins.map((adminId) => ({
        userId: adminId,
        kind: 'reveal_limit',
        caseId: null,
        title: `【查看超限】${user.displayName}（${user.username}）今日查看完整信息已达 ${limit} 次`,
        body: `${user.displayName} 今日又一次要求查看完整证件号或手机号，已被拒绝，请核实是否异常。/ ${user.username} went past the daily limit of ${limit} reveals and was refused; please check.`,
        data: { userId: user.id, username: user.username, displayName: user.displayName, limit, day },
        dedupeKey: `reveal_limit:${user.id}:${day}:${adminId}`,
        createdAt: now,
      })),
    );
  });
  throw new AppError(
    'reveal_limit_reached',
    `今日查看完整证件号或手机号已达上限（${limit} 次），已通知管理员 / Daily limit of ${limit} reveals reached; your admin has been notified`,
    { limit },
  );
}

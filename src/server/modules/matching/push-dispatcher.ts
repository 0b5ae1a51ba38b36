import { inArray } from 'drizzle-orm';
import type { TDeps } from '../../context.ts';
import { systemCtx } from '../../context.ts';
import { push } from '../../db/schema/index.ts';
import { ConsoleWechatProvider, type TWechatProvider } from '../../wechat/wechat-provider.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { insertNotifications } from '../notifications/notifications.repo.ts';
import { getMatchingSettings } from './matching-settings.ts';
import * as repo from './push.repo.ts';

/*
 * The outbox dispatcher: moves limited pushes to a day with room under the graduate's daily limit, then sends
 * queued pushes on their channel — an in-app notification to the graduate's account, an SMS through the SMS
 * provider, a WeChat template message through the WeChat provider — and records sent or failed (with why).
 * Runs right after a push and on a schedule (startMatchingScheduler, `bangfu matching dispatch`).
 */

export type TDispatchResult = { promoted: number; sent: number; failed: number };

const silent = { info: () => {} };

function wechatOf(deps: TDeps): TWechatProvider {
  return (
    deps.wechat ??
    new ConsoleWechatProvider(
      deps.config.nodeEnv === 'test' ? silent : { info: (_o, msg) => console.log(msg) },
    )
  );
}

/** Limited pushes whose graduate has room today become queued and count today (all channels of a post together). */
async function promoteLimited(deps: TDeps, today: string): Promise<number> {
  const { db } = deps.database;
  const limited = await repo.limitedPushes(db);
  if (limited.length === 0) return 0;
  const { dailyPushLimit } = await getMatchingSettings(db);
  let promoted = 0;
  const byGraduate = new Map<string, typeof limited>();
  for (const p of limited) byGraduate.set(p.graduateId, [...(byGraduate.get(p.graduateId) ?? []), p]);
  for (const [graduateId, rows] of byGraduate) {
    const counted = await repo.postsCountedOn(db, graduateId, today);
    const ids: string[] = [];
    for (const r of rows) {
      if (!counted.has(r.opportunityId)) {
        if (counted.size >= dailyPushLimit) continue;
        counted.add(r.opportunityId);
      }
      ids.push(r.id);
    }
    if (ids.length === 0) continue;
    await db.update(push).set({ status: 'queued', countedOn: today }).where(inArray(push.id, ids));
    promoted += ids.length;
  }
  return promoted;
}

/** Send one queued push; returns the error code when it could not be sent. */
async function send(deps: TDeps, p: repo.TOutgoing, now: Date): Promise<string | null> {
  const phone = p.phoneEncrypted ? deps.crypto.decrypt(p.phoneEncrypted) : null;
  const note = p.reason ? `｜${p.reason}` : '';
  switch (p.channel) {
    case 'in_app': {
      if (!p.userId) return 'no_account';
      await insertNotifications(deps.database.db, [
        {
          userId: p.userId,
          kind: 'push',
          caseId: p.caseId,
          title: `岗位推荐：${p.title}`,
          body: `${p.orgName}，报名截止 ${p.deadline}${note}`,
          data: { pushId: p.id, opportunityId: p.opportunityId },
          dedupeKey: `push:${p.id}`,
          createdAt: now,
        },
      ]);
      return null;
    }
    case 'sms':
      if (!phone) return 'no_phone';
      await deps.sms.send(
        phone,
        `【就业服务】为你推荐岗位：${p.title}（${p.orgName}），报名截止 ${p.deadline}。请登录高校毕业生就业服务平台查看。`,
      );
      return null;
    case 'wechat':
      await wechatOf(deps).send(
        { userId: p.userId, phone },
        {
          template: 'post_recommendation',
          fields: { title: p.title, org: p.orgName, deadline: p.deadline, note: p.reason },
          path: '/me/pushes',
        },
      );
      return null;
    default:
      return 'unknown_channel';
  }
}

/**
 * Dispatch the outbox: `ids` sends just those queued pushes (right after a push); without, limited pushes are
 * promoted first and every queued push is sent. One audit record per run that changed anything.
 */
export async function dispatchPushes(deps: TDeps, opts: { ids?: string[] } = {}): Promise<TDispatchResult> {
  const now = deps.clock.now();
  const today = chinaDate(now);
  const promoted = opts.ids ? 0 : await promoteLimited(deps, today);
  const result: TDispatchResult = { promoted, sent: 0, failed: 0 };
  for (const p of await repo.queuedPushes(deps.database.db, opts.ids)) {
    let error: string | null;
    try {
      error = await send(deps, p, now);
    } catch (err) {
      error = `provider: ${err instanceof Error ? err.message : String(err)}`.slice(0, 200);
    }
    // a failed push reached nobody: it gives its day's place under the limit back
    await repo.updatePush(deps.database.db, p.id, {
      status: error ? 'failed' : 'sent',
      error,
      sentAt: error ? null : now,
      attempts: p.attempts + 1,
      ...(error ? { countedOn: null } : {}),
    });
    if (error) result.failed++;
    else result.sent++;
  }
  if (result.promoted || result.sent || result.failed)
    await deps.database.db.transaction((tx) =>
      recordAudit(tx, systemCtx(), { action: 'matching.dispatch', entityType: 'push', after: result }, now),
    );
  return result;
}

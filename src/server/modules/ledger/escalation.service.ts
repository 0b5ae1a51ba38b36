import { sql } from 'drizzle-orm';
import type { TEscalationNotificationData } from '../../../domain/api/notifications.ts';
import { dueItems, escalationLevel, type TOverdueRule } from '../../../domain/ledger/clock.ts';
import type { TLedgerRules } from '../../../domain/ledger/rules.ts';
import { hasPermission, type TRole } from '../../../domain/roles.ts';
import { scopeFor } from '../../../domain/scope.ts';
import { systemCtx, type TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { graduateScopeWhere } from '../../plugins/scope-sql.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { toSessionUser } from '../auth/auth.repo.ts';
import * as notices from '../notifications/notifications.repo.ts';
import * as repo from './escalation.repo.ts';
import {
  digestMessage,
  ESCALATION_ITEM_IDS,
  escalationMessage,
  overdueMessage,
  shanghaiDate,
  type TOverdueNotice,
} from './escalation-messages.ts';
import { resolveRecipients, type TNeed } from './escalation-recipients.ts';
import { getLedgerRules } from './ledger-rules.ts';

/*
 * The zero-gap clock's job (issue 4): walk every case, let the domain's clock (dueItems, escalationLevel) say
 * what is overdue and how far it has escalated, keep `overdue_item` in step and notify each level once.
 * An item's level is always escalationLevel(its due instant, now, rules). The staff (level 0) get one notice
 * per item, deduplicated by `overdue:<item>:0:<user>`; university and province users (levels 1, 2) get one
 * summary per run of the items that newly reached their level, deduplicated by
 * `escalation:<user>:<level>:<run instant>` — a rerun at the same instant notifies nobody twice.
 */

export type TTickResult = {
  cases: number;
  opened: number;
  resolved: number;
  escalated: number;
  notified: number;
};

/** Two ticks (two server processes on one PostgreSQL) take turns batch by batch instead of interleaving. */
const TICK_LOCK = 0x4c454447; // 'LEDG'

const EMPTY = (): TTickResult => ({ cases: 0, opened: 0, resolved: 0, escalated: 0, notified: 0 });

/**
 * Run the clock over all cases at `now`, in keyset batches of `batchSize` (each its own transaction, audited
 * when it changed anything). Idempotent: a second run at the same instant changes nothing.
 */
export async function runLedgerTick(
  deps: TDeps,
  now = deps.clock.now(),
  opts: { batchSize?: number } = {},
): Promise<TTickResult> {
  const db = deps.database.db;
  const rules = await getLedgerRules(db);
  const batchSize = opts.batchSize ?? 5000;
  const total = EMPTY();
  let afterId: string | null = null;
  for (;;) {
    const cases = await repo.listClockCases(db, afterId, batchSize);
    if (cases.length === 0) break;
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${TICK_LOCK})`);
      return tickBatch(tx, cases, afterId, rules, now);
    });
    for (const k of Object.keys(total) as (keyof TTickResult)[]) total[k] += result[k];
    afterId = cases[cases.length - 1]!.id;
    if (cases.length < batchSize) break;
  }
  return total;
}

type TPending = {
  c: repo.TClockCase;
  itemId: string;
  rule: TOverdueRule;
  dueAt: Date;
  daysOverdue: number;
  /** the levels newly reached, each notified once */
  from: number;
  to: number;
};
type TToOpen = { c: repo.TClockCase; rule: TOverdueRule; dueAt: Date; level: number; daysOverdue: number };

async function tickBatch(
  tx: TDbOrTx,
  cases: repo.TClockCase[],
  afterId: string | null,
  rules: TLedgerRules,
  now: Date,
): Promise<TTickResult> {
  const result = { ...EMPTY(), cases: cases.length };
  const open = await repo.listOpenItemsInRange(tx, afterId, cases[cases.length - 1]!.id);
  const openByCase = new Map<string, repo.TOpenItem[]>();
  for (const item of open) openByCase.set(item.caseId, [...(openByCase.get(item.caseId) ?? []), item]);

  const toOpen = new Map<string, TToOpen>();
  const toResolve: string[] = [];
  const toUpdate: { id: string; dueAt: Date; level: number; escalated: boolean }[] = [];
  const pending: TPending[] = [];
  for (const c of cases) {
    const overdue = dueItems(c, rules, now).filter((d) => d.overdue);
    const items = openByCase.get(c.id) ?? [];
    for (const item of items) if (!overdue.some((d) => d.rule === item.rule)) toResolve.push(item.id);
    for (const d of overdue) {
      const level = escalationLevel(d.dueAt, now, rules);
      const item = items.find((i) => i.rule === d.rule);
      if (!item) {
        toOpen.set(`${c.id}|${d.rule}`, {
          c,
          rule: d.rule,
          dueAt: d.dueAt,
          level,
          daysOverdue: d.daysOverdue,
        });
        continue;
      }
      // the deadline moved (work was logged, or the rules changed) or time passed: the level follows it
      if (item.dueAt.getTime() === d.dueAt.getTime() && item.level === level) continue;
      const escalated = level > item.level;
      toUpdate.push({ id: item.id, dueAt: d.dueAt, level, escalated });
      if (!escalated) continue;
      result.escalated++;
      const { rule, dueAt, daysOverdue } = d;
      pending.push({ c, itemId: item.id, rule, dueAt, daysOverdue, from: item.level + 1, to: level });
    }
  }

  await repo.resolveItems(tx, toResolve, now);
  result.resolved = toResolve.length;
  await repo.updateItems(tx, toUpdate, now);
  const opened = await repo.insertOpenItems(
    tx,
    [...toOpen.values()].map((o) => ({ caseId: o.c.id, rule: o.rule, dueAt: o.dueAt, level: o.level })),
    now,
  );
  result.opened = opened.length;
  for (const item of opened) {
    const { c, rule, dueAt, daysOverdue, level } = toOpen.get(`${item.caseId}|${item.rule}`)!;
    pending.push({ c, itemId: item.id, rule, dueAt, daysOverdue, from: 0, to: level });
  }

  result.notified = await notify(tx, pending, now);
  if (result.opened + result.resolved + toUpdate.length + result.notified > 0) {
    await recordAudit(
      tx,
      systemCtx(),
      { action: 'ledger.tick', entityType: 'overdue_item', after: { ...result, at: now.toISOString() } },
      now,
    );
  }
  return result;
}

/**
 * Notify every level an item newly reached: an item first seen at level 2 counts for the staff, the university
 * and the province. Level 0 is one notice per item and staff user (it links to the case); levels 1 and 2 are
 * folded into ONE summary per recipient, level and run (`escalation:<user>:<level>:<now>`), which later batches
 * of the same run add their items to. Returns how many notifications are new.
 */
async function notify(tx: TDbOrTx, pending: TPending[], now: Date): Promise<number> {
  const needs: (TNeed & { p: TPending })[] = [];
  for (const p of pending) {
    for (let level = p.from; level <= p.to; level++) needs.push({ c: p.c, level: level as 0 | 1 | 2, p });
  }
  if (needs.length === 0) return 0;
  const recipientsOf = await resolveRecipients(tx, needs);
  const rows: notices.TNewNotification[] = [];
  const summaries = new Map<string, TSummary>();
  for (const need of needs) {
    const { p, level } = need;
    const { c, rule, dueAt, daysOverdue } = p;
    if (level > 0) {
      for (const userId of recipientsOf(need)) {
        const key = summaryKey(userId, level, now);
        const s = summaries.get(key) ?? { userId, level: level as 1 | 2, byRule: {}, itemIds: [] };
        s.byRule[rule] = (s.byRule[rule] ?? 0) + 1;
        if (s.itemIds.length < ESCALATION_ITEM_IDS) s.itemIds.push(p.itemId);
        summaries.set(key, s);
      }
      continue;
    }
    const notice: TOverdueNotice = {
      caseId: c.id,
      name: c.name,
      stage: c.stage,
      rule,
      level,
      dueAt,
      daysOverdue,
    };
    const message = overdueMessage(notice);
    for (const userId of recipientsOf(need)) {
      const dedupeKey = `overdue:${p.itemId}:${level}:${userId}`;
      rows.push({ userId, kind: 'overdue', caseId: c.id, ...message, dedupeKey, createdAt: now });
    }
  }
  return (await notices.insertNotifications(tx, rows)) + (await foldSummaries(tx, summaries, now));
}

type TSummary = { userId: string; level: 1 | 2; byRule: Record<string, number>; itemIds: string[] };

const summaryKey = (userId: string, level: number, now: Date) =>
  `escalation:${userId}:${level}:${now.toISOString()}`;

/**
 * Write this batch's escalation summaries, adding to those an earlier batch of the same run sent (the tick's
 * advisory lock keeps two runs from doing so at once). Returns how many summaries are new.
 */
async function foldSummaries(tx: TDbOrTx, summaries: Map<string, TSummary>, now: Date): Promise<number> {
  if (summaries.size === 0) return 0;
  const sent = await notices.findByDedupeKeys(tx, [...summaries.keys()]);
  const rows: notices.TNewNotification[] = [];
  for (const [dedupeKey, s] of summaries) {
    const before = sent.get(dedupeKey)?.data as Partial<TEscalationNotificationData> | undefined;
    const byRule = { ...s.byRule };
    for (const [rule, n] of Object.entries(before?.byRule ?? {})) byRule[rule] = (byRule[rule] ?? 0) + n;
    const itemIds = [...(before?.itemIds ?? []), ...s.itemIds];
    const message = escalationMessage(s.level, byRule, itemIds);
    rows.push({ userId: s.userId, kind: 'escalation', caseId: null, ...message, dedupeKey, createdAt: now });
  }
  await notices.upsertNotifications(tx, rows);
  return summaries.size - sent.size;
}

const DIGEST_CONCURRENCY = 4;

export type TDigestResult = { date: string; users: number; notified: number };

/**
 * The daily digest: one notification per staff user (anyone who may read case files) per calendar day in
 * China, counting the open overdue items of the cases in THEIR case scope by rule; users with none get nothing.
 */
export async function sendDailyDigest(
  deps: TDeps,
  now = deps.clock.now(),
  opts: { batchSize?: number } = {},
): Promise<TDigestResult> {
  const db = deps.database.db;
  const date = shanghaiDate(now);
  const batchSize = opts.batchSize ?? 500;
  const result: TDigestResult = { date, users: 0, notified: 0 };
  let afterId: string | null = null;
  for (;;) {
    const users = await repo.listActiveUsersWithOrg(db, afterId, batchSize);
    if (users.length === 0) break;
    afterId = users[users.length - 1]!.user.id;
    const staff = users.filter((u) => hasPermission(u.user.roles as TRole[], 'cases.read'));
    const keyOf = (userId: string) => `digest:${userId}:${date}`;
    const sent = await notices.findUsedDedupeKeys(
      db,
      staff.map((u) => keyOf(u.user.id)),
    );
    const due = staff.filter((row) => !sent.has(keyOf(row.user.id)));
    result.users += due.length;
    const rows: notices.TNewNotification[] = [];
    // a few users' counts at a time: each is one indexed query, and PostgreSQL has the connections for it
    for (let i = 0; i < due.length; i += DIGEST_CONCURRENCY) {
      const counted = await Promise.all(
        due.slice(i, i + DIGEST_CONCURRENCY).map(async (row) => {
          const scope = scopeFor(toSessionUser(row, ''), 'case');
          if (scope.clauses.length === 0) return null;
          return {
            userId: row.user.id,
            byRule: await repo.countOpenItemsByRule(db, graduateScopeWhere(scope)),
          };
        }),
      );
      for (const c of counted) {
        if (!c || Object.values(c.byRule).every((n) => n === 0)) continue;
        const message = digestMessage(date, c.byRule);
        rows.push({
          userId: c.userId,
          kind: 'digest',
          caseId: null,
          ...message,
          dedupeKey: keyOf(c.userId),
          createdAt: now,
        });
      }
    }
    if (rows.length > 0) {
      result.notified += await db.transaction(async (tx) => {
        const inserted = await notices.insertNotifications(tx, rows);
        if (inserted > 0) {
          await recordAudit(
            tx,
            systemCtx(),
            { action: 'ledger.digest', entityType: 'notification', after: { date, notified: inserted } },
            now,
          );
        }
        return inserted;
      });
    }
    if (users.length < batchSize) break;
  }
  return result;
}

import { and, desc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { TCaseEventKind } from '../../../domain/ledger/codes.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { queryCount } from '../../db/query.ts';
import { caseEvent } from '../../db/schema/index.ts';
import { BY_TEXT, reuseStatement } from '../../db/statement-cache.ts';

export type TNewCaseEvent = {
  caseId: string;
  kind: TCaseEventKind;
  at: Date;
  occurredOn?: string | null;
  actorUserId: string | null;
  actorName: string | null;
  data?: Record<string, unknown>;
  private?: boolean;
};

/** Append to the case timeline (append-only: the table refuses UPDATE and DELETE). */
export async function appendCaseEvents(tx: TDbOrTx, events: TNewCaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(caseEvent).values(
    events.map((e) => ({
      caseId: e.caseId,
      kind: e.kind,
      at: e.at,
      occurredOn: e.occurredOn ?? null,
      actorUserId: e.actorUserId,
      actorName: e.actorName,
      data: e.data ?? {},
      private: e.private ?? false,
    })),
  );
}

/**
 * The newest events of a case, private notes only when `withPrivate`. Built once per filter shape
 * (statement-cache.ts): the case, the kind and the page are bound on each call.
 */
export async function listCaseEvents(
  db: TDbOrTx,
  caseId: string,
  opts: { withPrivate: boolean; limit: number; offset?: number; kind?: string },
) {
  const statement = reuseStatement(db, ['cases.events', opts.withPrivate, !!opts.kind], () =>
    db
      .select({
        id: caseEvent.id,
        kind: caseEvent.kind,
        at: caseEvent.at,
        occurredOn: caseEvent.occurredOn,
        actorName: caseEvent.actorName,
        data: caseEvent.data,
        private: caseEvent.private,
      })
      .from(caseEvent)
      .where(
        eventsWhere(sql.placeholder('caseId'), {
          withPrivate: opts.withPrivate,
          ...(opts.kind ? { kind: sql.placeholder('kind') } : {}),
        }),
      )
      .orderBy(desc(caseEvent.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(BY_TEXT),
  );
  return statement.execute({ caseId, kind: opts.kind, limit: opts.limit, offset: opts.offset ?? 0 });
}

function eventsWhere(
  caseId: string | Placeholder,
  opts: { withPrivate: boolean; kind?: string | Placeholder },
) {
  const conds: SQL[] = [eq(caseEvent.caseId, caseId)];
  if (!opts.withPrivate) conds.push(eq(caseEvent.private, false));
  if (opts.kind) conds.push(eq(caseEvent.kind, opts.kind));
  return and(...conds);
}

export async function countCaseEvents(
  db: TDbOrTx,
  caseId: string,
  opts: { withPrivate: boolean; kind?: string },
) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseEvent)
    .where(eventsWhere(caseId, opts));
  return Number(row?.n ?? 0);
}

/**
 * How many of these graduates' case files hold work (timeline events or a helper pairing): a roster revert
 * that would delete those graduates must be refused rather than throw the work away.
 */
export async function countCasesWithWork(db: TDbOrTx, graduateIds: SQL): Promise<number> {
  return queryCount(
    db,
    sql`
    select count(*)::int as n from ledger_case c
    where c.graduate_id in (${graduateIds})
      and (exists (select 1 from case_event e where e.case_id = c.id)
        or exists (select 1 from helper_pairing p where p.graduate_id = c.graduate_id))`,
  );
}

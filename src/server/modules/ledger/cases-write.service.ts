import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZDestinationBody,
  ZFollowUpBody,
  ZMeasureBody,
  ZNeedsBody,
  ZPlanBody,
  ZProgressBody,
  ZStatusBody,
} from '../../../domain/api/ledger.ts';
import { isEmployedDestination, measureGroupOf } from '../../../domain/ledger/codes.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import type { ledgerCase } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { recordAudit, type TAuditEntry } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { assertVersion, lockCaseForWrite, type TCaseRef } from './case-access.ts';
import { happenedAt, later } from './case-dates.ts';
import { appendCaseEvents, type TNewCaseEvent } from './case-events.repo.ts';
import * as repo from './cases.repo.ts';
import { getCase } from './cases-query.service.ts';

type TCurrent = repo.TCaseDetailRow;
type TChange = {
  set?: Partial<typeof ledgerCase.$inferInsert>;
  events?: Omit<TNewCaseEvent, 'caseId' | 'at' | 'actorUserId' | 'actorName'>[];
  audit: Omit<TAuditEntry, 'entityType' | 'entityId'>;
};

/*
 * Every change to a case goes through `changeCase`: lock the row, check scope and the holder rule, let the
 * caller check the version (overwrites) and plan the change from what is stored, then write the columns, the
 * timeline events and the audit record in one transaction. The answer is the fresh case page.
 */
async function changeCase(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  opts: { bumpVersion: boolean },
  plan: (cur: TCurrent, ref: TCaseRef, now: Date) => TChange | Promise<TChange>,
) {
  requireUser(ctx);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const ref = await lockCaseForWrite(tx, ctx, caseId);
    const cur = await repo.findCaseDetail(tx, caseId);
    if (!cur) throw notFound('Case');
    await writeChange(tx, ctx, caseId, await plan(cur, ref, now), opts.bumpVersion, now);
  });
  return getCase(deps, ctx, caseId);
}

/** Write a planned change: the columns, the timeline events and the audit record, in the caller's transaction. */
async function writeChange(
  tx: TDbOrTx,
  ctx: TCtx,
  caseId: string,
  change: TChange,
  bumpVersion: boolean,
  now: Date,
) {
  const user = requireUser(ctx);
  await repo.updateCase(tx, caseId, { ...change.set, updatedAt: now, updatedBy: user.id }, bumpVersion);
  await appendCaseEvents(
    tx,
    (change.events ?? []).map((e) => ({
      ...e,
      caseId,
      at: now,
      actorUserId: user.id,
      actorName: user.displayName,
    })),
  );
  await recordAudit(tx, ctx, { ...change.audit, entityType: 'ledger_case', entityId: caseId }, now);
}

const conflictOf = (cur: TCurrent, yours: Record<string, unknown>, theirs: Record<string, unknown>) => ({
  yours,
  theirs,
  updatedBy: cur.updatedByName,
  updatedAt: cur.updatedAt,
});

// ——— overwriting edits: checked against the version the user edited ———

export function updateNeeds(deps: TDeps, ctx: TCtx, caseId: string, body: z.infer<typeof ZNeedsBody>) {
  return changeCase(deps, ctx, caseId, { bumpVersion: true }, (cur, ref, now) => {
    const before = { intention: cur.intention, needs: cur.needs };
    assertVersion(
      ref,
      body.version,
      conflictOf(cur, { intention: body.intention, needs: body.needs }, before),
    );
    return {
      set: {
        intention: body.intention,
        needs: body.needs,
        ...(body.confirmed ? { needsConfirmedAt: now } : {}),
      },
      events: [
        { kind: 'needs', data: { intention: body.intention, needs: body.needs, confirmed: body.confirmed } },
      ],
      audit: { action: 'case.needs', before, after: { intention: body.intention, needs: body.needs } },
    };
  });
}

export function updatePlan(deps: TDeps, ctx: TCtx, caseId: string, body: z.infer<typeof ZPlanBody>) {
  return changeCase(deps, ctx, caseId, { bumpVersion: true }, (cur, ref) => {
    const before = { planText: cur.planText, plannedMeasures: cur.plannedMeasures };
    const after = { planText: body.planText, plannedMeasures: body.plannedMeasures };
    assertVersion(ref, body.version, conflictOf(cur, after, before));
    return {
      set: after,
      events: [{ kind: 'plan', data: after }],
      audit: { action: 'case.plan', before, after },
    };
  });
}

/** 人员底数清: the counselor checked the profile and contact details with the graduate. */
export function verifyProfile(deps: TDeps, ctx: TCtx, caseId: string, version: number) {
  return changeCase(deps, ctx, caseId, { bumpVersion: true }, (cur, ref, now) => {
    assertVersion(
      ref,
      version,
      conflictOf(cur, { profileVerifiedAt: now.toISOString() }, { profileVerifiedAt: cur.profileVerifiedAt }),
    );
    if (!cur.phoneEncrypted) {
      throw new AppError(
        'validation_error',
        '名单中没有该毕业生的联系电话，请先通过名单导入补充 / No phone number on file: add it through a roster import first',
      );
    }
    return {
      set: { profileVerifiedAt: now },
      events: [{ kind: 'profile_verified' }],
      audit: { action: 'case.verify_profile' },
    };
  });
}

export function setDestination(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  body: z.infer<typeof ZDestinationBody>,
) {
  return changeCase(deps, ctx, caseId, { bumpVersion: true }, async (cur, ref, now) => {
    const { version, code, ...rest } = body;
    const before = { destinationCode: cur.destinationCode, destination: cur.destination, status: cur.status };
    assertVersion(ref, version, conflictOf(cur, { destinationCode: code, destination: rest }, before));
    return planDestination(cur, code, rest, now, {});
  });
}

type TDestination = Omit<z.infer<typeof ZDestinationBody>, 'version' | 'code'>;

/** A destination and the status it implies (placed for an employed code), as one change. */
function planDestination(
  cur: TCurrent,
  code: string,
  rest: TDestination,
  now: Date,
  source: Record<string, unknown>,
): TChange {
  const before = { destinationCode: cur.destinationCode, destination: cur.destination, status: cur.status };
  const employed = isEmployedDestination(code);
  return {
    set: {
      destinationCode: code,
      destination: rest,
      progressUpdatedAt: now,
      status: employed ? 'placed' : cur.status === 'placed' ? 'seeking' : cur.status,
    },
    events: [
      { kind: 'destination', occurredOn: rest.date, data: { code, ...rest, ...source } },
      ...(employed !== (cur.status === 'placed')
        ? [{ kind: 'status' as const, data: { from: cur.status, to: employed ? 'placed' : 'seeking' } }]
        : []),
    ],
    audit: {
      action: 'case.destination',
      before,
      after: { destinationCode: code, destination: rest, ...source },
    },
  };
}

// ——— changes that come from outside the ledger (an application moved on by the post's owner) ———
// The caller has checked its own access (the post is theirs; the graduate applied), so neither the case scope
// nor the holder rule applies; the rules, timeline events and audit are the ledger's own.

/** Inside the caller's transaction: record job-search progress (an application and how it goes). */
export async function recordOutsideProgress(
  tx: TDbOrTx,
  ctx: TCtx,
  caseId: string,
  data: Record<string, unknown> & { date: string },
  now: Date,
): Promise<void> {
  await tx.execute(sql`select 1 from ledger_case where id = ${caseId} for update`);
  await writeChange(
    tx,
    ctx,
    caseId,
    {
      set: { progressUpdatedAt: now },
      events: [{ kind: 'progress', occurredOn: data.date, data }],
      audit: { action: 'case.progress', after: data },
    },
    false,
    now,
  );
}

/** Inside the caller's transaction: set the case's destination from a confirmed hire, as setDestination does. */
export async function recordOutsideDestination(
  tx: TDbOrTx,
  ctx: TCtx,
  caseId: string,
  destination: TDestination & { code: string },
  source: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx.execute(sql`select 1 from ledger_case where id = ${caseId} for update`);
  const cur = await repo.findCaseDetail(tx, caseId);
  if (!cur) throw notFound('Case');
  const { code, ...rest } = destination;
  await writeChange(tx, ctx, caseId, planDestination(cur, code, rest, now, source), true, now);
}

export function setStatus(deps: TDeps, ctx: TCtx, caseId: string, body: z.infer<typeof ZStatusBody>) {
  return changeCase(deps, ctx, caseId, { bumpVersion: true }, (cur, ref) => {
    assertVersion(ref, body.version, conflictOf(cur, { status: body.status }, { status: cur.status }));
    assertStatusAllowed(cur.destinationCode, body.status);
    return {
      set: { status: body.status },
      events: [{ kind: 'status', data: { from: cur.status, to: body.status, note: body.note } }],
      audit: { action: 'case.status', before: { status: cur.status }, after: { status: body.status } },
    };
  });
}

function assertStatusAllowed(destinationCode: string | null, status: string) {
  if (status === 'seeking' && isEmployedDestination(destinationCode)) {
    throw new AppError(
      'validation_error',
      '已登记就业去向的毕业生不能设为求职中，请先修改毕业去向 / A graduate with an employed destination cannot be set to seeking; change the destination first',
    );
  }
}

// ——— appends: they never overwrite, so they need no version ———

export function addMeasure(deps: TDeps, ctx: TCtx, caseId: string, body: z.infer<typeof ZMeasureBody>) {
  return changeCase(deps, ctx, caseId, { bumpVersion: false }, (cur, _ref, now) => ({
    set: { lastMeasureAt: later(cur.lastMeasureAt, happenedAt(body.date, now)) },
    events: [{ kind: 'measure', occurredOn: body.date, data: { ...body, group: measureGroupOf(body.item) } }],
    audit: { action: 'case.measure', after: body },
  }));
}

export function addFollowUp(deps: TDeps, ctx: TCtx, caseId: string, body: z.infer<typeof ZFollowUpBody>) {
  return changeCase(deps, ctx, caseId, { bumpVersion: false }, (cur, _ref, now) => {
    if (
      body.private &&
      !(ctx.user!.roles.includes('counselor') || ctx.user!.roles.includes('university_admin'))
    ) {
      throw forbidden(
        '只有辅导员和学校管理员可以记录心理疏导 / Only counselors and university admins keep psychological-support notes',
      );
    }
    if (body.nextDue && body.nextDue < body.date) {
      throw new AppError(
        'validation_error',
        '下次跟踪日期不能早于本次 / The next follow-up cannot be before this one',
        {
          field: 'nextDue',
        },
      );
    }
    return {
      set: {
        lastContactAt: later(cur.lastContactAt, happenedAt(body.date, now)),
        nextFollowUpDue: body.nextDue ? new Date(`${body.nextDue}T23:59:59+08:00`) : null,
      },
      events: [{ kind: 'follow_up', occurredOn: body.date, data: body, private: body.private }],
      // the audit trail records that a note was written, not what a private note says
      audit: { action: 'case.follow_up', after: body.private ? { ...body, content: '(private)' } : body },
    };
  });
}

export function addProgress(deps: TDeps, ctx: TCtx, caseId: string, body: z.infer<typeof ZProgressBody>) {
  return changeCase(deps, ctx, caseId, { bumpVersion: false }, (_cur, _ref, now) => {
    happenedAt(body.date, now);
    return {
      set: { progressUpdatedAt: now },
      events: [{ kind: 'progress', occurredOn: body.date, data: body }],
      audit: { action: 'case.progress', after: body },
    };
  });
}

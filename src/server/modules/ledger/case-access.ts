import { and, eq, type SQL, sql } from 'drizzle-orm';
import { fieldsFor, type TFieldAccess } from '../../../domain/field-rule.ts';
import { canSeePrivateNotes, caseWriteDenial } from '../../../domain/ledger/access.ts';
import type { TCaseStage } from '../../../domain/ledger/codes.ts';
import { scopeFor, type TScope } from '../../../domain/scope.ts';
import type { TCtx } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { graduate, ledgerCase } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { graduateScopeWhere } from '../../plugins/scope-sql.ts';
import { requireUser } from '../auth/auth.service.ts';
import { fieldContextColumns, toFieldContext } from '../registry/field-context.ts';

/*
 * The ledger's access rules in one place: which cases the user sees (the scope function for case files) and
 * whether they may change one (the holder rule in domain/ledger/access.ts). Every ledger query joins `graduate`
 * and ANDs `caseScopeWhere`.
 */

/** The case-file scope of the user (no clause without a user: nothing). */
export function caseScope(ctx: TCtx): TScope {
  return ctx.user ? scopeFor(ctx.user, 'case') : { clauses: [] };
}

/** The case-file scope as a condition on `graduate` (join `ledger_case` to `graduate` to use it). */
export function caseScopeWhere(ctx: TCtx): SQL {
  return graduateScopeWhere(caseScope(ctx));
}

export function canSeePrivate(ctx: TCtx): boolean {
  return !!ctx.user && canSeePrivateNotes(ctx.user.roles);
}

export type TCaseRef = {
  id: string;
  graduateId: string;
  version: number;
  stage: TCaseStage;
  holderOrgId: string;
  status: string;
  universityId: string;
  cohort: number;
};

const refColumns = {
  id: ledgerCase.id,
  graduateId: ledgerCase.graduateId,
  version: ledgerCase.version,
  stage: ledgerCase.stage,
  holderOrgId: ledgerCase.holderOrgId,
  status: ledgerCase.status,
  universityId: ledgerCase.universityId,
  cohort: ledgerCase.cohort,
};

/** The case if the user may see it; not found otherwise (never "forbidden": that would confirm it exists). */
export async function getCaseInScope(db: TDbOrTx, ctx: TCtx, caseId: string): Promise<TCaseRef> {
  requireUser(ctx);
  const [row] = await db
    .select(refColumns)
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(and(eq(ledgerCase.id, caseId), caseScopeWhere(ctx)));
  if (!row) throw notFound('Case');
  return row as TCaseRef;
}

/**
 * The case (in scope, else not found) and which of its fields the user gets (domain/field-rule.ts): the
 * timeline and files are case notes, withheld from a poverty office, for example.
 */
export async function getCaseFields(db: TDbOrTx, ctx: TCtx, caseId: string): Promise<TFieldAccess> {
  const user = requireUser(ctx);
  const [row] = await db
    .select({
      universityId: graduate.universityId,
      domicileCountyCode: graduate.domicileCountyCode,
      isRegisteredPoor: graduate.isRegisteredPoor,
      targetReasons: graduate.targetReasons,
      ...fieldContextColumns(),
    })
    .from(ledgerCase)
    .innerJoin(graduate, eq(graduate.id, ledgerCase.graduateId))
    .where(and(eq(ledgerCase.id, caseId), caseScopeWhere(ctx)));
  if (!row) throw notFound('Case');
  return fieldsFor(user, toFieldContext(row));
}

/** Like getCaseInScope, and the field rule must allow the case notes (timeline, files). */
export async function requireCaseNotes(db: TDbOrTx, ctx: TCtx, caseId: string): Promise<void> {
  if (!(await getCaseFields(db, ctx, caseId)).caseNotes) {
    throw new AppError(
      'forbidden',
      '无权查看该台账的记录与材料 / You may not read this case’s notes and files',
      {
        reason: 'field_rule',
      },
    );
  }
}

/**
 * Inside a transaction: lock the case row, check scope and the holder rule. Every case write starts here, so
 * two writers of one case queue instead of interleaving.
 */
export async function lockCaseForWrite(tx: TDbOrTx, ctx: TCtx, caseId: string): Promise<TCaseRef> {
  const user = requireUser(ctx);
  await tx.execute(sql`select 1 from ledger_case where id = ${caseId} for update`);
  const ref = await getCaseInScope(tx, ctx, caseId);
  const denial = caseWriteDenial(user, ref);
  if (denial === 'handed_over') {
    throw new AppError(
      'forbidden',
      '该台账已移交人社部门，学校只可查看 / This case has been handed over to HRSS; the university can only read it',
      { reason: denial },
    );
  }
  if (denial)
    throw new AppError('forbidden', '无权修改该台账 / You cannot change this case', { reason: denial });
  return ref;
}

/**
 * Optimistic concurrency for overwriting edits: the version the user edited must still be current. The caller
 * supplies what is stored now so the 409 shows both values.
 */
export function assertVersion(
  ref: TCaseRef,
  sentVersion: number,
  conflict: {
    yours: Record<string, unknown>;
    theirs: Record<string, unknown>;
    updatedBy: string | null;
    updatedAt: Date | null;
  },
): void {
  if (ref.version === sentVersion) return;
  throw new AppError(
    'conflict',
    '该台账已被他人修改，请对照后重新保存 / Someone else changed this case; compare and save again',
    {
      reason: 'version_conflict',
      currentVersion: ref.version,
      yours: conflict.yours,
      theirs: conflict.theirs,
      updatedBy: conflict.updatedBy,
      updatedAt: conflict.updatedAt?.toISOString() ?? null,
    },
  );
}

import type { TApplicationStatus } from '../../../domain/opportunities/codes.ts';
import { kindMeta } from '../../../domain/opportunities/kinds.ts';
import type { TOpportunityKind } from '../../../domain/opportunities/types.ts';
import type { TCtx } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import type { opportunity } from '../../db/schema/index.ts';
import { recordOutsideDestination, recordOutsideProgress } from '../ledger/cases-write.service.ts';
import { findEmployer } from './employers.repo.ts';

/*
 * How an application shows on the graduate's case file: every step is a `progress` event (application,
 * interview, offer, rejected, withdrawn — the ledger's progress kinds where they exist); a confirmed hire
 * sets the case's destination with the kind's 毕业去向 code (50 特岗/村官/三支一扶/西部计划, 27 科研助理,
 * 46 征兵, 80 专升本 …) through the ledger's own destination rules. Graduates without a case get no events.
 */

const PROGRESS_KIND: Record<TApplicationStatus, string> = {
  applied: 'application',
  interview: 'interview',
  offer: 'offer',
  hired: 'hired',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

type TPost = typeof opportunity.$inferSelect;

/** The name a case shows for the post's organisation: the employer, or the department that owns it. */
async function orgNameOf(tx: TDbOrTx, post: TPost, ownerName: string) {
  if (!post.employerOrgId) return { name: ownerName, natureCode: null };
  const e = await findEmployer(tx, post.employerOrgId);
  return { name: e?.name ?? ownerName, natureCode: e?.natureCode ?? null };
}

/** Record an application's new status on its case (inside the caller's transaction). */
export async function recordApplicationOnCase(
  tx: TDbOrTx,
  ctx: TCtx,
  input: {
    caseId: string | null;
    applicationId: string;
    post: TPost;
    ownerName: string;
    status: TApplicationStatus;
    today: string;
    now: Date;
    bySelf: boolean;
    note?: string;
  },
): Promise<void> {
  const { caseId, post, status, today, now } = input;
  if (!caseId) return;
  const org = await orgNameOf(tx, post, input.ownerName);
  const source = { applicationId: input.applicationId, opportunityId: post.id, opportunityKind: post.kind };
  const code = kindMeta(post.kind as TOpportunityKind).destinationCode;
  if (status === 'hired' && code) {
    await recordOutsideDestination(
      tx,
      ctx,
      caseId,
      {
        code,
        employer: org.name.slice(0, 100),
        natureCode: org.natureCode,
        regionCode: post.regionCodes[0] ?? null,
        date: today,
        evidenceFileId: null,
      },
      source,
      now,
    );
    return;
  }
  await recordOutsideProgress(
    tx,
    ctx,
    caseId,
    {
      kind: PROGRESS_KIND[status],
      employer: org.name,
      post: post.title,
      date: today,
      ...(input.note ? { note: input.note } : {}),
      ...(input.bySelf ? { bySelf: true } : {}),
      ...source,
    },
    now,
  );
}

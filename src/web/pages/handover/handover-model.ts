import type { THandoverCase, THandoverRefusedDetails } from '../../../domain/api/handover.ts';
import { ApiError } from '../../api/client.ts';

export type TBureauCount = { orgId: string; orgName: string; countyName: string | null; count: number };

/**
 * The picked cases (the ones the user ticked that the current preview still lists, with a bureau; nothing is
 * ticked by default: handing a graduate over is a decision per case) and how many go to each bureau, biggest
 * first: what the confirmation states before anything is handed over.
 */
export function summarizeSelection(
  cases: readonly THandoverCase[],
  ticked: ReadonlySet<string>,
): { caseIds: string[]; byBureau: TBureauCount[] } {
  const picked = cases.filter((c) => c.toOrgId && ticked.has(c.caseId));
  const byBureau = new Map<string, TBureauCount>();
  for (const c of picked) {
    const entry = byBureau.get(c.toOrgId!) ?? {
      orgId: c.toOrgId!,
      orgName: c.toOrgName ?? '',
      countyName: c.countyName,
      count: 0,
    };
    entry.count++;
    byBureau.set(c.toOrgId!, entry);
  }
  return {
    caseIds: picked.map((c) => c.caseId),
    byBureau: [...byBureau.values()].sort(
      (a, b) => b.count - a.count || a.orgName.localeCompare(b.orgName, 'zh-CN'),
    ),
  };
}

/** The cases a refused commit named (409 `not_qualifying`), or null for any other error. */
export function refusedCases(error: unknown): THandoverRefusedDetails['cases'] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as Partial<THandoverRefusedDetails> | undefined;
  return details?.reason === 'not_qualifying' && Array.isArray(details.cases) ? details.cases : null;
}

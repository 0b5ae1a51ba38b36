import type { TApplicationStatus } from '../../../domain/opportunities/codes.ts';

/** The funnel an application walks, in order; rejected and withdrawn leave it. */
export const APPLICATION_STEPS = ['applied', 'interview', 'offer', 'hired'] as const;

/** Where an application stands on the funnel's steps; null once it has left the funnel. */
export function stepOf(status: TApplicationStatus): number | null {
  const at = APPLICATION_STEPS.indexOf(status as (typeof APPLICATION_STEPS)[number]);
  return at < 0 ? null : at;
}

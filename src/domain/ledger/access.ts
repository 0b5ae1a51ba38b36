import type { TRole } from '../roles.ts';
import type { TCaseStage } from './codes.ts';

/*
 * Who may change a case they can see. Seeing is the scope function's job (scopeFor(user, 'case')); this adds the
 * holder rule: while at school the university's counselors, helpers and admins keep the case; once handed over
 * only the receiving county HRSS bureau does, and the university keeps read access.
 */

export type TCaseHolder = { stage: TCaseStage; holderOrgId: string };
export type TCaseActor = { roles: readonly TRole[]; org: { id: string } };

const SCHOOL_WRITERS: readonly TRole[] = ['counselor', 'helper', 'university_admin'];

/** Why the actor may not change this case, or null when they may. */
export function caseWriteDenial(actor: TCaseActor, c: TCaseHolder): 'handed_over' | 'read_only' | null {
  if (c.stage === 'handed_over') {
    if (actor.roles.includes('county_hrss') && actor.org.id === c.holderOrgId) return null;
    return actor.roles.some((r) => SCHOOL_WRITERS.includes(r)) ? 'handed_over' : 'read_only';
  }
  return actor.roles.some((r) => SCHOOL_WRITERS.includes(r)) ? null : 'read_only';
}

/** Psychological-support notes are for the counselor and the university admin only. */
export function canSeePrivateNotes(roles: readonly TRole[]): boolean {
  return roles.includes('counselor') || roles.includes('university_admin');
}

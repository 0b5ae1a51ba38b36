import { kindMeta } from './kinds.ts';
import type { TOpportunityKind } from './types.ts';

/**
 * Code lists of employers, posts and applications (stored in the database; labels in the web app's i18n
 * files), and the application funnel's transitions. Pure, shared by server and web.
 */

/** 企业规模 (GB 大中小微型企业划分): the employer states it at registration. */
export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type TEmployerSize = (typeof EMPLOYER_SIZES)[number];

/** Employer tags the notice names: 校友企业, 产教融合/校企合作, 东西部协作, 国有企业. */
export const EMPLOYER_TAGS = ['alumni', 'industry_partner', 'east_west_partner', 'state_owned'] as const;
export type TEmployerTag = (typeof EMPLOYER_TAGS)[number];

/** An employer registers (pending); a university or HRSS admin approves or rejects it. */
export const EMPLOYER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TEmployerStatus = (typeof EMPLOYER_STATUSES)[number];

/** A post is drafted, opened (graduates may apply until the deadline), and closed. */
export const OPPORTUNITY_STATUSES = ['draft', 'open', 'closed'] as const;
export type TOpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** The application funnel: applied → interview → offer → hired, or rejected / withdrawn on the way. */
export const APPLICATION_STATUSES = [
  'applied',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Where the graduate found the post: the 52-county zone, a push from staff, or on their own. */
export const APPLICATION_SOURCES = ['zone', 'push', 'self'] as const;
export type TApplicationSource = (typeof APPLICATION_SOURCES)[number];

/** The statuses the post's owner (employer or department) sets. */
export const OWNER_SETTABLE_STATUSES = ['interview', 'offer', 'hired', 'rejected'] as const;
export type TOwnerSettableStatus = (typeof OWNER_SETTABLE_STATUSES)[number];

/** Applications that take up one of the post's places (its quota). */
export const QUOTA_USING_STATUSES: readonly TApplicationStatus[] = ['offer', 'hired'];

/** Applications still in play (count as applicants; block a second application to the same post). */
export const ACTIVE_APPLICATION_STATUSES: readonly TApplicationStatus[] = ['applied', 'interview', 'offer'];

const NEXT: Record<TApplicationStatus, readonly TApplicationStatus[]> = {
  applied: ['interview', 'offer', 'rejected', 'withdrawn'],
  interview: ['offer', 'rejected', 'withdrawn'],
  offer: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

/** Whether an application may move from one status to another (hired, rejected and withdrawn are final). */
export function canMoveApplication(from: TApplicationStatus, to: TApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Employers post jobs, internships (见习) and training; the policy posts (特岗, 村官, 三支一扶 …), study routes
 * and entrepreneurship support are run by departments and universities.
 */
export function employerMayPost(kind: TOpportunityKind): boolean {
  const group = kindMeta(kind).group;
  return group === 'job' || group === 'internship' || group === 'training';
}

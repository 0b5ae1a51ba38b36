/**
 * The ledger's code lists (一人一策): intentions, needs, the notice's five tasks as a measure catalogue,
 * follow-up methods and progress kinds. Codes are stable identifiers stored in the database; labels live in
 * the web app's i18n files (zh-CN first) so API payloads stay language-neutral.
 */

/** 就业意向: 就业 / 升学 / 参军 / 基层项目 / 创业 / 暂不就业 / 无意愿 */
export const INTENTIONS = [
  'employment',
  'further_study',
  'military',
  'grassroots',
  'entrepreneurship',
  'not_now',
  'none',
] as const;
export type TIntention = (typeof INTENTIONS)[number];

/** Intentions that count as "wants work" for handover to HRSS after leaving school. */
export const SEEKING_INTENTIONS: readonly TIntention[] = [
  'employment',
  'military',
  'grassroots',
  'entrepreneurship',
];

/** 服务需求 */
export const SERVICE_NEEDS = [
  'guidance',
  'psychological',
  'skills_training',
  'internship',
  'job_search_subsidy',
  'post_recommendation',
  'entrepreneurship_support',
  'further_study_support',
] as const;
export type TServiceNeed = (typeof SERVICE_NEEDS)[number];

/** 岗位类别 a graduate may prefer */
export const POST_KINDS = [
  'enterprise',
  'state_owned',
  'public_institution',
  'civil_service',
  'grassroots_programme',
  'research_assistant',
  'public_welfare',
  'flexible',
] as const;
export type TPostKind = (typeof POST_KINDS)[number];

/** GB/T 4754 sections (A–T) a graduate may prefer; labels in i18n. */
export const INDUSTRIES = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const;

/**
 * 帮扶举措: the notice's five tasks, each a group of measures. A measure logged on a case is one of these items.
 */
export const MEASURE_GROUPS = {
  study_training: ['upgrade_to_bachelor', 'second_degree', 'skills_training', 'internship'],
  policy_posts: [
    'special_teacher',
    'village_official',
    'three_supports',
    'western_programme',
    'research_assistant',
    'military',
    'public_welfare_post',
  ],
  recruitment: ['special_fair', 'post_push'],
  services: ['one_to_one', 'career_guidance', 'psychological_support', 'job_search_subsidy'],
  counterpart: ['partner_post'],
} as const;
export type TMeasureGroup = keyof typeof MEASURE_GROUPS;
export type TMeasureItem = (typeof MEASURE_GROUPS)[TMeasureGroup][number];
export const MEASURE_ITEMS = Object.values(MEASURE_GROUPS).flat() as TMeasureItem[];

export function measureGroupOf(item: TMeasureItem): TMeasureGroup {
  for (const [group, items] of Object.entries(MEASURE_GROUPS)) {
    if ((items as readonly string[]).includes(item)) return group as TMeasureGroup;
  }
  throw new Error(`unknown measure ${item}`);
}

/** 跟踪服务方式: 电话 / 微信 / 面谈 / 上门 */
export const FOLLOW_UP_METHODS = ['phone', 'wechat', 'in_person', 'home_visit'] as const;
export type TFollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

/** 求职进展 */
export const PROGRESS_KINDS = ['application', 'interview', 'offer', 'rejected'] as const;
export type TProgressKind = (typeof PROGRESS_KINDS)[number];

/**
 * Case status. `placed` is set by a destination (毕业去向) other than the unemployed codes; the others are set
 * by staff (暂缓: the graduate does not want help now; 结案: closed).
 */
export const CASE_STATUSES = ['seeking', 'placed', 'paused', 'closed'] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];
/** statuses staff may set directly (placed comes from a destination) */
export const SETTABLE_STATUSES = ['seeking', 'paused', 'closed'] as const;

/** 毕业去向 codes that mean "not employed" (70 待就业, 71 不就业拟升学, 72 其他暂不就业). */
export const UNEMPLOYED_DESTINATIONS = ['70', '71', '72'] as const;

export function isEmployedDestination(code: string | null | undefined): boolean {
  return !!code && !(UNEMPLOYED_DESTINATIONS as readonly string[]).includes(code);
}

/** Where a case is held: at school, or handed to the county HRSS bureau after leaving school. */
export const CASE_STAGES = ['school', 'handed_over'] as const;
export type TCaseStage = (typeof CASE_STAGES)[number];

/** The append-only timeline's event kinds. */
export const CASE_EVENT_KINDS = [
  'opened',
  'needs',
  'plan',
  'profile_verified',
  'measure',
  'follow_up',
  'progress',
  'destination',
  'status',
  'pairing',
  /** the class's counselors changed (staff/class-assign.service.ts) */
  'counselor',
  'handover',
  /** the county bureau named (or changed) the staff member responsible for a handed-over case */
  'responsible',
  'file',
  'note',
  'push',
] as const;
export type TCaseEventKind = (typeof CASE_EVENT_KINDS)[number];

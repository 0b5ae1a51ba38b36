import { z } from 'zod';
import { MATCH_FACTORS } from '../matching/weights.ts';
import { APPLICATION_STATUSES } from '../opportunities/codes.ts';
import { OPPORTUNITY_KINDS } from '../opportunities/types.ts';
import { ZPageQuery } from './common.ts';
import { zDate, zMultiline } from './primitives.ts';

/*
 * Matching: a case's recommendations with their per-factor breakdown and near misses, pushing a post to the
 * graduate (outbox), batch runs, the push funnel and the per-graduate daily limit. Payloads carry codes;
 * labels live in the web app's i18n files. Reasons (`…Zh` / `…En`) are explanations shown verbatim.
 *
 * Routes (permission; scope):
 *   GET  /api/cases/:id/recommendations?limit   ZCaseRecommendations   cases.read; case scope (404 outside)
 *   POST /api/cases/:id/push      ZPushBody → ZPushResult            matching.push; case scope (404 outside)
 *   GET  /api/matching/outbox     ZOutboxQuery → ZPage(ZPushItem)     cases.read; pushes of cases in scope
 *   POST /api/matching/runs       → ZMatchingRun (202, runs in the background)   matching.push; cases in scope
 *   GET  /api/matching/runs/latest → ZMatchingRun | null; GET /api/matching/runs/:id → ZMatchingRun
 *   GET  /api/matching/funnel     ZFunnelQuery → ZFunnel              cases.read; pushes of cases in scope
 *   GET  /api/matching/settings → ZMatchingSettings (cases.read); PUT (ledger.settings), audited
 *   GET  /api/me/pushes → ZMyPush[]; POST /api/me/pushes/:id/view → ZMyPush     self.portal; own pushes only
 */

export const PUSH_CHANNELS = ['in_app', 'sms', 'wechat'] as const;
export type TPushChannel = (typeof PUSH_CHANNELS)[number];

/**
 * queued: waiting for the dispatcher · sent · failed (e.g. no account or phone; `error` says why) · limited:
 * over the graduate's daily limit, the dispatcher sends it on a later day.
 */
export const PUSH_STATUSES = ['queued', 'sent', 'failed', 'limited'] as const;
export type TPushStatus = (typeof PUSH_STATUSES)[number];

/**
 * The channels a graduate can receive a push on: in-app needs their self-service account, SMS a phone on file,
 * WeChat either (the template message is addressed by account or phone). The server fails the others at once
 * (no limit used, no timeline entry) and the push dialog ticks only these.
 */
export function reachableChannels(g: { hasAccount: boolean; hasPhone: boolean }): TPushChannel[] {
  return PUSH_CHANNELS.filter((c) =>
    c === 'in_app' ? g.hasAccount : c === 'sms' ? g.hasPhone : g.hasAccount || g.hasPhone,
  );
}
/** Why a channel cannot reach the graduate (the push's `error` code), or null. */
export function unreachableReason(
  channel: TPushChannel,
  g: { hasAccount: boolean; hasPhone: boolean },
): 'no_account' | 'no_phone' | null {
  if (reachableChannels(g).includes(channel)) return null;
  return channel === 'sms' ? 'no_phone' : 'no_account';
}

const ZChannels = z
  .array(z.enum(PUSH_CHANNELS))
  .min(1)
  .max(3)
  .refine((a) => new Set(a).size === a.length, 'channels must be different');

// ——— recommendations ———

export const ZFactorBreakdown = z.object({
  factor: z.enum(MATCH_FACTORS),
  points: z.number().int(),
  max: z.number().int(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type TFactorBreakdownDto = z.infer<typeof ZFactorBreakdown>;

export const ZNearMissReason = z.object({
  /** deadline | quota | an eligibility rule kind (max_age, major_categories …) */
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});

/** What the case page shows about a recommended post. */
export const ZMatchPostSummary = z.object({
  id: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string(),
  /** the employer, or the department that owns the post */
  orgName: z.string(),
  regionCodes: z.array(z.string()),
  regionNames: z.array(z.string()),
  deadline: z.string(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  /** places left; null = not fixed */
  quotaLeft: z.number().int().nullable(),
  targetPriority: z.boolean(),
});
export type TMatchPostSummary = z.infer<typeof ZMatchPostSummary>;

/** A push of this post to this graduate already made, per channel. */
export const ZPushState = z.object({
  channel: z.enum(PUSH_CHANNELS),
  status: z.enum(PUSH_STATUSES),
  createdAt: z.string(),
  viewedAt: z.string().nullable(),
});

export const ZRecommendation = z.object({
  rank: z.number().int(),
  /** 0–100, the sum of the breakdown's points */
  score: z.number().int(),
  post: ZMatchPostSummary,
  breakdown: z.array(ZFactorBreakdown),
  pushes: z.array(ZPushState),
  /** the graduate's application to the post, if any: pushing it again would be pointless */
  application: z.object({ status: z.enum(APPLICATION_STATUSES) }).nullable(),
});
export type TRecommendationDto = z.infer<typeof ZRecommendation>;

export const ZNearMiss = z.object({
  /** what it would score without the failed filters */
  score: z.number().int(),
  post: ZMatchPostSummary,
  reasons: z.array(ZNearMissReason),
});

export const ZCaseRecommendations = z.object({
  caseId: z.string(),
  /** when these were computed */
  computedAt: z.string(),
  /** true: computed for this request (the case or an open post changed since the stored run) */
  recomputed: z.boolean(),
  /** open posts considered */
  postsConsidered: z.number().int(),
  recommendations: z.array(ZRecommendation),
  nearMisses: z.array(ZNearMiss),
  /** the graduate's push allowance today (China date) */
  pushLimit: z.object({ perDay: z.number().int(), usedToday: z.number().int() }),
  /** the channels the graduate can receive (reachableChannels) */
  reachableChannels: z.array(z.enum(PUSH_CHANNELS)),
});
export type TCaseRecommendations = z.infer<typeof ZCaseRecommendations>;

export const ZRecommendationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

// ——— push ———

export const ZPushBody = z.object({
  opportunityId: z.uuid(),
  channels: ZChannels,
  /** why this post, in the staff member's words (shown to the graduate with the post) */
  note: zMultiline().max(200).default(''),
});
export type TPushBody = z.infer<typeof ZPushBody>;

/** The outcome per channel. `duplicate`: this post already went to the graduate on that channel (nothing stored). */
export const ZPushOutcome = z.object({
  channel: z.enum(PUSH_CHANNELS),
  outcome: z.enum([...PUSH_STATUSES, 'duplicate']),
  pushId: z.string().nullable(),
  messageZh: z.string(),
  messageEn: z.string(),
});
export const ZPushResult = z.object({ outcomes: z.array(ZPushOutcome) });
export type TPushResult = z.infer<typeof ZPushResult>;

/** One outbox row as staff see it. */
export const ZPushItem = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  graduateId: z.string(),
  graduateName: z.string(),
  opportunity: z.object({ id: z.string(), title: z.string(), kind: z.enum(OPPORTUNITY_KINDS) }),
  channel: z.enum(PUSH_CHANNELS),
  status: z.enum(PUSH_STATUSES),
  /** why a push failed (no_account, no_phone, provider error …) */
  error: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string(),
  score: z.number().int().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  viewedAt: z.string().nullable(),
});
export type TPushItem = z.infer<typeof ZPushItem>;

export const ZOutboxQuery = ZPageQuery.extend({
  status: z.enum(PUSH_STATUSES).optional(),
  channel: z.enum(PUSH_CHANNELS).optional(),
  caseId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
});
export type TOutboxQuery = z.infer<typeof ZOutboxQuery>;

/** A post pushed to the signed-in graduate (self-service); one entry per post whatever the channels. */
export const ZMyPush = z.object({
  /** id of the push to mark viewed */
  id: z.string(),
  post: ZMatchPostSummary,
  note: z.string(),
  pushedBy: z.string().nullable(),
  pushedAt: z.string(),
  viewedAt: z.string().nullable(),
  /** the graduate's application to the post, if any */
  applicationStatus: z.string().nullable(),
});
export type TMyPush = z.infer<typeof ZMyPush>;

// ——— batch runs ———

export const MATCHING_RUN_STATUSES = ['running', 'done', 'failed'] as const;
export const ZMatchingRun = z.object({
  id: z.string(),
  status: z.enum(MATCHING_RUN_STATUSES),
  /** open cases in the run's scope, and how many are done */
  total: z.number().int(),
  processed: z.number().int(),
  posts: z.number().int(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type TMatchingRun = z.infer<typeof ZMatchingRun>;

// ——— funnel ———

export const FUNNEL_GROUPS = ['graduate', 'staff', 'post', 'university', 'college'] as const;
export type TFunnelGroup = (typeof FUNNEL_GROUPS)[number];
export const FUNNEL_STAGES = ['pushed', 'viewed', 'applied', 'interview', 'offer', 'hired'] as const;

export const ZFunnelQuery = ZPageQuery.extend({
  groupBy: z.enum(FUNNEL_GROUPS).default('university'),
  /** pushes made on or after / before (YYYY-MM-DD, China dates) */
  from: zDate().optional(),
  to: zDate().optional(),
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TFunnelQuery = z.infer<typeof ZFunnelQuery>;

/**
 * Counts of pushed posts (graduate × post, whatever the channels) that reached each stage: viewed by the
 * graduate, applied to, and the application's furthest step.
 */
export const ZFunnelRow = z.object({
  key: z.string(),
  label: z.string(),
  pushed: z.number().int(),
  viewed: z.number().int(),
  applied: z.number().int(),
  interview: z.number().int(),
  offer: z.number().int(),
  hired: z.number().int(),
});
export type TFunnelRow = z.infer<typeof ZFunnelRow>;
export const ZFunnel = z.object({
  groupBy: z.enum(FUNNEL_GROUPS),
  rows: z.array(ZFunnelRow),
  total: ZFunnelRow.omit({ key: true, label: true }),
  page: z.number().int(),
  pageSize: z.number().int(),
  groups: z.number().int(),
});
export type TFunnel = z.infer<typeof ZFunnel>;

// ——— settings ———

export const ZMatchingSettings = z.object({
  /** posts pushed to one graduate per day (China date), all channels together */
  dailyPushLimit: z.number().int().min(1).max(50),
});
export type TMatchingSettings = z.infer<typeof ZMatchingSettings>;
export const DEFAULT_MATCHING_SETTINGS: TMatchingSettings = { dailyPushLimit: 3 };

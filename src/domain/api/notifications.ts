import { z } from 'zod';
import { ZPageQuery } from './common.ts';

/**
 * What raised a notification: an overdue item of a case (the zero-gap clock, to the staff), the summary of the
 * items a clock run escalated to a university or province user, the daily digest, or (to the admins) a user who
 * went past the daily reveal limit.
 */
export const NOTIFICATION_KINDS = [
  'overdue',
  'escalation',
  'digest',
  'handover',
  'push',
  'reveal_limit',
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ZNotificationListQuery = ZPageQuery.extend({
  /** only notifications not yet read */
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

/**
 * One notification. `title` and `body` are stored in Chinese (with English in the body) as they were sent;
 * `data` carries the codes (rule, level, counts …) the web app renders in the reader's language.
 */
export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  caseId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationPage = z.object({
  items: z.array(ZNotification),
  /** how many match the query (all, or unread only) */
  total: z.number().int(),
  /** how many of the user's notifications are unread, whatever the filter */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZReadAllResult = z.object({ updated: z.number().int() });
export type TReadAllResult = z.infer<typeof ZReadAllResult>;

/** `data` of an overdue notification. */
export type TOverdueNotificationData = {
  caseId: string;
  rule: string;
  level: number;
  dueAt: string;
  graduateName: string;
  daysOverdue: number;
  stage: string;
};

/**
 * `data` of an escalation summary: how many overdue items newly reached the recipient's level (1 or 2) in one
 * clock run, by rule, and the ids of the first 50 of them.
 */
export type TEscalationNotificationData = {
  level: number;
  count: number;
  byRule: Record<string, number>;
  itemIds: string[];
};

/** `data` of a daily digest: open overdue items in the user's case scope, by rule. */
export type TDigestNotificationData = {
  date: string;
  total: number;
  byRule: Record<string, number>;
};

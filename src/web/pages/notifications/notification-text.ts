import type { TFunction } from 'i18next';
import type { TNotification } from '../../../domain/api/notifications.ts';
import { OVERDUE_RULES, type TOverdueRule } from '../../../domain/ledger/clock.ts';

/*
 * A notification in the reader's language. The server stores a Chinese title (and a "中文 / English" body) as
 * sent; the codes in `data` let the page say the same thing in English. Unknown kinds show what was stored.
 */

export type TNotificationText = { title: string; detail: string | null; caseId: string | null };

const isRule = (v: unknown): v is TOverdueRule => OVERDUE_RULES.includes(v as TOverdueRule);
const isLevel = (v: unknown): v is 0 | 1 | 2 => v === 0 || v === 1 || v === 2;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** The calendar day of an instant in China, where the deadlines are kept. */
export const chinaDay = (iso: string) =>
  new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export function notificationText(n: TNotification, t: TFunction): TNotificationText {
  const d = n.data;
  if (n.kind === 'overdue' && isRule(d.rule) && isLevel(d.level) && typeof d.graduateName === 'string') {
    const days = typeof d.daysOverdue === 'number' ? d.daysOverdue : 0;
    const late = days >= 1 ? t('notifications.lateDays', { count: days }) : t('notifications.lateToday');
    const title = `${t(`notifications.levels.${d.level}`)}${t('notifications.overdueTitle', {
      name: d.graduateName,
      rule: t(`notifications.rules.${d.rule}`),
      late,
    })}`;
    const parts =
      typeof d.dueAt === 'string' ? [t('notifications.overdueDue', { due: chinaDay(d.dueAt) })] : [];
    if (d.level > 0) {
      const stage = d.stage === 'handed_over' ? 'handed_over' : 'school';
      parts.push(t(`notifications.levelNote.${stage}.${d.level === 1 ? '1' : '2'}`));
    }
    return { title, detail: parts.join(t('notifications.listSeparator')), caseId: n.caseId };
  }
  if (n.kind === 'escalation' && (d.level === 1 || d.level === 2) && typeof d.count === 'number') {
    const byRule = (d.byRule ?? {}) as Record<string, unknown>;
    const detail = OVERDUE_RULES.filter((r) => typeof byRule[r] === 'number' && (byRule[r] as number) > 0)
      .map((r) =>
        t('notifications.escalationRule', {
          rule: t(`notifications.shortRules.${r}`),
          count: byRule[r] as number,
        }),
      )
      .join(t('notifications.escalationSeparator'));
    const title = `${t(`notifications.levels.${d.level}`)}${t(`notifications.escalationTitle.${d.level}`, {
      count: d.count,
    })}`;
    return { title, detail: detail || null, caseId: null };
  }
  if (n.kind === 'digest' && typeof d.date === 'string' && typeof d.total === 'number') {
    const byRule = (d.byRule ?? {}) as Record<string, unknown>;
    const detail = OVERDUE_RULES.filter((r) => typeof byRule[r] === 'number' && (byRule[r] as number) > 0)
      .map((r) =>
        t('notifications.digestRule', { rule: t(`notifications.rules.${r}`), count: byRule[r] as number }),
      )
      .join(t('notifications.listSeparator'));
    return { title: t('notifications.digestTitle', { date: d.date, total: d.total }), detail, caseId: null };
  }
  if (n.kind === 'handover' && typeof d.universityName === 'string' && typeof d.count === 'number') {
    const title = t('notifications.handoverTitle', { university: d.universityName, count: d.count });
    const detail =
      typeof d.cohort === 'number' ? t('notifications.handoverDetail', { cohort: d.cohort }) : null;
    return { title, detail, caseId: null };
  }
  if (n.kind === 'reveal_limit' && typeof d.displayName === 'string' && typeof d.limit === 'number') {
    const title = t('notifications.revealLimitTitle', {
      name: d.displayName,
      username: String(d.username ?? ''),
      limit: d.limit,
    });
    return { title, detail: t('notifications.revealLimitDetail'), caseId: null };
  }
  return { title: n.title, detail: n.body || null, caseId: n.caseId };
}

/** The overdue worklist: the case list filtered to cases with an overdue item. */
export const OVERDUE_WORKLIST = '/cases?overdue=true';
/** The cases handed over to the reader's bureau. */
export const HANDED_OVER_WORKLIST = '/cases?stage=handed_over';

/**
 * Where opening a notification leads: its case; for an escalation summary (many cases, no one case) the overdue
 * worklist; for a handover the bureau's handed-over cases; otherwise nowhere (null).
 */
export function notificationLink(n: Pick<TNotification, 'kind' | 'caseId'>): string | null {
  if (n.caseId) return `/cases/${n.caseId}`;
  if (n.kind === 'escalation') return OVERDUE_WORKLIST;
  return n.kind === 'handover' ? HANDED_OVER_WORKLIST : null;
}

/** The translated label of a notification's kind. */
export function kindLabel(kind: string, t: TFunction): string {
  return kind === 'overdue' ||
    kind === 'escalation' ||
    kind === 'digest' ||
    kind === 'handover' ||
    kind === 'push' ||
    kind === 'reveal_limit'
    ? t(`notifications.kinds.${kind}`)
    : t('notifications.kinds.other');
}

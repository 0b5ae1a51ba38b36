import type {
  TDigestNotificationData,
  TEscalationNotificationData,
  TOverdueNotificationData,
} from '../../../domain/api/notifications.ts';
import { OVERDUE_RULES, type TOverdueRule } from '../../../domain/ledger/clock.ts';

/*
 * The words of the zero-gap clock's notifications: Chinese first (the title is Chinese only, as users see it in
 * the bell), the body "中文 / English". `data` carries the codes so the web app can render them in either language.
 */

const RULE_ZH: Record<TOverdueRule, string> = {
  unpaired: '一帮一结对',
  follow_up: '跟踪服务',
  measure: '帮扶举措',
  needs: '就业需求确认',
};
const RULE_EN: Record<TOverdueRule, string> = {
  unpaired: 'one-to-one pairing',
  follow_up: 'follow-up',
  measure: 'assistance measure',
  needs: 'needs reconfirmation',
};

/** Short labels for counts, e.g. "未结对 12、跟踪逾期 20". */
const RULE_SHORT_ZH: Record<TOverdueRule, string> = {
  unpaired: '未结对',
  follow_up: '跟踪逾期',
  measure: '举措逾期',
  needs: '需求待确认',
};

const TITLE_TAG = ['【逾期】', '【逾期督办】', '【逾期通报】'] as const;

const LEVEL_NOTE: Record<'school' | 'handed_over', [string, string][]> = {
  school: [
    ['', ''],
    ['已升级至高校就业管理部门督办。', ' Escalated to the university.'],
    ['已上报省级教育部门。', ' Reported to the provincial education department.'],
  ],
  handed_over: [
    ['', ''],
    ['已升级至省级人社部门督办。', ' Escalated to the provincial HRSS department.'],
    ['已上报部级主管部门。', ' Reported to the ministry.'],
  ],
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) of an instant in China (UTC+8 all year, no daylight saving). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The hour (0–23) of an instant in China. */
export function shanghaiHour(at: Date): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
}

const lateZh = (days: number) => (days >= 1 ? `已逾期 ${days} 天` : '今日逾期');
const lateEn = (days: number) =>
  days >= 1 ? `overdue by ${days} day${days === 1 ? '' : 's'}` : 'overdue today';

export type TOverdueNotice = {
  caseId: string;
  name: string;
  stage: string;
  rule: TOverdueRule;
  level: 0 | 1 | 2;
  dueAt: Date;
  daysOverdue: number;
};

/** Title, body and data of an overdue notification, e.g. "【逾期】张三：跟踪服务已逾期 3 天". */
export function overdueMessage(n: TOverdueNotice): {
  title: string;
  body: string;
  data: TOverdueNotificationData;
} {
  const stage = n.stage === 'handed_over' ? 'handed_over' : 'school';
  const [noteZh, noteEn] = LEVEL_NOTE[stage][n.level]!;
  const due = shanghaiDate(n.dueAt);
  return {
    title: `${TITLE_TAG[n.level]}${n.name}：${RULE_ZH[n.rule]}${lateZh(n.daysOverdue)}`,
    body:
      `${n.name} 的${RULE_ZH[n.rule]}应于 ${due} 前完成，${lateZh(n.daysOverdue)}。${noteZh} / ` +
      `${RULE_EN[n.rule]} for ${n.name} was due ${due}, ${lateEn(n.daysOverdue)}.${noteEn}`,
    data: {
      caseId: n.caseId,
      rule: n.rule,
      level: n.level,
      dueAt: n.dueAt.toISOString(),
      graduateName: n.name,
      daysOverdue: n.daysOverdue,
      stage,
    },
  };
}

/** Title, body and data of a daily digest, e.g. "【每日汇总】2020-07-15：您的范围内有 12 项逾期事项". */
export function digestMessage(
  date: string,
  byRule: Record<string, number>,
): { title: string; body: string; data: TDigestNotificationData } {
  const rules = OVERDUE_RULES.filter((r) => (byRule[r] ?? 0) > 0);
  const total = rules.reduce((sum, r) => sum + byRule[r]!, 0);
  const zh = rules.map((r) => `${RULE_ZH[r]} ${byRule[r]} 项`).join('，');
  const en = rules.map((r) => `${RULE_EN[r]} ${byRule[r]}`).join(', ');
  return {
    title: `【每日汇总】${date}：您的范围内有 ${total} 项逾期事项`,
    body: `逾期未完成：${zh}。 / Overdue in your caseload: ${en}.`,
    data: { date, total, byRule: Object.fromEntries(rules.map((r) => [r, byRule[r]!])) },
  };
}

/** How many item ids an escalation summary carries (the count says how many there were). */
export const ESCALATION_ITEM_IDS = 50;

/**
 * Title, body and data of the summary a level-1/2 recipient gets for one clock run, e.g.
 * "【逾期督办】本次有 37 项逾期事项升级至您处：未结对 12、跟踪逾期 20、举措逾期 5".
 */
export function escalationMessage(
  level: 1 | 2,
  byRule: Record<string, number>,
  itemIds: string[],
): { title: string; body: string; data: TEscalationNotificationData } {
  const rules = OVERDUE_RULES.filter((r) => (byRule[r] ?? 0) > 0);
  const count = rules.reduce((sum, r) => sum + byRule[r]!, 0);
  const zh = rules.map((r) => `${RULE_SHORT_ZH[r]} ${byRule[r]}`).join('、');
  const en = rules.map((r) => `${RULE_EN[r]} ${byRule[r]}`).join(', ');
  const verb = level === 1 ? '升级' : '上报';
  return {
    title: `${TITLE_TAG[level]}本次有 ${count} 项逾期事项${verb}至您处：${zh}`,
    body:
      `本次检查有 ${count} 项逾期事项${verb}至您处（${zh}），请在台账中按“逾期”筛选查看。 / ` +
      `${count} overdue item${count === 1 ? '' : 's'} newly ${level === 1 ? 'escalated' : 'reported'} to you ` +
      `(${en}); filter the case list by "overdue" to see them.`,
    data: {
      level,
      count,
      byRule: Object.fromEntries(rules.map((r) => [r, byRule[r]!])),
      itemIds: itemIds.slice(0, ESCALATION_ITEM_IDS),
    },
  };
}

import { describe, expect, it } from 'vitest';
import type { TNotification } from '../../../domain/api/notifications.ts';
import { i18n } from '../../i18n/index.ts';
import { chinaDay, kindLabel, notificationLink, notificationText } from './notification-text.ts';

const base: TNotification = {
  id: 'n1',
  kind: 'overdue',
  caseId: 'c1',
  title: '【逾期】张三：跟踪服务已逾期 3 天',
  body: '…',
  data: {},
  createdAt: '2020-07-15T01:00:00.000Z',
  readAt: null,
};
const overdue = (data: Record<string, unknown>): TNotification => ({
  ...base,
  data: {
    caseId: 'c1',
    rule: 'follow_up',
    level: 0,
    dueAt: '2020-07-11T15:59:59.000Z',
    graduateName: '张三',
    daysOverdue: 3,
    stage: 'school',
    ...data,
  },
});

describe('notificationText', () => {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en-US');

  it('says in Chinese exactly what the server titled it', () => {
    expect(notificationText(overdue({}), zh)).toEqual({
      title: '【逾期】张三：跟踪服务已逾期 3 天',
      detail: '应于 2020-07-11 前完成',
      caseId: 'c1',
    });
  });

  it('renders an escalation in English, with where it went, and "today" before a full day passes', () => {
    const text = notificationText(overdue({ level: 1, stage: 'handed_over', daysOverdue: 0 }), en);
    expect(text.title).toBe('[Escalated] 张三: Follow-up overdue today');
    expect(text.detail).toBe('Due by 2020-07-11, Escalated to the provincial HRSS department');
  });

  it('lists a digest by rule in the rules’ order', () => {
    const digest: TNotification = {
      ...base,
      kind: 'digest',
      caseId: null,
      data: { date: '2020-07-15', total: 5, byRule: { follow_up: 2, unpaired: 3 } },
    };
    expect(notificationText(digest, zh)).toEqual({
      title: '2020-07-15 每日汇总：您的范围内有 5 项逾期事项',
      detail: '一帮一结对 3 项，跟踪服务 2 项',
      caseId: null,
    });
  });

  it('renders an escalation summary by rule in both languages, as the server titled it', () => {
    const summary: TNotification = {
      ...base,
      kind: 'escalation',
      caseId: null,
      title: '【逾期督办】本次有 37 项逾期事项升级至您处：未结对 12、跟踪逾期 20、举措逾期 5',
      data: { level: 1, count: 37, byRule: { measure: 5, follow_up: 20, unpaired: 12 }, itemIds: ['i1'] },
    };
    const zhText = notificationText(summary, zh);
    expect(zhText).toEqual({
      title: '【逾期督办】本次有 37 项逾期事项升级至您处',
      detail: '未结对 12、跟踪逾期 20、举措逾期 5',
      caseId: null,
    });
    expect(`${zhText.title}：${zhText.detail}`).toBe(summary.title);
    expect(notificationText(summary, en)).toEqual({
      title: '[Escalated] 37 overdue item(s) escalated to you in this run',
      detail: 'unpaired 12, follow-up overdue 20, measure overdue 5',
      caseId: null,
    });
    const reported = { ...summary, data: { level: 2, count: 1, byRule: { needs: 1 }, itemIds: ['i2'] } };
    expect(notificationText(reported, zh).title).toBe('【逾期通报】本次有 1 项逾期事项上报至您处');
    expect(notificationText(reported, en).title).toBe(
      '[Reported] 1 overdue item(s) reported to you in this run',
    );
    expect(kindLabel('escalation', zh)).toBe('逾期督办');
    expect(kindLabel('escalation', en)).toBe('Escalation');
    expect(kindLabel('handover', zh)).toBe('移交接收');
    // level 0 is never summarised: such data shows what was stored
    expect(notificationText({ ...summary, data: { level: 0, count: 3 } }, zh).title).toBe(summary.title);
  });

  it('renders a handover notice in the reader’s language from its data, as the server titled it', () => {
    const handover: TNotification = {
      ...base,
      kind: 'handover',
      caseId: null,
      title: '【移交】贵州大学移交 2 名离校未就业毕业生',
      body: '2020 届离校未就业毕业生 2 名，请在台账中接续服务。',
      data: { batchId: 'b1', universityName: '贵州大学', cohort: 2020, count: 2, countyCode: '522427' },
    };
    expect(notificationText(handover, zh)).toEqual({
      title: handover.title,
      detail: '2020 届，请在台账中接续服务',
      caseId: null,
    });
    const english = notificationText(handover, en);
    expect(english).toEqual({
      title: '[Handover] 贵州大学 handed over 2 graduate(s) who left school without a job',
      detail: 'Cohort 2020: continue their cases in the ledger',
      caseId: null,
    });
    // a notice stored before, with an English half in its body, reads all Chinese too
    const old = { ...handover, body: '2020 届，请在台账中接续帮扶。/ 贵州大学 handed over 2 graduate(s)' };
    expect(notificationText(old, zh).detail).not.toMatch(/[a-z]/i);
    expect(kindLabel('push', zh)).toBe('岗位推荐');
  });

  it('opens a case notice on its case and an escalation summary on the overdue worklist', () => {
    expect(notificationLink(base)).toBe('/cases/c1');
    expect(notificationLink({ kind: 'escalation', caseId: null })).toBe('/cases?overdue=true');
    expect(notificationLink({ kind: 'digest', caseId: null })).toBeNull();
    expect(notificationLink({ kind: 'handover', caseId: null })).toBe('/cases?stage=handed_over');
  });

  it('shows what was stored for kinds and data it does not know', () => {
    const other = { ...base, kind: 'announcement', title: '系统维护', body: '今晚 22:00' };
    expect(notificationText(other, en)).toEqual({ title: '系统维护', detail: '今晚 22:00', caseId: 'c1' });
    expect(notificationText(overdue({ rule: 'nonsense' }), zh).title).toBe(base.title);
    expect(kindLabel('announcement', zh)).toBe('通知');
  });

  it('reads deadlines on the China calendar', () => {
    expect(chinaDay('2020-07-11T15:59:59.000Z')).toBe('2020-07-11');
    expect(chinaDay('2020-07-11T16:00:00.000Z')).toBe('2020-07-12');
  });
});

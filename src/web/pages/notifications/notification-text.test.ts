import { describe, expect, it } from 'vitest';
import type { TNotification } from '../../../domain/api/notifications.ts';
import { i18n } from '../../i18n/index.ts';
import { chinaDay, kindLabel, notificationText } from './notification-text.ts';

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

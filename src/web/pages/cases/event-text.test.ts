import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TCaseEvent } from '../../../domain/api/ledger.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { describeEvent } from './event-text.ts';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
});

const event = (kind: string, data: Record<string, unknown>): TCaseEvent => ({
  id: 1,
  kind,
  at: '2020-06-01T04:00:00.000Z',
  occurredOn: '2020-06-01',
  actorName: '王老师',
  data,
  private: false,
});

describe('describeEvent', () => {
  it('names the measure, its task and the note', () => {
    const text = describeEvent(
      t.t,
      event('measure', { item: 'special_fair', group: 'recruitment', note: '贵州大学专场' }),
    );
    expect(text).toBe('专场招聘会（专场招聘） · 贵州大学专场');
  });

  it('says how a follow-up was made and when the next one is due', () => {
    const text = describeEvent(
      t.t,
      event('follow_up', { method: 'phone', content: '已联系', nextDue: '2020-06-15', private: false }),
    );
    expect(text).toBe('电话 · 已联系 · 下次跟踪 2020-06-15');
  });

  it('shows status changes with labels and the destination with its name', () => {
    expect(describeEvent(t.t, event('status', { from: 'seeking', to: 'paused', note: '' }))).toBe(
      '求职中 → 暂缓',
    );
    const names = { destination: (code: string) => (code === '10' ? '签就业协议形式就业' : undefined) };
    expect(describeEvent(t.t, event('destination', { code: '10', employer: '某公司' }), names)).toBe(
      '10 签就业协议形式就业 · 某公司',
    );
  });

  it('keeps unknown codes and kinds readable', () => {
    expect(describeEvent(t.t, event('measure', { item: 'future_item' }))).toBe('future_item');
    expect(describeEvent(t.t, event('something_new', {}))).toBe('');
  });
});

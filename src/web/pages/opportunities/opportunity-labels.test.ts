import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-US.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { daysUntil, isPreferredRule, quotaText, ruleText, salaryText } from './opportunity-labels.ts';

const zh = i18next.createInstance();
const en = i18next.createInstance();
beforeAll(async () => {
  await zh.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  await en.init({
    lng: 'en-US',
    resources: { 'en-US': { translation: enUS } },
    interpolation: { escapeValue: false },
  });
});

describe('ruleText', () => {
  it('explains each rule in a sentence', () => {
    expect(ruleText(zh.t, { kind: 'max_age', years: 30, referenceDate: '2020-07-31' })).toBe(
      '2020-07-31 时年龄不超过 30 周岁',
    );
    expect(ruleText(zh.t, { kind: 'levels', levels: ['专科'] })).toBe('仅限专科');
    expect(ruleText(en.t, { kind: 'min_level', level: '本科' })).toBe('Bachelor or above');
    expect(ruleText(zh.t, { kind: 'teacher_certificate', preferred: true })).toBe('持有教师资格证者优先');
    expect(ruleText(zh.t, { kind: 'teacher_certificate' })).toBe('须持有教师资格证');
  });

  it('names codes when the caller knows them', () => {
    expect(
      ruleText(
        zh.t,
        { kind: 'domicile_regions', codes: ['52', '522427'] },
        {
          region: (c) => ({ '520000': '贵州省' })[c],
        },
      ),
    ).toBe('生源地：贵州省（52）、522427');
    expect(
      ruleText(
        zh.t,
        { kind: 'major_categories', codes: ['0401'] },
        { major: (c) => (c === '0401' ? '教育学类' : undefined) },
      ),
    ).toBe('专业：教育学类（0401）');
  });
});

describe('isPreferredRule', () => {
  it('counts party membership and an optional certificate as preferences only', () => {
    expect(isPreferredRule({ kind: 'party_member', preferred: true })).toBe(true);
    expect(isPreferredRule({ kind: 'teacher_certificate', preferred: true })).toBe(true);
    expect(isPreferredRule({ kind: 'teacher_certificate' })).toBe(false);
    expect(isPreferredRule({ kind: 'target_group_only' })).toBe(false);
  });
});

describe('salaryText, quotaText, daysUntil', () => {
  it('says the range, an open end or 面议', () => {
    expect(salaryText(zh.t, 3000, 5000)).toBe('3000–5000 元/月');
    expect(salaryText(zh.t, 3000, null)).toBe('3000 元/月起');
    expect(salaryText(zh.t, null, 6000)).toBe('最高 6000 元/月');
    expect(salaryText(zh.t, null, null)).toBe('面议');
  });

  it('shows places taken of the quota, 若干 when not fixed', () => {
    expect(quotaText(zh.t, 2, 10)).toBe('2 / 10');
    expect(quotaText(zh.t, 0, null)).toBe('0 / 若干');
  });

  it('counts whole days to the deadline', () => {
    expect(daysUntil('2020-07-31', '2020-07-31')).toBe(0);
    expect(daysUntil('2020-08-02', '2020-07-31')).toBe(2);
    expect(daysUntil('2020-07-30', '2020-07-31')).toBe(-1);
  });
});

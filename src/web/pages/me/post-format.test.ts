import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { deadlineLine, deadlineText, majorsText, ruleLine } from './post-format.ts';

// a stand-in for i18next that shows which message and values were chosen
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('deadlineText', () => {
  it('says 今天截止 on the last day, days left within a week, the date otherwise', () => {
    expect(deadlineText(t, '2020-07-15', '2020-07-15')).toBe('meJobs.card.lastDay');
    expect(deadlineText(t, '2020-07-22', '2020-07-15')).toBe('meJobs.card.daysLeft {"count":7}');
    expect(deadlineText(t, '2020-07-23', '2020-07-15')).toBe('meJobs.card.deadline {"date":"2020-07-23"}');
    expect(deadlineText(t, '2020-07-10', '2020-07-15')).toBe('meJobs.card.deadline {"date":"2020-07-10"}');
  });
});

describe('ruleLine', () => {
  it('words the target-group rule without naming any group', () => {
    expect(ruleLine(t, { kind: 'target_group_only' })).toBe('meJobs.detail.targetRule');
  });

  it('names major categories without the catalogue and leaves other rules to the shared wording', () => {
    expect(ruleLine(t, { kind: 'major_categories', codes: ['08'] })).toBe(
      'opportunities.ruleText.major_categories {"codes":"08 工学"}',
    );
    expect(ruleLine(t, { kind: 'max_age', years: 30, referenceDate: '2020-07-31' })).toBe(
      'opportunities.ruleText.max_age {"years":30,"date":"2020-07-31"}',
    );
  });
});

describe('majorsText', () => {
  it('names 门类 and 大类, keeps narrower codes, and says 不限 for none', () => {
    expect(majorsText(t, ['08', '0809', '61'])).toBe('08 工学、0809、61 电子信息大类');
    expect(majorsText(t, [])).toBe('opportunities.unlimited');
  });
});

describe('deadlineLine', () => {
  it('adds the days left only in the last week', () => {
    expect(deadlineLine(t, '2020-07-20', '2020-07-15')).toBe(
      '2020-07-20（meJobs.card.daysLeft {"count":5}）',
    );
    expect(deadlineLine(t, '2020-08-20', '2020-07-15')).toBe('2020-08-20');
    expect(deadlineLine(t, '2020-07-10', '2020-07-15')).toBe('2020-07-10');
  });
});

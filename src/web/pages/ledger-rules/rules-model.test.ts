import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_RULES } from '../../../domain/ledger/rules.ts';
import {
  dayBounds,
  isValidMonthDay,
  isValidRule,
  parseRules,
  RULE_SECTIONS,
  ruleChanges,
} from './rules-model.ts';

describe('ledger rules form', () => {
  it('lists every rule exactly once', () => {
    const keys = RULE_SECTIONS.flatMap((s) => s.fields);
    expect([...keys].sort()).toEqual(Object.keys(DEFAULT_LEDGER_RULES).sort());
  });

  it('takes the bounds from the shared schema', () => {
    expect(dayBounds('pairWithinDays')).toEqual({ min: 1, max: 90 });
    expect(dayBounds('escalateToUniversityDays')).toEqual({ min: 0, max: 90 });
    expect(isValidRule('followUpEveryDays', 0)).toBe(false);
    expect(isValidRule('followUpEveryDays', 14)).toBe(true);
    expect(isValidRule('needsPeriodDays', 12.5)).toBe(false);
  });

  it('accepts only leaving dates every year has', () => {
    expect(isValidMonthDay('06-30')).toBe(true);
    expect(isValidMonthDay('12-31')).toBe(true);
    for (const bad of ['6-30', '06-31', '02-30', '02-29', '13-01', '', null]) {
      expect(isValidMonthDay(bad), String(bad)).toBe(false);
    }
  });

  it('parses a whole form, or refuses it', () => {
    expect(parseRules(DEFAULT_LEDGER_RULES)).toEqual(DEFAULT_LEDGER_RULES);
    expect(parseRules({ ...DEFAULT_LEDGER_RULES, leavingMonthDay: '02-30' })).toBeNull();
    expect(parseRules({ ...DEFAULT_LEDGER_RULES, pairWithinDays: undefined })).toBeNull();
  });

  it('lists what a save would change, in form order', () => {
    const after = { ...DEFAULT_LEDGER_RULES, escalateToProvinceDays: 10, pairWithinDays: 5 };
    expect(ruleChanges(DEFAULT_LEDGER_RULES, after)).toEqual([
      { key: 'pairWithinDays', from: 7, to: 5 },
      { key: 'escalateToProvinceDays', from: 7, to: 10 },
    ]);
    expect(ruleChanges(DEFAULT_LEDGER_RULES, DEFAULT_LEDGER_RULES)).toEqual([]);
  });
});

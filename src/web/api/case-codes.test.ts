import { describe, expect, it } from 'vitest';
import { CASE_SORTS } from '../../domain/api/ledger.ts';
import { OVERDUE_RULES, SIQING_KEYS } from '../../domain/ledger/clock.ts';
import { CASE_SORT_LIST, OVERDUE_RULE_LIST, SIQING_KEY_LIST } from './case-codes.ts';

describe('ledger code lists', () => {
  it('match the domain and the API schemas', () => {
    expect(SIQING_KEY_LIST).toEqual(SIQING_KEYS);
    expect(OVERDUE_RULE_LIST).toEqual(OVERDUE_RULES);
    expect(CASE_SORT_LIST).toEqual(CASE_SORTS);
  });
});

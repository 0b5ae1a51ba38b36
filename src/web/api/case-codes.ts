/*
 * Code lists of the ledger API that live beside zod (domain/ledger/clock.ts pulls the rules schema in), copied
 * so the ledger pages do not load zod at run time. case-codes.test.ts keeps the copies equal to the originals.
 * The other ledger codes (intentions, measures, statuses …) come straight from domain/ledger/codes.ts.
 */

export const SIQING_KEY_LIST = ['profile', 'needs', 'measures', 'progress'] as const;
export type TSiqingKey = (typeof SIQING_KEY_LIST)[number];

export const OVERDUE_RULE_LIST = ['unpaired', 'follow_up', 'measure', 'needs'] as const;
export type TOverdueRuleKey = (typeof OVERDUE_RULE_LIST)[number];

export const CASE_SORT_LIST = ['urgency', 'name', 'lastContact', 'opened', 'college'] as const;
export type TCaseSort = (typeof CASE_SORT_LIST)[number];

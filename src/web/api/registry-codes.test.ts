import { describe, expect, it } from 'vitest';
import { BATCH_STATUSES, ROW_STATUSES } from '../../domain/api/imports.ts';
import { GRADUATE_SORTS } from '../../domain/api/registry.ts';
import { BATCH_STATUS_LIST, GRADUATE_SORT_LIST, ROW_STATUS_LIST } from './registry-codes.ts';

describe('registry code lists', () => {
  it('match the API schemas', () => {
    expect(BATCH_STATUS_LIST).toEqual(BATCH_STATUSES);
    expect(ROW_STATUS_LIST).toEqual(ROW_STATUSES);
    expect(GRADUATE_SORT_LIST).toEqual(GRADUATE_SORTS);
  });
});

import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../../domain/opportunities/codes.ts';
import { stepOf } from './application-status.ts';

describe('stepOf', () => {
  it('places the funnel statuses in order and leaves rejected and withdrawn off the steps', () => {
    expect(APPLICATION_STATUSES.map(stepOf)).toEqual([0, 1, 2, 3, null, null]);
  });
});

import { describe, expect, it } from 'vitest';
import { accessLabel } from './access-labels.ts';

describe('accessLabel', () => {
  it('tells an ID reveal from a phone reveal', () => {
    expect(accessLabel('graduate.reveal_id', null)).toBe('revealed_id');
    expect(accessLabel('case.reveal', { field: 'idNumber' })).toBe('revealed_id');
    expect(accessLabel('case.reveal', { field: 'phone' })).toBe('revealed_phone');
    expect(accessLabel('graduate.reveal_phone', null)).toBe('revealed_phone');
  });

  it('names the ledger edits a graduate cares about', () => {
    expect(accessLabel('case.needs', {})).toBe('needs_updated');
    expect(accessLabel('case.self_needs', {})).toBe('needs_updated');
    expect(accessLabel('case.follow_up', {})).toBe('follow_up_logged');
    expect(accessLabel('case.self_progress', {})).toBe('progress_logged');
    expect(accessLabel('case.self_account', {})).toBe('account_issued');
    expect(accessLabel('graduate.export', {})).toBe('exported');
    expect(accessLabel('case.pair', {})).toBe('paired');
  });

  it('falls back to a neutral label for actions it does not know', () => {
    expect(accessLabel('case.something_new', {})).toBe('record_changed');
  });
});

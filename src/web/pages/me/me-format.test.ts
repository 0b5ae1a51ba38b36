import { describe, expect, it } from 'vitest';
import { evidenceProblem, telHref } from './me-format.ts';

describe('telHref', () => {
  it('keeps digits and a leading plus only', () => {
    expect(telHref('0851-8888 8888')).toBe('tel:085188888888');
    expect(telHref('+86 138 1234 5678')).toBe('tel:+8613812345678');
  });
});

describe('evidenceProblem', () => {
  it('accepts PDF, JPG and PNG up to 10 MB', () => {
    expect(evidenceProblem({ name: '录用通知.PDF', size: 1000 })).toBeNull();
    expect(evidenceProblem({ name: 'a.jpeg', size: 10 * 1024 * 1024 })).toBeNull();
  });

  it('refuses other types and bigger files', () => {
    expect(evidenceProblem({ name: 'a.docx', size: 10 })).toBe('badType');
    expect(evidenceProblem({ name: 'a.png', size: 10 * 1024 * 1024 + 1 })).toBe('tooLarge');
  });
});

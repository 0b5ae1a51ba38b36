import { describe, expect, it } from 'vitest';
import { ZNewPassword } from '../../../domain/api/auth.ts';
import { GENERATED_PASSWORD_LENGTH, generatePassword } from './password-gen.ts';

describe('generatePassword', () => {
  it('always satisfies the password policy', () => {
    for (let i = 0; i < 500; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(ZNewPassword.safeParse(password).success, password).toBe(true);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).not.toMatch(/[0O1lI\s]/);
    }
  });

  it('satisfies the policy even from a degenerate random source', () => {
    const zeros = (words: Uint32Array) => words.fill(0);
    const password = generatePassword(8, zeros);
    expect(password).toHaveLength(8);
    expect(ZNewPassword.safeParse(password).success).toBe(true);
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(seen.size).toBe(200);
  });

  it('refuses lengths below the policy minimum', () => {
    expect(() => generatePassword(6)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/opportunities/credit-code.ts';
import { creditFeedback } from './credit-code-field.ts';

const VALID = makeCreditCode('520102', 123);

describe('creditFeedback', () => {
  it('is quiet while a good code is still being typed, and says where it was issued when complete', () => {
    expect(creditFeedback('', false)).toEqual({ state: 'empty' });
    expect(creditFeedback(VALID.slice(0, 10), false)).toEqual({ state: 'typing', length: 10 });
    expect(creditFeedback(VALID, false)).toEqual({ state: 'ok', regionCode: '520102' });
    // full-width characters and spaces are what people paste from documents
    expect(creditFeedback(` ${VALID.slice(0, 9)} ${VALID.slice(9)} `, false)).toMatchObject({ state: 'ok' });
  });

  it('names a wrong character at once, before the code is complete', () => {
    const fb = creditFeedback('91520I', false);
    expect(fb).toMatchObject({ state: 'error' });
    expect(fb.state === 'error' && fb.messageZh).toContain('第6位“I”无效');
  });

  it('says the length once the box is left, and the check character of a mistyped code', () => {
    expect(creditFeedback(VALID.slice(0, 10), true)).toMatchObject({ state: 'error' });
    const last = VALID[17] === '0' ? '1' : '0';
    const fb = creditFeedback(VALID.slice(0, 17) + last, false);
    expect(fb.state === 'error' && fb.messageZh).toContain('校验位（第18位）应为');
  });
});

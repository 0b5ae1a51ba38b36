import { describe, expect, it } from 'vitest';
import type { TConfig } from '../config.ts';
import { createSmsProvider } from './sms-provider.ts';

function capture() {
  const lines: string[] = [];
  return { lines, logger: { info: (_obj: object, msg: string) => void lines.push(msg) } };
}

const config = (nodeEnv: TConfig['nodeEnv']) => ({ nodeEnv, smsProvider: 'console' }) as TConfig;

describe('console SMS provider', () => {
  it('logs the message with the number masked (development)', async () => {
    const { lines, logger } = capture();
    await createSmsProvider(config('development'), logger).send('13812341234', '您的验证码是 123456');
    expect(lines).toEqual(['[SMS to 138****1234] 您的验证码是 123456']);
  });

  it('withholds the text in production, so codes never reach log files', async () => {
    const { lines, logger } = capture();
    await createSmsProvider(config('production'), logger).send('13812341234', '您的验证码是 123456');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[SMS to 138\*\*\*\*1234\] /);
    expect(lines[0]).not.toContain('123456');
  });
});

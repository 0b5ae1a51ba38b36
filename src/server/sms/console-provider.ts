import { maskPhone } from '../../domain/id-number.ts';
import type { TSmsProvider } from './sms-provider.ts';

/** The part of a pino logger the provider uses (pino itself fits). */
export type TSmsLogger = {
  info(obj: object, msg: string): void;
};

/**
 * Development provider: the message goes to the server log instead of a phone, e.g.
 * `[SMS to 138****1234] 您的验证码是 123456 …`. The number is masked; in production the text (the code) is
 * withheld, so a forgotten setting never leaks working codes into log files.
 */
export class ConsoleSmsProvider implements TSmsProvider {
  constructor(
    private readonly logger: TSmsLogger,
    private readonly options: { withholdText?: boolean } = {},
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const shown = this.options.withholdText ? '(text withheld: no SMS gateway configured)' : text;
    this.logger.info({ sms: 'console' }, `[SMS to ${maskPhone(phone)}] ${shown}`);
  }
}

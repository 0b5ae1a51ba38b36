import type { TConfig } from '../config.ts';
import { ConsoleSmsProvider, type TSmsLogger } from './console-provider.ts';

/**
 * Where text messages go. SMS-code sign-in talks only to this interface, so a gateway (Aliyun, Tencent Cloud …)
 * is one more class and one more value of SMS_PROVIDER. `send` resolves once the gateway accepted the message.
 */
export type TSmsProvider = {
  send(phone: string, text: string): Promise<void>;
};

/** The provider SMS_PROVIDER names; `console` (the development default) writes messages to the log. */
export function createSmsProvider(config: TConfig, logger: TSmsLogger): TSmsProvider {
  switch (config.smsProvider) {
    case 'console':
      return new ConsoleSmsProvider(logger, { withholdText: config.nodeEnv === 'production' });
  }
}

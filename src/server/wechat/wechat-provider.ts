import { maskPhone } from '../../domain/id-number.ts';

/**
 * Where WeChat template messages (模板消息) go. Matching pushes talk only to this interface, so the official
 * account's API (access token, openid binding, template ids) is one more class. `send` resolves once the
 * platform accepted the message and throws with its message otherwise.
 */
export type TWechatProvider = {
  send(to: TWechatRecipient, message: TWechatMessage): Promise<void>;
};

/** Who gets it: the graduate's account (an official account maps it to the bound openid) and phone. */
export type TWechatRecipient = { userId: string | null; phone: string | null };

/** A template message: which template, its fields, and the page it opens in the app. */
export type TWechatMessage = {
  template: 'post_recommendation';
  fields: Record<string, string>;
  path: string;
};

/** The part of a pino logger the provider uses (pino itself fits). */
export type TWechatLogger = { info(obj: object, msg: string): void };

/** Development provider: the message goes to the server log, the phone masked. */
export class ConsoleWechatProvider implements TWechatProvider {
  constructor(private readonly logger: TWechatLogger) {}

  async send(to: TWechatRecipient, message: TWechatMessage): Promise<void> {
    const who = to.phone ? maskPhone(to.phone) : (to.userId ?? '?');
    this.logger.info(
      { wechat: 'console' },
      `[WeChat ${message.template} to ${who}] ${JSON.stringify(message.fields)}`,
    );
  }
}

/** Test provider: keeps every message. */
export class CapturingWechatProvider implements TWechatProvider {
  readonly sent: { to: TWechatRecipient; message: TWechatMessage }[] = [];

  async send(to: TWechatRecipient, message: TWechatMessage): Promise<void> {
    this.sent.push({ to, message });
  }
}

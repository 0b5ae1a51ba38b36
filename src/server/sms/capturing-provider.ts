import type { TSmsProvider } from './sms-provider.ts';

export type TSentSms = { phone: string; text: string };

/** Test provider: keeps every message so a test can read the code a graduate would have received. */
export class CapturingSmsProvider implements TSmsProvider {
  readonly sent: TSentSms[] = [];

  async send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
  }

  /** The newest message to this number, if any. */
  lastTo(phone: string): TSentSms | undefined {
    return this.sent.findLast((m) => m.phone === phone);
  }

  /** The 6-digit code in the newest message to this number. */
  lastCodeTo(phone: string): string | undefined {
    return /\d{6}/.exec(this.lastTo(phone)?.text ?? '')?.[0];
  }
}

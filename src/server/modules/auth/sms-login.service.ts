import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type {
  TMe,
  TSmsFailureReason,
  TSmsRequestBody,
  TSmsRequestResult,
  TSmsVerifyBody,
} from '../../../domain/api/auth.ts';
import { maskPhone } from '../../../domain/id-number.ts';
import { parsePhone } from '../../../domain/registry/parse-values.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { TUserRow } from './auth.repo.ts';
import { refuseLocked, startSession } from './auth.service.ts';
import * as repo from './sms-code.repo.ts';

/*
 * SMS-code sign-in for graduates. The request step answers the same way whether or not a graduate account has
 * the number: a row (with the hash of a code nobody receives) is written for unknown numbers too, so the resend
 * and daily limits, and the verify step's refusals, behave identically and reveal nothing. Only keyed hashes of
 * the number and the code are stored.
 */

export const SMS_CODE_TTL_MS = 5 * 60_000;
export const SMS_RESEND_MS = 60_000;
export const SMS_DAILY_MAX = 10;
const DAY_MS = 24 * 60 * 60_000;
export const SMS_MAX_ATTEMPTS = 5;

const REQUEST_RESULT: TSmsRequestResult = {
  cooldownSeconds: SMS_RESEND_MS / 1000,
  expiresInSeconds: SMS_CODE_TTL_MS / 1000,
};

/** The number as the registry stores it (11 digits, no +86), or a 400. */
export function normalisePhone(raw: string): string {
  const phone = parsePhone(raw);
  if (!phone) {
    throw new AppError('validation_error', '请输入 11 位手机号码 / Enter an 11-digit mobile number', [
      { path: ['phone'], message: 'phone_invalid' },
    ]);
  }
  return phone;
}

function codeHash(deps: TDeps, phoneHash: string, code: string): string {
  return deps.crypto.keyedHash(`sms-code:${phoneHash}:${code}`);
}

export function smsText(code: string): string {
  return `您的验证码是 ${code}，${SMS_CODE_TTL_MS / 60_000} 分钟内有效，请勿告诉他人。【就业服务】`;
}

/**
 * Issue a sign-in code: at most one per number per minute and SMS_DAILY_MAX per 24 hours (429 otherwise). The
 * code is sent only when an active graduate account has the number; the answer is the same either way.
 */
export async function requestSmsCode(
  deps: TDeps,
  ctx: TCtx,
  body: TSmsRequestBody,
): Promise<TSmsRequestResult> {
  const { db } = deps.database;
  const phone = normalisePhone(body.phone);
  const phoneHash = deps.crypto.keyedHash(phone);
  const now = deps.clock.now();
  const user = await repo.findGraduateByPhoneHash(db, phoneHash);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // unknown numbers get a code too, but its hash is of a random secret, so no code can ever match it
  const hashed = codeHash(deps, phoneHash, user ? code : randomBytes(16).toString('hex'));
  const audit = {
    actorUsername: user?.username,
    orgId: user?.orgId,
    entityType: user ? 'user' : undefined,
    entityId: user?.id,
  };
  const retryAfter = await db.transaction(async (tx) => {
    await repo.lockPhone(tx, phoneHash);
    const window = await repo.codeWindow(tx, phoneHash, new Date(now.getTime() - DAY_MS));
    const resendAt = window.newest ? window.newest.getTime() + SMS_RESEND_MS : 0;
    const dayFreeAt = window.count >= SMS_DAILY_MAX && window.oldest ? window.oldest.getTime() + DAY_MS : 0;
    const blockedUntil = Math.max(resendAt, dayFreeAt);
    if (blockedUntil > now.getTime()) {
      const limit = dayFreeAt > now.getTime() ? 'daily' : 'resend';
      await recordAudit(
        tx,
        ctx,
        { ...audit, action: 'auth.sms_refused', after: { phone: maskPhone(phone), limit } },
        now,
      );
      return Math.ceil((blockedUntil - now.getTime()) / 1000);
    }
    await repo.insertCode(tx, {
      phoneHash,
      codeHash: hashed,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MS),
    });
    await recordAudit(
      tx,
      ctx,
      { ...audit, action: 'auth.sms_requested', after: { phone: maskPhone(phone), account: !!user } },
      now,
    );
    return 0;
  });
  if (retryAfter > 0) {
    throw new AppError(
      'rate_limited',
      '获取验证码过于频繁，请稍后再试 / Too many codes requested; try later',
      {
        retryAfterSeconds: retryAfter,
      },
    );
  }
  await repo.deleteStaleCodes(db, new Date(now.getTime() - DAY_MS - SMS_CODE_TTL_MS));
  // not awaited: a slow gateway must not make known numbers answer slower than unknown ones; a provider
  // reports its own delivery failures
  if (user) void deps.sms.send(phone, smsText(code)).catch(() => {});
  return REQUEST_RESULT;
}

/**
 * Check a code and open a session exactly like a password sign-in. Every attempt counts against the code
 * (SMS_MAX_ATTEMPTS burns it); expired, used and superseded codes are refused. Successes and failures are
 * audited.
 */
export async function verifySmsCode(
  deps: TDeps,
  ctx: TCtx,
  body: TSmsVerifyBody,
): Promise<{ token: string; me: TMe }> {
  const { db } = deps.database;
  const phone = normalisePhone(body.phone);
  const phoneHash = deps.crypto.keyedHash(phone);
  const now = deps.clock.now();
  const user = await repo.findGraduateByPhoneHash(db, phoneHash);
  const row = await repo.findLatestCode(db, phoneHash);
  const fail = (reason: TSmsFailureReason, attemptsLeft?: number) =>
    refuse(deps, ctx, { phone, user, reason, attemptsLeft });
  if (!row) return fail('no_code');
  if (row.usedAt) return fail('used');
  if (row.expiresAt <= now) return fail('expired');
  const attempts = await repo.takeAttempt(db, row.id, SMS_MAX_ATTEMPTS);
  if (attempts === null) return fail(row.attempts >= SMS_MAX_ATTEMPTS ? 'too_many_attempts' : 'used');
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = Buffer.from(codeHash(deps, phoneHash, body.code), 'hex');
  if (!user || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return fail('wrong_code', SMS_MAX_ATTEMPTS - attempts);
  }
  if (user.lockedUntil && user.lockedUntil > now) await refuseLocked(deps, ctx, user, 'sms');
  return startSession(deps, ctx, user, {
    after: { method: 'sms' },
    inTransaction: async (tx) => {
      if (!(await repo.markUsed(tx, row.id, now))) {
        throw new AppError('invalid_credentials', '验证码已失效，请重新获取 / The code is no longer valid', {
          reason: 'used',
        });
      }
    },
  });
}

/** Audit a refused code and throw the 401 the page shows. */
async function refuse(
  deps: TDeps,
  ctx: TCtx,
  f: { phone: string; user: TUserRow | undefined; reason: TSmsFailureReason; attemptsLeft?: number },
): Promise<never> {
  const now = deps.clock.now();
  await deps.database.db.transaction((tx) =>
    recordAudit(
      tx,
      ctx,
      {
        action: 'auth.sms_login_failed',
        actorUsername: f.user?.username,
        orgId: f.user?.orgId,
        entityType: f.user ? 'user' : undefined,
        entityId: f.user?.id,
        after: { phone: maskPhone(f.phone), reason: f.reason },
      },
      now,
    ),
  );
  const message =
    f.reason === 'wrong_code'
      ? '验证码不正确 / Wrong code'
      : '验证码已失效，请重新获取 / The code is no longer valid; request a new one';
  throw new AppError('invalid_credentials', message, {
    reason: f.reason,
    ...(f.attemptsLeft === undefined ? {} : { attemptsLeft: f.attemptsLeft }),
  });
}

import { randomBytes, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TSelfAccountResult } from '../../../domain/api/portal.ts';
import { parsePhone } from '../../../domain/registry/parse-values.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { graduate } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as authRepo from '../auth/auth.repo.ts';
import { hashPassword } from '../auth/password.ts';
import { lockCaseForWrite } from '../ledger/case-access.ts';

/*
 * Staff activate a graduate's self-service account from the case file: a `graduate` account in the graduate's
 * university, linked through graduate.user_id, with a one-time password (changed at first sign-in) and the
 * keyed hash of their mobile for SMS-code sign-in. Asking again re-issues the password of the same account.
 */

// no look-alikes (0/O, 1/l/I): the password is read out or copied from a note onto a phone
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** 10 characters with at least one letter and one digit, so it passes the password policy. */
export function oneTimePassword(length = 10): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS[randomInt(LETTERS.length)]!, DIGITS[randomInt(DIGITS.length)]!];
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** `g` + the student number when it makes a valid, free username; otherwise `g` + a short random id. */
async function pickUsername(tx: TDbOrTx, studentNo: string | null): Promise<string> {
  const fromNo = studentNo ? `g${studentNo.trim().toLowerCase()}` : '';
  if (/^[a-z0-9_.-]{3,64}$/.test(fromNo) && !(await authRepo.findUserByUsername(tx, fromNo))) return fromNo;
  for (;;) {
    const candidate = `g${randomBytes(4).toString('hex')}`;
    if (!(await authRepo.findUserByUsername(tx, candidate))) return candidate;
  }
}

/**
 * Create (or re-issue the password of) the graduate's own account for a case the user may change. Audited on the
 * case and on the account; the password is returned once and stored only as a hash.
 */
export async function issueSelfAccount(deps: TDeps, ctx: TCtx, caseId: string): Promise<TSelfAccountResult> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const ref = await lockCaseForWrite(tx, ctx, caseId);
    const [g] = await tx
      .select({
        id: graduate.id,
        name: graduate.name,
        studentNo: graduate.studentNo,
        universityId: graduate.universityId,
        phoneEncrypted: graduate.phoneEncrypted,
        userId: graduate.userId,
      })
      .from(graduate)
      .where(eq(graduate.id, ref.graduateId));
    if (!g) throw new AppError('not_found', 'Graduate not found');
    const phone = g.phoneEncrypted ? parsePhone(deps.crypto.decrypt(g.phoneEncrypted)) : null;
    const phoneHash = phone ? deps.crypto.keyedHash(phone) : null;
    const existing = g.userId ? await authRepo.findUserById(tx, g.userId) : undefined;
    if (existing && !(existing.roles as string[]).includes('graduate')) {
      throw new AppError(
        'conflict',
        '该毕业生已关联一个工作人员账户，请联系系统管理员 / This graduate is linked to a staff account; ask a system administrator',
      );
    }
    const user =
      existing ??
      (await authRepo.insertUser(tx, {
        username: await pickUsername(tx, g.studentNo),
        displayName: g.name,
        passwordHash,
        orgId: g.universityId,
        roles: ['graduate'],
        mustChangePassword: true,
        phoneHash,
      }));
    if (existing) {
      await authRepo.updateUser(tx, existing.id, {
        passwordHash,
        mustChangePassword: true,
        active: true,
        failedLogins: 0,
        lockedUntil: null,
        phoneHash,
      });
      await authRepo.deleteUserSessions(tx, existing.id);
    } else {
      await tx.update(graduate).set({ userId: user.id }).where(eq(graduate.id, g.id));
    }
    const result = { username: user.username, hasPhone: !!phoneHash, reissued: !!existing };
    await recordAudit(
      tx,
      ctx,
      {
        action: existing ? 'user.reset_password' : 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, roles: ['graduate'], selfService: true },
      },
      now,
    );
    await recordAudit(
      tx,
      ctx,
      { action: 'case.self_account', entityType: 'ledger_case', entityId: ref.id, after: result },
      now,
    );
    return { ...result, password };
  });
}

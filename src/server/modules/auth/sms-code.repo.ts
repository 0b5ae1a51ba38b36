import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/query.ts';
import { appUser, smsCode } from '../../db/schema/index.ts';
import type { TUserRow } from './auth.repo.ts';

/**
 * The account an SMS code signs in: an active graduate whose mobile's keyed hash matches. Should one number
 * ever sit on two accounts (the same person in two cohorts), the most recently used one wins.
 */
export async function findGraduateByPhoneHash(db: TDbOrTx, phoneHash: string): Promise<TUserRow | undefined> {
  const [row] = await db
    .select()
    .from(appUser)
    .where(
      and(
        eq(appUser.phoneHash, phoneHash),
        eq(appUser.active, true),
        sql`'graduate' = any(${appUser.roles})`,
      ),
    )
    .orderBy(sql`${appUser.lastLoginAt} desc nulls last`, desc(appUser.createdAt))
    .limit(1);
  return row;
}

/** Serialise requests for one number until the transaction ends (works on PGlite and PostgreSQL). */
export async function lockPhone(tx: TDbOrTx, phoneHash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${phoneHash}`}))`);
}

/** Codes issued to the number since `since` and the newest one's time, for the resend and daily limits. */
export async function codeWindow(db: TDbOrTx, phoneHash: string, since: Date) {
  const [row] = await queryRows<{
    n: number | string;
    oldest: string | Date | null;
    newest: string | Date | null;
  }>(
    db,
    sql`select count(*)::int as n, min(created_at) as oldest, max(created_at) as newest from sms_code
      where phone_hash = ${phoneHash} and created_at > ${since.toISOString()}::timestamptz`,
  );
  const toDate = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
  return { count: Number(row?.n ?? 0), oldest: toDate(row?.oldest), newest: toDate(row?.newest) };
}

export async function insertCode(db: TDbOrTx, values: typeof smsCode.$inferInsert): Promise<void> {
  await db.insert(smsCode).values(values);
}

/** The newest code of the number: requesting a new code retires the older ones. */
export async function findLatestCode(db: TDbOrTx, phoneHash: string) {
  const [row] = await db
    .select()
    .from(smsCode)
    .where(eq(smsCode.phoneHash, phoneHash))
    .orderBy(desc(smsCode.createdAt), desc(smsCode.id))
    .limit(1);
  return row;
}

/**
 * Count one attempt before the code is compared, atomically, so parallel guesses cannot exceed the limit.
 * Returns the attempts now used, or null when the code was already used up (used, or out of attempts).
 */
export async function takeAttempt(db: TDbOrTx, id: string, maxAttempts: number): Promise<number | null> {
  const [row] = await db
    .update(smsCode)
    .set({ attempts: sql`${smsCode.attempts} + 1` })
    .where(and(eq(smsCode.id, id), isNull(smsCode.usedAt), lt(smsCode.attempts, maxAttempts)))
    .returning({ attempts: smsCode.attempts });
  return row?.attempts ?? null;
}

/** Mark the code used; false if another request used it first. */
export async function markUsed(db: TDbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(smsCode)
    .set({ usedAt: now })
    .where(and(eq(smsCode.id, id), isNull(smsCode.usedAt)))
    .returning({ id: smsCode.id });
  return rows.length > 0;
}

/** Codes expired for a day are of no use to anyone; keep the table small. */
export async function deleteStaleCodes(db: TDbOrTx, before: Date): Promise<void> {
  await db.delete(smsCode).where(lt(smsCode.expiresAt, before));
}

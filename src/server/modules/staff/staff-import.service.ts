import { inArray } from 'drizzle-orm';
import { manageableRoles } from '../../../domain/accounts/account-scope.ts';
import { generatePassword } from '../../../domain/accounts/password-gen.ts';
import {
  NOT_IMPORTED,
  type TStaffOrg,
  type TStaffRow,
  validateStaffRows,
} from '../../../domain/accounts/staff-import.ts';
import type { TStaffImportResult } from '../../../domain/api/staff.ts';
import type { TCtx, TDeps } from '../../context.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { appUser } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findAccountOrgsByCodes, grantsOfActor } from '../auth/account-scope.repo.ts';
import * as authRepo from '../auth/auth.repo.ts';
import { hashPassword } from '../auth/password.ts';
import * as classRepo from './class-assign.repo.ts';
import { applyClassChanges, type TClassChange } from './class-assign.service.ts';
import { columnName, type TStaffFile } from './staff-file.ts';

/**
 * Judge a staff file against the importer's account scope: every org code, role, college and username is looked
 * up once for the whole file. Returns the valid rows, or every error with its row, column and expectation.
 */
export async function checkStaffFile(deps: TDeps, ctx: TCtx, file: TStaffFile) {
  if (!ctx.user) throw new AppError('unauthenticated', '请先登录 / Sign in first');
  const db = deps.database.db;
  const grants = grantsOfActor(ctx.user);
  const codes = [...new Set(file.rows.map((r) => (r.values.orgCode ?? '').trim()).filter(Boolean))];
  const orgRows = await findAccountOrgsByCodes(db, codes);
  const universities = [...new Set(orgRows.map((o) => o.universityId).filter((u): u is string => !!u))];
  const colleges = new Map<string, Map<string, string>>();
  for (const u of universities) {
    const m = new Map<string, string>();
    for (const c of await classRepo.listColleges(db, u)) {
      m.set(c.name, c.id);
      m.set(c.code, c.id);
    }
    colleges.set(u, m);
  }
  const orgs = new Map<string, TStaffOrg | null>();
  for (const o of orgRows) {
    const roles = manageableRoles(grants, o).filter((r) => !NOT_IMPORTED.includes(r));
    // an org outside the scope reads as unknown: the importer learns nothing about orgs they do not manage
    if (!o.active || roles.length === 0) continue;
    orgs.set(o.code, {
      id: o.id,
      code: o.code,
      kind: o.kind,
      manageableRoles: roles,
      collegeId: o.kind === 'college' ? o.id : null,
      colleges: (o.universityId && colleges.get(o.universityId)) || new Map(),
    });
  }
  const usernames = [
    ...new Set(file.rows.map((r) => (r.values.username ?? '').trim().toLowerCase()).filter(Boolean)),
  ];
  const taken = usernames.length
    ? (
        await db.select({ u: appUser.username }).from(appUser).where(inArray(appUser.username, usernames))
      ).map((r) => r.u)
    : [];
  const judged = validateStaffRows(file.rows, { orgs, takenUsernames: new Set(taken) });
  return {
    rows: judged.rows,
    errors: judged.errors.map((e) => ({ ...e, column: columnName(file, e.field) })),
  };
}

/**
 * Import staff accounts from a file: all or nothing. With any bad row nothing is written and every error comes
 * back; otherwise every account is created with a temporary password it must change at first sign-in, counselors
 * get their classes (recorded on the cases' timelines), each account is audited, all in one transaction.
 */
export async function importStaff(
  deps: TDeps,
  ctx: TCtx,
  file: TStaffFile,
  fileName: string,
): Promise<TStaffImportResult> {
  const { rows, errors } = await checkStaffFile(deps, ctx, file);
  if (errors.length) return { ok: false, rows: file.rows.length, errors, created: [], classesAssigned: 0 };
  const passwords = rows.map(() => generatePassword(12));
  const hashes: string[] = [];
  for (const p of passwords) hashes.push(await hashPassword(p));
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const created: TStaffImportResult['created'] = [];
    const counselors: { row: TStaffRow; userId: string }[] = [];
    for (const [i, row] of rows.entries()) {
      const user = await authRepo.insertUser(tx, {
        username: row.username,
        displayName: row.displayName,
        passwordHash: hashes[i]!,
        orgId: row.orgId,
        roles: row.roles,
        contactPhone: row.phone,
        mustChangePassword: true,
      });
      await recordAudit(
        tx,
        ctx,
        {
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: {
            username: row.username,
            displayName: row.displayName,
            orgCode: row.orgCode,
            roles: row.roles,
            ...(row.classes.length ? { classes: row.classes } : {}),
            source: 'import',
          },
        },
        now,
      );
      if (row.collegeId && row.classes.length) counselors.push({ row, userId: user.id });
      created.push({
        rowNo: row.rowNo,
        id: user.id,
        username: row.username,
        displayName: row.displayName,
        orgCode: row.orgCode,
        roles: row.roles,
        classes: row.classes,
        temporaryPassword: passwords[i]!,
      });
    }
    const assigned = await assignImportedCounselors(deps, tx, ctx, counselors);
    await recordAudit(
      tx,
      ctx,
      {
        action: 'user.import',
        entityType: 'user',
        after: { fileName, accounts: created.length, classes: assigned.classes },
      },
      now,
    );
    return { ok: true, rows: file.rows.length, errors: [], created, classesAssigned: assigned.classes };
  });
}

/** Add each imported counselor to their classes beside whoever keeps them already. */
async function assignImportedCounselors(
  deps: TDeps,
  tx: TDbOrTx,
  ctx: TCtx,
  counselors: { row: TStaffRow; userId: string }[],
) {
  const changes = new Map<string, TClassChange>();
  const collegeNames = new Map<string, string>();
  for (const { row, userId } of counselors) {
    const collegeId = row.collegeId!;
    if (!collegeNames.has(collegeId)) {
      const [c] = await tx.query.orgUnit.findMany({ where: (t, { eq }) => eq(t.id, collegeId), limit: 1 });
      collegeNames.set(collegeId, c?.name ?? '');
    }
    for (const className of row.classes) {
      const k = `${collegeId}\u0000${className}`;
      let ch = changes.get(k);
      if (!ch) {
        const key = { collegeId, className };
        await classRepo.lockClass(tx, key);
        const before = (await classRepo.listClassCounselors(tx, classRepo.classWhere(key))).map((p) => ({
          userId: p.userId,
          name: p.name,
        }));
        ch = { ...key, collegeName: collegeNames.get(collegeId)!, before, after: [...before] };
        changes.set(k, ch);
      }
      ch.after.push({ userId, name: row.displayName });
    }
  }
  return applyClassChanges(deps, tx, ctx, [...changes.values()]);
}

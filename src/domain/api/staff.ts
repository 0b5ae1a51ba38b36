import { z } from 'zod';
import { STAFF_FIELDS } from '../accounts/staff-import.ts';
import { ROLES } from '../roles.ts';
import { zLine, zMultiline } from './primitives.ts';

/** Staff-account import and counselor ↔ class assignments (issue 22). */

const ZBilingual = z.object({ zh: z.string(), en: z.string() });

export const ZStaffCellError = z.object({
  rowNo: z.number().int(),
  field: z.enum(STAFF_FIELDS),
  /** the column's header as it is in the file (A, B … when the header is missing) */
  column: z.string(),
  message: ZBilingual,
});
export type TStaffCellError = z.infer<typeof ZStaffCellError>;

export const ZStaffImportCreated = z.object({
  rowNo: z.number().int(),
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  roles: z.array(z.enum(ROLES)),
  classes: z.array(z.string()),
  /** shown once: the user must change it at first sign-in */
  temporaryPassword: z.string(),
});

/** A file with any bad row writes nothing: `errors` lists them all and `created` is empty. */
export const ZStaffImportResult = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  errors: z.array(ZStaffCellError),
  created: z.array(ZStaffImportCreated),
  classesAssigned: z.number().int(),
});
export type TStaffImportResult = z.infer<typeof ZStaffImportResult>;

const ZPerson = z.object({ userId: z.string(), name: z.string(), active: z.boolean() });

export const ZClassItem = z.object({
  collegeId: z.string(),
  collegeName: z.string(),
  className: z.string(),
  graduates: z.number().int(),
  targets: z.number().int(),
  cases: z.number().int(),
  counselors: z.array(ZPerson),
  /** no active counselor keeps the class */
  unassigned: z.boolean(),
});

export const ZClassList = z.object({
  classes: z.array(ZClassItem),
  counselors: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      username: z.string(),
      active: z.boolean(),
      orgName: z.string(),
    }),
  ),
  colleges: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  unassigned: z.object({ classes: z.number().int(), targets: z.number().int() }),
});
export type TClassList = z.infer<typeof ZClassList>;

export const ZClassListQuery = z.object({ cohort: z.coerce.number().int().min(2000).max(2100).optional() });

const zReason = zMultiline().max(200).optional();

export const ZClassAssignBody = z.object({
  collegeId: z.uuid(),
  className: zLine().min(1).max(100),
  /** the class's counselors after the change (empty: nobody) */
  counselorUserIds: z.array(z.uuid()).max(20),
  reason: zReason,
});
export type TClassAssignBody = z.infer<typeof ZClassAssignBody>;

export const ZMoveCaseloadBody = z.object({ fromUserId: z.uuid(), toUserId: z.uuid(), reason: zReason });
export type TMoveCaseloadBody = z.infer<typeof ZMoveCaseloadBody>;

/** classes changed, and the cases whose timeline recorded it */
export const ZClassAssignResult = z.object({ classes: z.number().int(), cases: z.number().int() });
export type TClassAssignResult = z.infer<typeof ZClassAssignResult>;

/** An org the signed-in user manages accounts in, with the roles they may give there. */
export const ZManageableOrg = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  roles: z.array(z.enum(ROLES)),
});

import { z } from 'zod';
import { ORG_KINDS } from '../orgs.ts';
import { PERMISSIONS, ROLES } from '../roles.ts';
import { zLine, zRawLine } from './primitives.ts';

export const ZLoginBody = z.object({
  username: zLine().min(1).max(64),
  password: zRawLine().min(1).max(256),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

/** Password policy: at least 8 characters with a letter and a digit. */
export const ZNewPassword = zRawLine()
  .min(8, { message: 'password_too_short' })
  .max(256)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'password_needs_letter_and_digit' });

export const ZChangePasswordBody = z.object({
  currentPassword: zRawLine().min(1).max(256),
  newPassword: ZNewPassword,
});
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  org: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    regionCode: z.string().nullable(),
  }),
  mustChangePassword: z.boolean(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZCreateUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,64}$/, { message: 'username_format' }),
  displayName: zLine().min(1).max(100),
  orgCode: zLine().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  password: ZNewPassword,
});
export type TCreateUserBody = z.infer<typeof ZCreateUserBody>;

export const USER_SORTS = [
  'username',
  '-username',
  'lastLoginAt',
  '-lastLoginAt',
  'createdAt',
  '-createdAt',
] as const;
export type TUserSort = (typeof USER_SORTS)[number];

export const ZUserListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** matches username, display name or org name */
  q: zLine().max(64).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'inactive', 'locked']).optional(),
  /** column, `-` prefix for descending */
  sort: z.enum(USER_SORTS).default('username'),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZUserListItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  org: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(ORG_KINDS) }),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TUserListItem = z.infer<typeof ZUserListItem>;

export const ZUpdateUserBody = z
  .object({
    displayName: zLine().min(1).max(100).optional(),
    roles: z.array(z.enum(ROLES)).min(1).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing_to_update' });
export type TUpdateUserBody = z.infer<typeof ZUpdateUserBody>;

export const ZResetPasswordBody = z.object({ password: ZNewPassword });

// ——— SMS-code sign-in (graduates) ———

/** A mainland mobile number as typed (spaces, dashes, +86 allowed); the server normalises it. */
const ZPhoneInput = zLine().min(1).max(30);

export const ZSmsRequestBody = z.object({ phone: ZPhoneInput });
export type TSmsRequestBody = z.infer<typeof ZSmsRequestBody>;

/** The same answer whether or not an account has this number (no account enumeration). */
export const ZSmsRequestResult = z.object({
  /** seconds before another code may be requested */
  cooldownSeconds: z.number().int(),
  /** seconds a code stays valid */
  expiresInSeconds: z.number().int(),
});
export type TSmsRequestResult = z.infer<typeof ZSmsRequestResult>;

export const ZSmsVerifyBody = z.object({
  phone: ZPhoneInput,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'sms_code_format' }),
});
export type TSmsVerifyBody = z.infer<typeof ZSmsVerifyBody>;

/** Why a code was refused (`details.reason` of the 401), so the page can say what to do next. */
export const SMS_FAILURE_REASONS = ['no_code', 'expired', 'used', 'too_many_attempts', 'wrong_code'] as const;
export type TSmsFailureReason = (typeof SMS_FAILURE_REASONS)[number];

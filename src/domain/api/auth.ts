import { z } from 'zod';
import { ORG_KINDS } from '../orgs.ts';
import { PERMISSIONS, ROLES } from '../roles.ts';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

/** Password policy: at least 8 characters with a letter and a digit. */
export const ZNewPassword = z
  .string()
  .min(8, { message: 'password_too_short' })
  .max(256)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'password_needs_letter_and_digit' });

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
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
  displayName: z.string().trim().min(1).max(100),
  orgCode: z.string().trim().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  password: ZNewPassword,
});
export type TCreateUserBody = z.infer<typeof ZCreateUserBody>;

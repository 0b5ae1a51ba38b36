import { z } from 'zod';
import { INDUSTRIES } from '../ledger/codes.ts';
import { EMPLOYER_SIZES, EMPLOYER_STATUSES, EMPLOYER_TAGS } from '../opportunities/codes.ts';
import { ZNewPassword } from './auth.ts';
import { ZPageQuery } from './common.ts';
import { zLine, zMultiline, zRawLine } from './primitives.ts';

/*
 * Employers: public self-registration, review by HRSS and university admins, the employer's own profile.
 * Re-exported by api/opportunities.ts.
 */

const regionCode = z.string().regex(/^\d{6}$/, '6-digit region code');

const ZEmployerFields = z.object({
  /** 统一社会信用代码: checked with the GB 32100 check character; the answer names what is wrong */
  creditCode: zLine().min(1).max(40),
  name: zLine().min(2).max(100),
  regionCode,
  /** GB/T 4754 section A–T */
  industry: z.enum(INDUSTRIES),
  /** 单位性质代码 (reference/employer-nature-codes.csv) */
  natureCode: z.string().regex(/^\d{2}$/),
  size: z.enum(EMPLOYER_SIZES),
  /** what the employer declares; the reviewer confirms or corrects them */
  tags: z.array(z.enum(EMPLOYER_TAGS)).max(4).default([]),
  contactName: zLine().min(1).max(50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'mobile or landline number'),
});

/** Public self-registration: a pending employer org, its profile and its first account. */
export const ZEmployerRegistrationBody = ZEmployerFields.extend({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,64}$/, { message: 'username_format' }),
  displayName: zLine().min(1).max(100),
  password: ZNewPassword,
});
export type TEmployerRegistrationBody = z.infer<typeof ZEmployerRegistrationBody>;

export const ZEmployerRegistrationResult = z.object({
  orgId: z.string(),
  username: z.string(),
  status: z.enum(EMPLOYER_STATUSES),
});

export const ZEmployer = z.object({
  orgId: z.string(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  industry: z.enum(INDUSTRIES),
  natureCode: z.string(),
  size: z.enum(EMPLOYER_SIZES),
  tags: z.array(z.enum(EMPLOYER_TAGS)),
  contactName: z.string(),
  contactPhone: z.string(),
  status: z.enum(EMPLOYER_STATUSES),
  reviewNote: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  /** open posts of this employer */
  openPosts: z.number().int(),
});
export type TEmployer = z.infer<typeof ZEmployer>;

/**
 * What an employer may change about itself from its portal. The credit code and the legal name are its identity
 * (they were checked at review) and tags are the reviewer's word, so neither is here.
 */
export const EMPLOYER_EDITABLE_FIELDS = [
  'regionCode',
  'industry',
  'natureCode',
  'size',
  'contactName',
  'contactPhone',
] as const;

/**
 * The signed-in employer's own registration (null when its org was set up without one). `revision` stands for
 * the editable fields as they are now; an edit sends it back and is refused if someone changed them meanwhile.
 */
export const ZOwnEmployer = z.object({
  employer: ZEmployer.extend({ revision: z.string() }).nullable(),
});
export type TOwnEmployer = NonNullable<z.infer<typeof ZOwnEmployer>['employer']>;

/**
 * An edit of my own profile. The credit code and name may be sent back as shown (a form echoes them) but an
 * attempt to change them is refused with the reason; unknown keys such as `tags` are dropped.
 */
export const ZEmployerProfileBody = ZEmployerFields.pick({
  regionCode: true,
  industry: true,
  natureCode: true,
  size: true,
  contactName: true,
  contactPhone: true,
}).extend({
  creditCode: zLine().max(40).optional(),
  name: zLine().max(100).optional(),
  revision: zRawLine().min(1).max(64),
});
export type TEmployerProfileBody = z.infer<typeof ZEmployerProfileBody>;

export const EMPLOYER_SORTS = ['created', 'name', 'region'] as const;
export const ZEmployerListQuery = ZPageQuery.extend({
  status: z.enum(EMPLOYER_STATUSES).optional(),
  /** region code; matches employers in it (a province matches its cities and counties) */
  region: regionCode.optional(),
  tag: z.enum(EMPLOYER_TAGS).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  /** name or credit code contains */
  q: zLine().max(50).optional(),
  sort: z.enum(EMPLOYER_SORTS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TEmployerListQuery = z.infer<typeof ZEmployerListQuery>;

/** Approve or reject (a reason is required to reject); tags as the reviewer confirms them. */
export const ZEmployerReviewBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: zMultiline().max(500).default(''),
  tags: z.array(z.enum(EMPLOYER_TAGS)).max(4).optional(),
});
export type TEmployerReviewBody = z.infer<typeof ZEmployerReviewBody>;

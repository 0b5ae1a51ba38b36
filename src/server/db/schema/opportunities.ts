import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TEligibilityRule } from '../../../domain/opportunities/types.ts';
import { appUser } from './auth.ts';
import { ledgerCase } from './ledger.ts';
import { orgUnit } from './orgs.ts';
import { graduate } from './registry.ts';

/**
 * What an employer org registered with (统一社会信用代码, region, industry, nature, size, tags) and where its
 * review stands. One row per org of kind `employer`; the org row carries the name and the region.
 */
export const employerProfile = pgTable(
  'employer_profile',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => orgUnit.id, { onDelete: 'cascade' }),
    creditCode: text('credit_code').notNull().unique(),
    regionCode: text('region_code').notNull(),
    /** GB/T 4754 section A–T */
    industry: text('industry').notNull(),
    /** 单位性质代码 */
    natureCode: text('nature_code').notNull(),
    size: text('size').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    status: text('status').notNull().default('pending'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('employer_profile_status_idx').on(t.status, t.createdAt),
    index('employer_profile_region_idx').on(t.regionCode),
  ],
);

/**
 * A post of any kind (market job, 特岗, 村官 … 专升本, training, internship). Owned by an org: an employer, or a
 * department for policy posts; staff may name the approved employer a post is for. `applicantCount` and
 * `quotaUsed` are kept by the application service under the post's row lock, so quota checks never race and
 * matching reads "places left" from the row.
 */
export const opportunity = pgTable(
  'opportunity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => orgUnit.id),
    employerOrgId: uuid('employer_org_id').references(() => orgUnit.id),
    /** where the work is; a province or city code covers everything in it */
    regionCodes: text('region_codes').array().notNull(),
    /** majors accepted as code prefixes; empty = 不限 */
    majorPrefixes: text('major_prefixes').array().notNull().default(sql`'{}'::text[]`),
    minLevel: text('min_level'),
    eligibilityRules: jsonb('eligibility_rules').$type<TEligibilityRule[]>().notNull().default([]),
    /** places; null = not fixed (若干) */
    quota: integer('quota'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    salaryMin: integer('salary_min'),
    salaryMax: integer('salary_max'),
    description: text('description').notNull().default(''),
    targetPriority: boolean('target_priority').notNull().default(false),
    industry: text('industry'),
    postKind: text('post_kind'),
    status: text('status').notNull().default('draft'),
    cohort: integer('cohort'),
    /** province of the (first) post region */
    provinceCode: text('province_code').notNull(),
    applicantCount: integer('applicant_count').notNull().default(0),
    quotaUsed: integer('quota_used').notNull().default(0),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /**
     * when the post was first opened (a draft may wait weeks): matching's freshness counts from here. Null for
     * drafts never opened; readers fall back to createdAt for posts inserted open (seeds, imports).
     */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // open-post listing and matching: open posts by deadline
    index('opportunity_status_deadline_idx').on(t.status, t.deadline),
    // the 52-county zone
    index('opportunity_zone_idx').on(t.deadline).where(sql`status = 'open' and target_priority`),
    index('opportunity_owner_idx').on(t.ownerOrgId, t.createdAt),
    index('opportunity_employer_idx').on(t.employerOrgId),
    // the 专升本 report counts a province's posts of one cohort
    index('opportunity_kind_idx').on(t.kind, t.provinceCode, t.cohort),
  ],
);

/**
 * A graduate's application to a post: one per graduate and post. `employerOrgId` repeats the post's employer
 * so the scope function's employer clause ("graduates who applied to my posts") reads one table;
 * `provinceCode` is the graduate's domicile province (the distribution column, scaling.md). Status changes
 * are also case events and audit records.
 */
export const application = pgTable(
  'application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunity.id),
    graduateId: uuid('graduate_id')
      .notNull()
      .references(() => graduate.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => ledgerCase.id, { onDelete: 'set null' }),
    employerOrgId: uuid('employer_org_id').references(() => orgUnit.id),
    provinceCode: text('province_code'),
    status: text('status').notNull().default('applied'),
    source: text('source').notNull().default('self'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('application_post_graduate_uq').on(t.opportunityId, t.graduateId),
    index('application_post_status_idx').on(t.opportunityId, t.status),
    index('application_graduate_idx').on(t.graduateId),
    index('application_employer_idx').on(t.employerOrgId),
  ],
);

/** 专升本专项计划: the ratio of a province's 高职 target graduates of a cohort that the plan admits. */
export const zsbPlan = pgTable(
  'zsb_plan',
  {
    provinceCode: text('province_code').notNull(),
    cohort: integer('cohort').notNull(),
    /** basis points: 1000 = 10 % */
    ratioBp: integer('ratio_bp').notNull(),
    setBy: uuid('set_by').references(() => appUser.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.cohort] })],
);

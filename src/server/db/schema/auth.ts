import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnit } from './orgs.ts';

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgUnit.id),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** staff: a work phone shown to paired graduates as the helper's contact */
    contactPhone: text('contact_phone'),
    /** graduates: keyed hash of the mobile number, for SMS-code sign-in */
    phoneHash: text('phone_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('app_user_org_idx').on(t.orgId), index('app_user_phone_idx').on(t.phoneHash)],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const userSession = pgTable(
  'user_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_session_user_idx').on(t.userId)],
);

/** Which graduating classes a counselor keeps (college + class name). */
export const counselorClass = pgTable(
  'counselor_class',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    collegeId: uuid('college_id')
      .notNull()
      .references(() => orgUnit.id),
    className: text('class_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.collegeId, t.className] }),
    // a class's counselors (the case page, escalation recipients)
    index('counselor_class_class_idx').on(t.collegeId, t.className),
  ],
);

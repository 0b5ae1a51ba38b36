import type { TBilingual } from '../registry/fields.ts';
import { ROLES, type TRole } from '../roles.ts';

/**
 * The staff-account import (issue 22): columns, role names and the row rules that need no database. The server
 * gives `validateStaffRows` what it looked up (orgs in the importer's scope, their colleges, taken usernames),
 * so the whole file is judged at once and nothing is written when any row is wrong.
 */

export const STAFF_FIELDS = [
  'username',
  'displayName',
  'phone',
  'orgCode',
  'roles',
  'college',
  'classes',
] as const;
export type TStaffField = (typeof STAFF_FIELDS)[number];

export type TStaffColumn = { key: TStaffField; required: boolean; label: TBilingual; expected: TBilingual };

const c = (key: TStaffField, required: boolean, zh: string, en: string, ez: string, ee: string) => ({
  key,
  required,
  label: { zh, en },
  expected: { zh: ez, en: ee },
});

/** Order of the template's columns. */
export const STAFF_COLUMNS: readonly TStaffColumn[] = [
  c(
    'username',
    true,
    '用户名',
    'Username',
    '小写字母、数字及 _ . -，3–64 个字符',
    'a-z, 0-9, _ . -, 3–64 characters',
  ),
  c('displayName', true, '姓名', 'Name', '1–100 个字符', '1–100 characters'),
  c(
    'phone',
    false,
    '手机号',
    'Phone',
    '11位手机号或带区号的固定电话',
    '11-digit mobile or landline with area code',
  ),
  c(
    'orgCode',
    true,
    '机构代码',
    'Org code',
    '您可管理的机构代码（见下拉列表）',
    'code of an org you manage (see the list)',
  ),
  c(
    'roles',
    true,
    '角色',
    'Roles',
    '辅导员、帮扶责任人、高校就业管理员等，多个用“、”分隔',
    'e.g. 辅导员 (counselor); several separated by 、',
  ),
  c(
    'college',
    false,
    '院系',
    'College',
    '辅导员必填：本校院系名称或代码',
    'counselors: a college of the university',
  ),
  c(
    'classes',
    false,
    '班级',
    'Classes',
    '辅导员必填：班级名称，多个用“、”分隔',
    'counselors: class names, separated by 、',
  ),
];

/** Chinese role names as the web app shows them, plus the names people write; the English codes work too. */
export const ROLE_NAMES_ZH: Record<TRole, readonly string[]> = {
  counselor: ['辅导员'],
  helper: ['帮扶责任人', '帮扶人'],
  university_admin: ['高校就业管理员', '学校管理员', '就业管理员'],
  province_education: ['省级教育部门'],
  province_hrss: ['省级人社部门'],
  county_hrss: ['县级人社部门'],
  poverty_office: ['扶贫部门'],
  ministry: ['教育部'],
  partner: ['协作帮扶方'],
  employer: ['用人单位'],
  graduate: ['毕业生'],
  system_admin: ['系统管理员'],
};

/** Roles are never imported: graduates activate their own accounts, employers register. */
export const NOT_IMPORTED: readonly TRole[] = ['graduate', 'employer', 'partner', 'system_admin'];

const SEPARATORS = /[、,，;；/\s]+/u;

/** Split a multi-value cell (roles, classes) on 、 , ; / and spaces. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(SEPARATORS)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** A role from its Chinese name or code; null when unknown. */
export function parseRole(text: string): TRole | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  const byCode = ROLES.find((r) => r === lower);
  if (byCode) return byCode;
  return (Object.keys(ROLE_NAMES_ZH) as TRole[]).find((r) => ROLE_NAMES_ZH[r].includes(t)) ?? null;
}

/** Class names: one class cell may list several, so 、 separates them but spaces inside a name are kept. */
export function splitClasses(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\n]+/u)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,64}$/;
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const MAX_STAFF_ROWS = 2000;
export const MAX_CLASS_NAME = 100;

/** What the server looked up for one org code of the file. */
export type TStaffOrg = {
  id: string;
  code: string;
  kind: string;
  /** roles the importer may give in this org (account-scope.ts), already fitted to the org's kind */
  manageableRoles: readonly TRole[];
  /** the org itself when it is a college; otherwise null */
  collegeId: string | null;
  /** the colleges of its university, by name and by code */
  colleges: ReadonlyMap<string, string>;
};

export type TStaffLookups = {
  orgs: ReadonlyMap<string, TStaffOrg | null>;
  takenUsernames: ReadonlySet<string>;
};

export type TStaffRowInput = { rowNo: number; values: Partial<Record<TStaffField, string>> };

export type TStaffCellError = { rowNo: number; field: TStaffField; message: TBilingual };

export type TStaffRow = {
  rowNo: number;
  username: string;
  displayName: string;
  phone: string | null;
  orgId: string;
  orgCode: string;
  roles: TRole[];
  /** counselors: the college and classes they keep */
  collegeId: string | null;
  classes: string[];
};

const err = (rowNo: number, field: TStaffField, zh: string, en: string): TStaffCellError => ({
  rowNo,
  field,
  message: { zh, en },
});

/**
 * Judge every row of a staff file. Returns the valid rows only when there are no errors at all (all or
 * nothing); otherwise every error found, each naming its row and column and what is expected.
 */
export function validateStaffRows(
  rows: readonly TStaffRowInput[],
  lookups: TStaffLookups,
): { rows: TStaffRow[]; errors: TStaffCellError[] } {
  const errors: TStaffCellError[] = [];
  const out: TStaffRow[] = [];
  const seen = new Map<string, number>();
  for (const { rowNo, values } of rows) {
    const v = (f: TStaffField) => (values[f] ?? '').trim();
    const before = errors.length;
    const username = v('username').toLowerCase();
    if (!username) errors.push(err(rowNo, 'username', '用户名不能为空', 'Username is required'));
    else if (!USERNAME_PATTERN.test(username)) {
      errors.push(
        err(
          rowNo,
          'username',
          `用户名“${username}”格式不对：应为小写字母、数字及 _ . -，3–64 个字符`,
          `Username "${username}" is not valid: expected a-z, 0-9, _ . -, 3–64 characters`,
        ),
      );
    } else if (lookups.takenUsernames.has(username)) {
      errors.push(
        err(rowNo, 'username', `用户名“${username}”已被占用`, `Username "${username}" is already taken`),
      );
    } else if (seen.has(username)) {
      const first = seen.get(username)!;
      errors.push(
        err(
          rowNo,
          'username',
          `用户名“${username}”与第 ${first} 行重复`,
          `Username "${username}" repeats row ${first}`,
        ),
      );
    } else seen.set(username, rowNo);

    const displayName = v('displayName');
    if (!displayName) errors.push(err(rowNo, 'displayName', '姓名不能为空', 'Name is required'));
    else if (displayName.length > 100) {
      errors.push(
        err(rowNo, 'displayName', '姓名应不超过 100 个字符', 'Name must be at most 100 characters'),
      );
    }

    const phone = v('phone').replace(/\s/g, '');
    if (phone && !PHONE_PATTERN.test(phone)) {
      errors.push(
        err(
          rowNo,
          'phone',
          `手机号“${phone}”格式不对：应为11位手机号或带区号的固定电话`,
          `Phone "${phone}" is not valid: expected an 11-digit mobile or a landline with area code`,
        ),
      );
    }

    const orgCode = v('orgCode');
    const org = orgCode ? lookups.orgs.get(orgCode) : undefined;
    if (!orgCode) errors.push(err(rowNo, 'orgCode', '机构代码不能为空', 'Org code is required'));
    else if (!org) {
      errors.push(
        err(
          rowNo,
          'orgCode',
          `机构代码“${orgCode}”不存在或不在您的管理范围内，请从下拉列表中选择`,
          `Org code "${orgCode}" does not exist or is outside what you manage; choose one from the list`,
        ),
      );
    }

    const roles = parseRoles(rowNo, v('roles'), org ?? null, errors);
    const counselor = roles.includes('counselor');
    const college = v('college');
    const classes = splitClasses(v('classes'));
    let collegeId: string | null = null;
    if (counselor && org) {
      collegeId = college ? (org.colleges.get(college) ?? null) : org.collegeId;
      if (college && !collegeId) {
        errors.push(
          err(
            rowNo,
            'college',
            `院系“${college}”不是该校的院系，请从下拉列表中选择`,
            `College "${college}" is not a college of this university; choose one from the list`,
          ),
        );
      } else if (!collegeId) {
        errors.push(err(rowNo, 'college', '辅导员须填写院系', 'A counselor needs a college'));
      } else if (org.collegeId && collegeId !== org.collegeId) {
        errors.push(
          err(
            rowNo,
            'college',
            `院系“${college}”与机构代码所指院系不一致`,
            `College "${college}" differs from the college of the org code`,
          ),
        );
      }
      if (classes.length === 0)
        errors.push(err(rowNo, 'classes', '辅导员须填写所带班级', 'A counselor needs at least one class'));
      const long = classes.find((k) => k.length > MAX_CLASS_NAME);
      if (long) {
        errors.push(
          err(rowNo, 'classes', '班级名称应不超过 100 个字符', 'Class names must be at most 100 characters'),
        );
      }
    } else if (!counselor && (college || classes.length)) {
      const field = college ? 'college' : 'classes';
      errors.push(
        err(
          rowNo,
          field,
          '只有辅导员填写院系和班级；其他角色请留空',
          'Only counselors have a college and classes; leave it empty for other roles',
        ),
      );
    }
    if (errors.length === before && org) {
      out.push({
        rowNo,
        username,
        displayName,
        phone: phone || null,
        orgId: org.id,
        orgCode: org.code,
        roles,
        collegeId: counselor ? collegeId : null,
        classes: counselor ? classes : [],
      });
    }
  }
  return errors.length ? { rows: [], errors } : { rows: out, errors };
}

function parseRoles(rowNo: number, text: string, org: TStaffOrg | null, errors: TStaffCellError[]): TRole[] {
  if (!text) {
    errors.push(err(rowNo, 'roles', '角色不能为空', 'Roles are required'));
    return [];
  }
  const roles: TRole[] = [];
  for (const part of splitList(text)) {
    const role = parseRole(part);
    if (!role) {
      errors.push(
        err(
          rowNo,
          'roles',
          `角色“${part}”无法识别：应为辅导员、帮扶责任人、高校就业管理员等`,
          `Role "${part}" is unknown: expected e.g. 辅导员 (counselor), 帮扶责任人 (helper)`,
        ),
      );
    } else if (NOT_IMPORTED.includes(role)) {
      errors.push(
        err(rowNo, 'roles', `角色“${part}”不能通过导入创建`, `Role "${part}" cannot be created by import`),
      );
    } else if (org && !org.manageableRoles.includes(role)) {
      errors.push(
        err(
          rowNo,
          'roles',
          `角色“${part}”不适用于机构 ${org.code}，或不在您的管理范围内`,
          `Role "${part}" does not fit org ${org.code}, or is outside what you manage`,
        ),
      );
    } else if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** The column of a header cell: its Chinese or English label, or the field key; null when unknown. */
export function staffFieldOfHeader(header: string): TStaffField | null {
  const h = header.trim().replace(/\s+/g, '').toLowerCase();
  if (!h) return null;
  for (const col of STAFF_COLUMNS) {
    const names = [col.label.zh, col.label.en, col.key].map((n) => n.replace(/\s+/g, '').toLowerCase());
    if (names.includes(h) || names.some((n) => h.startsWith(n) && /^[（(*＊]/.test(h.slice(n.length))))
      return col.key;
  }
  if (h === '电话' || h === '联系电话') return 'phone';
  if (h === '学院') return 'college';
  return null;
}

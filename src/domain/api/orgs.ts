import { z } from 'zod';
import { MANAGED_ORG_KINDS } from '../org-rules.ts';
import { ORG_KINDS } from '../orgs.ts';
import { zLine, zMultiline } from './primitives.ts';

export type TOrgNode = {
  id: string;
  code: string;
  name: string;
  kind: (typeof ORG_KINDS)[number];
  regionCode: string | null;
  moeCode: string | null;
  /** 学校标识码 of a university */
  schoolIdCode?: string | null;
  children: TOrgNode[];
};

export const ZOrgNode: z.ZodType<TOrgNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    regionCode: z.string().nullable(),
    moeCode: z.string().nullable(),
    schoolIdCode: z.string().nullable().optional(),
    children: z.array(ZOrgNode),
  }),
);

/** Org codes are what people type (CLI, imports): letters, digits and - _ . as the demo's U-10657-C01. */
export const ZOrgCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, { message: 'org_code_format' });

const ZOrgName = zLine().min(1).max(100);
const ZRegionCode = z.string().regex(/^\d{6}$/);
// formats are checked again, with the other placement rules, by orgPlacementProblems (org-rules.ts)
const ZMoeCode = zLine().regex(/^\d{5}$/, { message: 'moe_code_format' });
const ZSchoolIdCode = zLine().regex(/^\d{10}$/, { message: 'school_id_code_format' });

export const ZOrgCreateBody = z.object({
  code: ZOrgCode,
  name: ZOrgName,
  kind: z.enum(MANAGED_ORG_KINDS),
  parentId: z.uuid().nullable().default(null),
  /** a college without one takes its university's */
  regionCode: ZRegionCode.nullable().default(null),
  moeCode: ZMoeCode.nullable().default(null),
  schoolIdCode: ZSchoolIdCode.nullable().default(null),
});
export type TOrgCreateBody = z.input<typeof ZOrgCreateBody>;

/** Name, region and university codes; the code and kind stay (accounts, imports and rosters refer to them). */
export const ZOrgUpdateBody = z
  .object({
    name: ZOrgName,
    regionCode: ZRegionCode.nullable(),
    moeCode: ZMoeCode.nullable(),
    schoolIdCode: ZSchoolIdCode.nullable(),
  })
  .partial();
export type TOrgUpdateBody = z.infer<typeof ZOrgUpdateBody>;

export const ZOrgMoveBody = z.object({ parentId: z.uuid().nullable() });
export type TOrgMoveBody = z.infer<typeof ZOrgMoveBody>;

export const ZOrgDeactivateBody = z.object({ reason: zMultiline().max(500).optional() });
export type TOrgDeactivateBody = z.infer<typeof ZOrgDeactivateBody>;

export const ZOrgIdParams = z.object({ id: z.uuid() });

/** One org unit as saved, without its subtree. */
export const ZOrgUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  parentId: z.string().nullable(),
  regionCode: z.string().nullable(),
  moeCode: z.string().nullable(),
  schoolIdCode: z.string().nullable(),
  active: z.boolean(),
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

export const ZUniversitySearchQuery = z.object({
  q: zLine().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A row of the official list of institutions (reference/universities-2020.csv), to create a university from. */
export const ZUniversityRef = z.object({
  moeCode: z.string(),
  schoolIdCode: z.string(),
  name: z.string(),
  authority: z.string(),
  provinceCode: z.string(),
  city: z.string(),
  level: z.string(),
  notes: z.string(),
  /** the city's region code when the name is found in the province, else the province */
  regionCode: z.string(),
  /** the org code of a university already created with this 院校代码 */
  orgCode: z.string().nullable(),
});
export type TUniversityRef = z.infer<typeof ZUniversityRef>;

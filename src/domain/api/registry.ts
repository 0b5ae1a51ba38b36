import { z } from 'zod';
import { LEVELS } from '../registry/fields.ts';
import { ZRevealReason } from '../reveal-reason.ts';
import { ZPageQuery } from './common.ts';
import { zLine } from './primitives.ts';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Filters shared by the list, the counts and the export. */
export const ZGraduateFilters = z.object({
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
  /** domicile province, e.g. 520000 */
  province: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** domicile county (current code) */
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  universityId: z.uuid().optional(),
  collegeId: z.uuid().optional(),
  level: z.enum(LEVELS).optional(),
  /** major name contains */
  major: zLine().max(50).optional(),
  focusCounty: flag.optional(),
  registeredPoor: flag.optional(),
  /** in the target group (registered-poor or focus county); the default list shows only them */
  target: flag.optional(),
  difficulty: z.string().regex(/^\d$/).optional(),
  /** name or student number contains */
  q: zLine().max(50).optional(),
});
export type TGraduateFilters = z.infer<typeof ZGraduateFilters>;

export const GRADUATE_SORTS = ['name', 'cohort', 'university', 'domicile', 'level', 'major'] as const;

export const ZGraduateListQuery = ZPageQuery.merge(ZGraduateFilters).extend({
  sort: z.enum(GRADUATE_SORTS).default('university'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TGraduateListQuery = z.infer<typeof ZGraduateListQuery>;

/**
 * One graduate as the field rule (domain/field-rule.ts) lets the user see it: `view` 'minimal' carries name,
 * university, level, major, cohort and case status only; registry-derived fields (difficulty category,
 * registered-poor flag, the registry entry in `targetReasons`) and the target flags are null where withheld.
 */
export const ZGraduateListItem = z.object({
  id: z.string(),
  view: z.enum(['full', 'minimal']),
  /** the field rule lets this user reveal the full ID number (the permission is still needed) */
  canReveal: z.boolean(),
  name: z.string(),
  gender: z.string().nullable(),
  cohort: z.number().int(),
  universityId: z.string(),
  universityName: z.string(),
  collegeName: z.string().nullable(),
  className: z.string().nullable(),
  majorName: z.string().nullable(),
  level: z.string().nullable(),
  domicileCountyCode: z.string().nullable(),
  domicileName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  /** the case's status (seeking, placed, …), null without a case */
  caseStatus: z.string().nullable(),
  difficultyCode: z.string().nullable(),
  isRegisteredPoor: z.boolean().nullable(),
  isFocusCounty: z.boolean().nullable(),
  isTarget: z.boolean().nullable(),
  /** why the graduate is in the target group (registry entry, focus list), as far as the user may know */
  targetReasons: z.record(z.string(), z.unknown()).nullable(),
});
export type TGraduateListItem = z.infer<typeof ZGraduateListItem>;

export const ZGraduateCount = z.object({
  code: z.string(),
  name: z.string(),
  total: z.number().int(),
  target: z.number().int(),
});
export const ZGraduateStats = z.object({
  total: z.number().int(),
  target: z.number().int(),
  /** null where the field rule withholds it (registryCountVisible) */
  registeredPoor: z.number().int().nullable(),
  focusCounty: z.number().int(),
  byProvince: z.array(ZGraduateCount),
  byCounty: z.array(ZGraduateCount),
  byUniversity: z.array(ZGraduateCount),
});
export type TGraduateStats = z.infer<typeof ZGraduateStats>;

/** the reason must say why (domain/reveal-reason.ts); it is audited with the reveal */
export const ZRevealBody = z.object({ reason: ZRevealReason });
export const ZRevealResult = z.object({ idNumber: z.string() });

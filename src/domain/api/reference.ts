import { z } from 'zod';
import { zLine } from './primitives.ts';

export const ZRegionNode = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(3),
  parentCode: z.string().nullable(),
  hasChildren: z.boolean(),
  /** focus counties at or below this node in active focus lists */
  focusCount: z.number().int(),
  /** true for a county in an active focus list */
  isFocus: z.boolean(),
  historicalCodes: z.array(z.string()),
});
export type TRegionNode = z.infer<typeof ZRegionNode>;

export const ZRegionQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  q: zLine().min(1).max(50).optional(),
});

export const ZResolvedCounty = z.object({
  input: z.string(),
  code: z.string(),
  name: z.string(),
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  viaAlias: z.boolean(),
});
export type TResolvedCounty = z.infer<typeof ZResolvedCounty>;

export const ZFocusCounty = z.object({
  code: z.string(),
  name: z.string(),
  provinceName: z.string(),
  prefectureName: z.string(),
  historicalCodes: z.array(z.string()),
  supportKind: z.string().nullable(),
  supportPartner: z.string().nullable(),
});
export type TFocusCounty = z.infer<typeof ZFocusCounty>;

export const ZFocusList = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  year: z.number().int(),
  active: z.boolean(),
  source: z.string(),
  counties: z.array(ZFocusCounty),
});
export type TFocusList = z.infer<typeof ZFocusList>;

export const ZCodeTable = z.object({
  key: z.string(),
  name: z.string(),
  source: z.string(),
  entries: z.array(
    z.object({ code: z.string(), name: z.string(), attributes: z.record(z.string(), z.string()) }),
  ),
});
export type TCodeTable = z.infer<typeof ZCodeTable>;

export const ZSupportPair = z.object({
  id: z.string(),
  supporterName: z.string(),
  supporterRegionCode: z.string().nullable(),
  supportedName: z.string(),
  supportedRegionCode: z.string().nullable(),
  kind: z.enum(['east_west', 'counterpart_xinjiang']),
  validFrom: z.number().int(),
  validTo: z.number().int().nullable(),
  note: z.string(),
});
export type TSupportPair = z.infer<typeof ZSupportPair>;

/** One row of a major catalogue: a 门类/大类 (2-digit code), a 专业类 (4) or a 专业 (6, with suffix letters). */
export const ZMajorEntry = z.object({
  code: z.string(),
  name: z.string(),
  /** the 专业类 of a major or the class itself; null for a 门类/大类 row */
  classCode: z.string().nullable(),
  categoryCode: z.string(),
});
export type TMajorEntry = z.infer<typeof ZMajorEntry>;

export const ZMajorCatalogue = z.object({
  key: z.string(),
  /** the level whose majors it lists (本科 or 专科) */
  level: z.enum(['本科', '专科']),
  name: z.string(),
  source: z.string(),
  entries: z.array(ZMajorEntry),
});
export type TMajorCatalogue = z.infer<typeof ZMajorCatalogue>;

export const ZMajorQuery = z.object({ level: z.enum(['本科', '专科']).optional() });

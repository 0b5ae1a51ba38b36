import { z } from 'zod';
import { ZPageQuery } from './common.ts';

export const ZGraduateListQuery = ZPageQuery.extend({
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZGraduateListItem = z.object({
  id: z.string(),
  name: z.string(),
  cohort: z.number().int(),
  universityName: z.string(),
  domicileCountyCode: z.string().nullable(),
  idNumberMasked: z.string(),
});
export type TGraduateListItem = z.infer<typeof ZGraduateListItem>;

export const ZRevealBody = z.object({ reason: z.string().trim().min(2).max(200) });
export const ZRevealResult = z.object({ idNumber: z.string() });

import { z } from 'zod';
import { ORG_KINDS } from '../orgs.ts';

export type TOrgNode = {
  id: string;
  code: string;
  name: string;
  kind: (typeof ORG_KINDS)[number];
  regionCode: string | null;
  moeCode: string | null;
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
    children: z.array(ZOrgNode),
  }),
);

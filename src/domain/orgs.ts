/** Kinds of organisation unit. The org tree is data; these kinds decide which roles make sense where. */
export const ORG_KINDS = [
  'ministry',
  'province_education',
  'province_hrss',
  'poverty_office',
  'county_hrss',
  'university',
  'college',
  'employer',
  'partner',
  'system',
] as const;
export type TOrgKind = (typeof ORG_KINDS)[number];

export const REGION_LEVELS = { province: 1, prefecture: 2, county: 3 } as const;

/** Province code (2-digit prefix padded to 6) of any 6-digit region code. */
export function toProvinceCode(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

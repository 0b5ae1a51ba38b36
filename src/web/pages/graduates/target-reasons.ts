/** Why a graduate is in the target group, read defensively from the server's `targetReasons` JSON. */
export type TReasons = {
  registeredPoor?: { countyCode?: string; householdRef?: string };
  focusCounty?: { countyCode?: string; listName?: string };
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function readReasons(raw: Record<string, unknown> | null | undefined): TReasons {
  const out: TReasons = {};
  const poor = obj(raw?.registeredPoor);
  if (poor) out.registeredPoor = { countyCode: str(poor.countyCode), householdRef: str(poor.householdRef) };
  const focus = obj(raw?.focusCounty);
  if (focus) {
    out.focusCounty = { countyCode: str(focus.countyCode), listName: str(focus.listName) ?? str(focus.list) };
  }
  return out;
}

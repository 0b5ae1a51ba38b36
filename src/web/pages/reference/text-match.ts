/** Case-insensitive substring match over several fields; an empty needle matches everything. */
export function matchesText(needle: string, ...fields: (string | null | undefined)[]): boolean {
  const n = needle.trim().toLowerCase();
  if (!n) return true;
  return fields.some((f) => f?.toLowerCase().includes(n));
}

/** Chinese-aware comparison for sorters, so provinces sort by pinyin rather than by code point. */
export const compareZh = (a: string, b: string): number => a.localeCompare(b, 'zh-CN');

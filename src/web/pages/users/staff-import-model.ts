import type { TStaffImportResult } from '../../../domain/api/staff.ts';

/** Text a spreadsheet would run as a formula: written with a leading apostrophe, as the server's cell writer does. */
function safe(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * The created accounts with their temporary passwords as CSV (UTF-8 with BOM, so Excel reads the Chinese), for
 * the one download the import page offers before it forgets the passwords.
 */
export function passwordsCsv(created: TStaffImportResult['created'], headers: readonly string[]): string {
  const lines = [headers.map(safe).join(',')];
  for (const c of created) {
    lines.push(
      [c.username, c.displayName, c.orgCode, c.classes.join('、'), c.temporaryPassword].map(safe).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

import { z } from 'zod';

/*
 * The input primitives every request schema builds on (issue 11, "bad input never answers 500"). Text that
 * PostgreSQL cannot store (NUL), JSON cannot carry faithfully (lone surrogates) or nobody types (control
 * characters) and dates the calendar does not have (2026-02-30, 0000-00-00) are refused here with a 400,
 * instead of reaching the database and coming back as a 500.
 */

export const TEXT_CHARS_MESSAGE =
  '含有不允许的字符（NUL、控制字符或残缺的 Unicode 字符）/ Contains characters that are not allowed (NUL, control characters or broken Unicode)';
export const DATE_MESSAGE =
  '不是有效的日期（1900–2100 年的真实日期）/ Not a real calendar date between 1900 and 2100';

/**
 * True when `s` holds no NUL, no control character (C0, DEL, C1; \t and \n are allowed when multi-line) and no
 * lone surrogate (a high one not followed by a low one, or a low one on its own).
 */
export function isCleanText(s: string, multiline = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (!(multiline && (c === 0x09 || c === 0x0a))) return false;
    } else if (c >= 0x7f && c <= 0x9f) return false;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** One line of free text (names, titles, search boxes), trimmed. Chain `.min()`, `.max()`, `.regex()`. */
export function zLine() {
  return z
    .string()
    .trim()
    .refine((s) => isCleanText(s), { message: TEXT_CHARS_MESSAGE });
}

/** Multi-line free text (notes, plans, descriptions), trimmed; \n and \t are kept. */
export function zMultiline() {
  return z
    .string()
    .trim()
    .refine((s) => isCleanText(s, true), { message: TEXT_CHARS_MESSAGE });
}

/** A string taken as typed (passwords, opaque tokens): not trimmed, but the same characters refused. */
export function zRawLine() {
  return z.string().refine((s) => isCleanText(s), { message: TEXT_CHARS_MESSAGE });
}

/** Years a date of this platform can have: birth dates, deadlines, follow-ups, audit ranges. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const inYears = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/** A real calendar date `YYYY-MM-DD` (leap years known) between 1900 and 2100. JSON Schema format `date`. */
export function zDate() {
  return z.iso.date({ message: DATE_MESSAGE }).refine(inYears, { message: DATE_MESSAGE });
}

/** An instant with its offset (`2020-07-01T00:00:00+08:00`) on a real calendar date between 1900 and 2100. */
export function zDateTime() {
  return z.iso.datetime({ offset: true, message: DATE_MESSAGE }).refine(inYears, { message: DATE_MESSAGE });
}

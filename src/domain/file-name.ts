/**
 * Characters a file name may not keep: control characters (C0, DEL, C1), format characters (the bidi
 * embeddings, overrides and isolates such as U+202E, which make `probe\u202egpj.pdf` display as
 * `probefdp.jpg`, plus zero-width characters and the BOM), and line or paragraph separators.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export const MAX_FILE_NAME_CHARS = 120;

/**
 * An uploaded file's name fit to store, show and send in Content-Disposition: no directories, none of the
 * characters above, trimmed, at most MAX_FILE_NAME_CHARS characters (the end kept, so the extension stays);
 * `file` when nothing is left. Used on upload (evidence, imports) and again on download, for names stored
 * before this rule.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE, '').trim();
  return [...clean].slice(-MAX_FILE_NAME_CHARS).join('') || 'file';
}

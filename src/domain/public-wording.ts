/*
 * Words a graduate or an employer must never read: the programme behind the service is about poverty, and
 * the people it serves are not told they are in it (DESIGN §3). Staff pages may use them; the pages and API
 * responses of the graduate and employer roles may not. Both the web app's wording test and the server's
 * response scan check against this one list.
 */

export const PROGRAMME_WORDS_ZH = ['建档立卡', '贫困', '困难', '帮扶', '未摘帽'] as const;

/** English equivalents, as whole words; a code such as the role `poverty_office` is not wording. */
export const PROGRAMME_WORDS_EN = ['poverty', 'poor', 'registered-poor', 'hardship', 'needy'] as const;

const EN_PATTERN = new RegExp(`(?<![a-z_])(${PROGRAMME_WORDS_EN.join('|')})(?![a-z_])`, 'gi');

/** The programme words a text contains (each once), in either language. */
export function programmeWordsIn(text: string): string[] {
  const found = new Set<string>();
  for (const word of PROGRAMME_WORDS_ZH) if (text.includes(word)) found.add(word);
  for (const match of text.matchAll(EN_PATTERN)) found.add(match[1]!.toLowerCase());
  return [...found];
}

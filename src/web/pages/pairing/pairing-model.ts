import type { TPairingHelper, TPairingSuggestionItem } from '../../../domain/api/pairing.ts';

/*
 * Pure helpers of the pairing page: coverage percentages, the suggestion preview with the admin's per-row
 * changes, and the loads the helpers would have after confirming.
 */

/** Paired share of those who need a helper (paired + still unpaired); 100 when nobody needs one. */
export function coveragePercent(paired: number, unpaired: number): number {
  const need = paired + unpaired;
  return need === 0 ? 100 : Math.floor((paired / need) * 100);
}

/** The cohorts offered in the filter: the notice's 2020 cohort up to next year, newest first. */
export function cohortOptions(now: Date): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: Math.max(1, last - 2020 + 1) }, (_, i) => last - i);
}

/** The helper chosen for each case in the preview: the suggested one unless the admin changed it. */
export type TChoices = Readonly<Record<string, string>>;

export function chosenHelper(item: TPairingSuggestionItem, choices: TChoices): string {
  return choices[item.caseId] ?? item.helperUserId;
}

export function isEdited(item: TPairingSuggestionItem, choices: TChoices): boolean {
  return chosenHelper(item, choices) !== item.helperUserId;
}

/** The body of the assignment the preview stands for. */
export function toPairs(items: readonly TPairingSuggestionItem[], choices: TChoices) {
  return items.map((i) => ({ caseId: i.caseId, helperUserId: chosenHelper(i, choices) }));
}

/** Each helper's load if the preview were confirmed as it stands. */
export function projectedLoads(
  helpers: readonly TPairingHelper[],
  items: readonly TPairingSuggestionItem[],
  choices: TChoices,
): Map<string, number> {
  const loads = new Map(helpers.map((h) => [h.userId, h.load]));
  for (const item of items) {
    const id = chosenHelper(item, choices);
    loads.set(id, (loads.get(id) ?? 0) + 1);
  }
  return loads;
}

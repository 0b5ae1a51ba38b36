import type { TFunction } from 'i18next';
import { majorCategoryName } from '../../../domain/opportunities/majors.ts';
import type { TEligibilityRule } from '../../../domain/opportunities/types.ts';
import { chinaToday, daysUntil, ruleText } from '../opportunities/opportunity-labels.ts';

/*
 * How a post reads on the graduate's phone, on top of the staff pages' label helpers: the deadline in words,
 * accepted majors without the catalogue (graduates do not load it), and the one rule whose staff wording names
 * the target group. Pure, so the wording rules are tested without a browser.
 */

export { isPreferredRule, salaryText } from '../opportunities/opportunity-labels.ts';
export { chinaToday, daysUntil };

/** "今天截止", "还剩 3 天" within a week, else "2020-08-31 截止". */
export function deadlineText(t: TFunction, deadline: string, today: string): string {
  const days = daysUntil(deadline, today);
  if (days === 0) return t('meJobs.card.lastDay');
  if (days > 0 && days <= 7) return t('meJobs.card.daysLeft', { count: days });
  return t('meJobs.card.deadline', { date: deadline });
}

/** One eligibility rule as the graduate reads it; the target-group rule in wording that names no group. */
export function ruleLine(t: TFunction, rule: TEligibilityRule): string {
  if (rule.kind === 'target_group_only') return t('meJobs.detail.targetRule');
  if (rule.kind === 'major_categories') {
    return t('opportunities.ruleText.major_categories', { codes: majorsText(t, rule.codes) });
  }
  return ruleText(t, rule);
}

/** Accepted major prefixes: 门类/大类 by name ("08 工学"), narrower codes as they are; none = 不限. */
export function majorsText(t: TFunction, prefixes: readonly string[]): string {
  if (prefixes.length === 0) return t('opportunities.unlimited');
  return prefixes
    .map((p) => {
      const name = p.length === 2 ? majorCategoryName(p) : null;
      return name ? `${p} ${name}` : p;
    })
    .join('、');
}

/** The deadline as a date, with "还剩 3 天" / "今天截止" in its last week. */
export function deadlineLine(t: TFunction, deadline: string, today: string = chinaToday()): string {
  const days = daysUntil(deadline, today);
  return days >= 0 && days <= 7 ? `${deadline}（${deadlineText(t, deadline, today)}）` : deadline;
}

import type { TLevel } from '../registry/fields.ts';
import type { TEligibilityRule } from './types.ts';

/** The parts of a post that make up its eligibility. */
export type TPostRuleSource = {
  minLevel: TLevel | null;
  /** majors accepted (code prefixes); empty = 不限 */
  majorPrefixes: readonly string[];
  eligibilityRules: readonly TEligibilityRule[];
};

/**
 * A post's complete rule list: its minimum level and accepted majors (columns, so lists can filter on them)
 * as rules, followed by its own eligibility rules. Applying and matching both evaluate exactly this list.
 */
export function rulesOfPost(post: TPostRuleSource): TEligibilityRule[] {
  const rules: TEligibilityRule[] = [];
  const own = post.eligibilityRules;
  if (post.minLevel && !own.some((r) => r.kind === 'min_level')) {
    rules.push({ kind: 'min_level', level: post.minLevel });
  }
  if (post.majorPrefixes.length > 0 && !own.some((r) => r.kind === 'major_categories')) {
    rules.push({ kind: 'major_categories', codes: [...post.majorPrefixes] });
  }
  return [...rules, ...own];
}

/** A region code without its trailing zero pairs: 520000 → 52, 520500 → 5205, 520526 → 520526. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

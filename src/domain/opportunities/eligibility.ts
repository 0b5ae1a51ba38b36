/**
 * Eligibility as a pure function of a post's rules and a graduate's facts: one verdict per rule, each saying
 * in Chinese and English what was checked and why it passed or failed ("年龄31岁，超过30岁上限"). The matching
 * engine's hard filter and the near-miss explanations are both read from these verdicts.
 */
import type { TLevel } from '../registry/fields.ts';
import { majorCategoryName, majorCategoryOf, majorMatches } from './majors.ts';
import { regionPrefix } from './post-rules.ts';
import {
  LEVEL_RANK,
  type TCandidateFacts,
  type TEligibility,
  type TEligibilityRule,
  type TRuleVerdict,
} from './types.ts';

export type TEligibilityOptions = {
  /** YYYY-MM-DD; the reference date of an age rule that has none */
  today: string;
  /** region name for a code prefix ('52' → 贵州省); codes alone when absent or unknown */
  regionName?: (code: string) => string | null | undefined;
  /** major name for a code ('080901' → 计算机科学与技术) */
  majorName?: (code: string) => string | null | undefined;
};

const LEVEL_EN: Record<TLevel, string> = {
  专科: 'diploma (专科)',
  本科: "bachelor's (本科)",
  研究生: 'postgraduate (研究生)',
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Full years of age on a date (both YYYY-MM-DD), or null when either date is malformed. The birthday itself
 * counts as having turned that age; someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageAt(birthDate: string, onDate: string): number | null {
  const b = DATE_RE.exec(birthDate);
  const d = DATE_RE.exec(onDate);
  if (!b || !d) return null;
  const [by, bmd] = [Number(b[1]), Number(b[2]) * 100 + Number(b[3])];
  const [dy, dmd] = [Number(d[1]), Number(d[2]) * 100 + Number(d[3])];
  return dy - by - (dmd < bmd ? 1 : 0);
}

const v = (rule: TEligibilityRule, ok: boolean, reasonZh: string, reasonEn: string): TRuleVerdict => ({
  rule: rule.kind,
  ok,
  hard: !(rule.kind === 'party_member' || (rule.kind === 'teacher_certificate' && rule.preferred === true)),
  reasonZh,
  reasonEn,
});

const missing = (rule: TEligibilityRule, zh: string, en: string): TRuleVerdict => ({
  ...v(rule, false, `缺少${zh}，无法核对`, `${en} missing, cannot be checked`),
  missing: true,
});

function evaluateRule(rule: TEligibilityRule, f: TCandidateFacts, opts: TEligibilityOptions): TRuleVerdict {
  switch (rule.kind) {
    case 'max_age': {
      if (!f.birthDate) return missing(rule, '出生日期', 'Birth date');
      const on = DATE_RE.test(rule.referenceDate) ? rule.referenceDate : opts.today;
      const age = ageAt(f.birthDate, on);
      if (age === null) return missing(rule, '出生日期', 'Birth date');
      return age <= rule.years
        ? v(
            rule,
            true,
            `年龄${age}岁（截至${on}），未超过${rule.years}岁上限`,
            `Age ${age} on ${on}, within the limit of ${rule.years}`,
          )
        : v(
            rule,
            false,
            `年龄${age}岁（截至${on}），超过${rule.years}岁上限`,
            `Age ${age} on ${on}, over the limit of ${rule.years}`,
          );
    }
    case 'min_level': {
      if (!f.level) return missing(rule, '学历层次', 'Level of study');
      return LEVEL_RANK[f.level] >= LEVEL_RANK[rule.level]
        ? v(
            rule,
            true,
            `学历${f.level}，符合${rule.level}及以上要求`,
            `Level ${LEVEL_EN[f.level]}, meets the required ${LEVEL_EN[rule.level]} or above`,
          )
        : v(
            rule,
            false,
            `学历${f.level}，低于${rule.level}要求`,
            `Level ${LEVEL_EN[f.level]}, below the required ${LEVEL_EN[rule.level]}`,
          );
    }
    case 'levels': {
      if (!f.level) return missing(rule, '学历层次', 'Level of study');
      const zh = rule.levels.join('、');
      const en = rule.levels.map((l) => LEVEL_EN[l]).join(', ');
      return rule.levels.includes(f.level)
        ? v(rule, true, `学历${f.level}，符合限定的${zh}`, `Level ${LEVEL_EN[f.level]}, one of ${en}`)
        : v(
            rule,
            false,
            `学历${f.level}，不在限定的${zh}范围内`,
            `Level ${LEVEL_EN[f.level]}, not one of ${en}`,
          );
    }
    case 'major_categories':
      return evaluateMajor(rule, f, opts);
    case 'domicile_regions': {
      if (rule.codes.length === 0) return v(rule, true, '生源地不限', 'Any home region');
      if (!f.domicileCountyCode) return missing(rule, '生源地', 'Home region');
      const home = regionPrefix(f.domicileCountyCode);
      const list = rule.codes.map((c) => {
        const p = regionPrefix(c);
        const name = opts.regionName?.(p);
        return name ? `${p}（${name}）` : p;
      });
      const zh = list.join('、');
      const en = list.join(', ');
      return rule.codes.some((c) => home.startsWith(regionPrefix(c)))
        ? v(rule, true, `生源地${home}在${zh}范围内`, `Home region ${home} is within ${en}`)
        : v(rule, false, `生源地${home}不在${zh}范围内`, `Home region ${home} is not within ${en}`);
    }
    case 'cohorts': {
      const zh = rule.cohorts.map((c) => `${c}届`).join('、');
      const en = rule.cohorts.join(', ');
      return rule.cohorts.length === 0 || rule.cohorts.includes(f.cohort)
        ? v(rule, true, `${f.cohort}届，符合届别要求`, `Class of ${f.cohort}, an accepted cohort`)
        : v(
            rule,
            false,
            `${f.cohort}届，不在限定的${zh}内`,
            `Class of ${f.cohort}, not among the accepted cohorts ${en}`,
          );
    }
    case 'party_member':
      return f.partyMember === true
        ? v(rule, true, '中共党员，符合党员优先条件', 'Party member: meets the party-member preference')
        : f.partyMember === false
          ? v(
              rule,
              false,
              '非中共党员（党员优先，不影响资格）',
              'Not a party member (preferred, not required)',
            )
          : v(
              rule,
              false,
              '政治面貌未知（党员优先，不影响资格）',
              'Party membership unknown (preferred, not required)',
            );
    case 'teacher_certificate': {
      const soft = rule.preferred === true;
      if (f.teacherCertificate === true)
        return v(rule, true, '已登记教师资格证', 'Teacher certificate on record');
      if (soft)
        return v(
          rule,
          false,
          f.teacherCertificate === false
            ? '无教师资格证（优先条件，不影响资格）'
            : '未登记教师资格证（优先条件，不影响资格）',
          f.teacherCertificate === false
            ? 'No teacher certificate (preferred, not required)'
            : 'No teacher certificate on record (preferred, not required)',
        );
      return f.teacherCertificate === false
        ? v(rule, false, '无教师资格证，岗位要求教师资格证', 'No teacher certificate; the post requires one')
        : v(rule, false, '未登记教师资格证', 'No teacher certificate on record; the post requires one');
    }
    case 'target_group_only':
      // Names no group (never 帮扶对象 or worse): the same text reaches the graduate's own screen.
      return f.isTarget
        ? v(rule, true, '属于本岗位的招聘对象范围', 'Within the group this post is reserved for')
        : v(rule, false, '本岗位仅面向特定招聘对象', 'This post is reserved for a particular group');
  }
}

function evaluateMajor(
  rule: Extract<TEligibilityRule, { kind: 'major_categories' }>,
  f: TCandidateFacts,
  opts: TEligibilityOptions,
): TRuleVerdict {
  if (rule.codes.length === 0) return v(rule, true, '专业不限', 'Any major');
  if (!f.majorCode) return missing(rule, '专业代码', 'Major code');
  const name = opts.majorName?.(f.majorCode);
  const cat = majorCategoryOf(f.majorCode, f.level);
  const catName = cat ? majorCategoryName(cat.categoryCode) : null;
  const head = name ? `${f.majorCode} ${name}` : f.majorCode;
  const arrowZh = cat ? ` → 门类 ${cat.categoryCode}${catName ? ` ${catName}` : ''}` : '';
  const arrowEn = cat ? ` → category ${cat.categoryCode}` : '';
  const listZh = rule.codes.join('、');
  const listEn = rule.codes.join(', ');
  return majorMatches(rule.codes, f.majorCode)
    ? v(
        rule,
        true,
        `专业（${head}${arrowZh}）在要求的 ${listZh} 内`,
        `Major (${head}${arrowEn}) is within ${listEn}`,
      )
    : v(
        rule,
        false,
        `专业（${head}${arrowZh}）不在要求的 ${listZh} 内`,
        `Major (${head}${arrowEn}) is not within ${listEn}`,
      );
}

/**
 * Evaluate a post's rules for one graduate: one verdict per rule in rule order; eligible when every hard
 * verdict is satisfied (preferred rules — 党员优先, a preferred 教师资格证 — never exclude). A hard rule whose
 * fact is unknown is not satisfied and says which fact is missing. Deterministic: no clock, `opts.today` only.
 */
export function evaluateEligibility(
  rules: readonly TEligibilityRule[],
  facts: TCandidateFacts,
  opts: TEligibilityOptions,
): TEligibility {
  const verdicts = rules.map((r) => evaluateRule(r, facts, opts));
  return { eligible: verdicts.every((x) => !x.hard || x.ok), verdicts };
}

/** The hard verdicts that fail: why a graduate is not eligible. */
export function hardFailures(e: TEligibility): TRuleVerdict[] {
  return e.verdicts.filter((x) => x.hard && !x.ok);
}

const SHORT: Record<TEligibilityRule['kind'], [string, string]> = {
  max_age: ['超龄', 'Over age limit'],
  min_level: ['学历不符', 'Level too low'],
  levels: ['学历不符', 'Level not accepted'],
  major_categories: ['专业不符', 'Major not accepted'],
  domicile_regions: ['生源地不符', 'Home region not accepted'],
  cohorts: ['届别不符', 'Cohort not accepted'],
  party_member: ['非党员', 'Not a party member'],
  teacher_certificate: ['无教师资格证', 'No teacher certificate'],
  target_group_only: ['仅限专项服务对象', 'Reserved for the programme’s service group'],
};

/** Short labels of the failing hard rules for near-miss lists ("专业不符"); missing facts say "信息不全". */
export function shortReasons(e: TEligibility): { rule: TRuleVerdict['rule']; zh: string; en: string }[] {
  return hardFailures(e).map((x) => {
    const [zh, en] = x.missing ? ['信息不全', 'Information missing'] : SHORT[x.rule];
    return { rule: x.rule, zh, en };
  });
}

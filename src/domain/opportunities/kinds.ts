/**
 * What each kind of opportunity is: its group, the 毕业去向 code a confirmed offer or admission records, the
 * intentions and preferred post kinds of a case it fits (the scorer's intention fit), and the eligibility rules
 * the post form pre-fills. The rule templates are starting points from the national programmes' usual terms;
 * each year's announcement (招募公告) decides, so staff edit them per post.
 */
import type { TIntention, TPostKind } from '../ledger/codes.ts';
import type { TEligibilityRule, TOpportunityKind } from './types.ts';

export const OPPORTUNITY_GROUPS = [
  'job',
  'policy',
  'study',
  'training',
  'internship',
  'entrepreneurship',
] as const;
export type TOpportunityGroup = (typeof OPPORTUNITY_GROUPS)[number];

export type TKindMeta = {
  group: TOpportunityGroup;
  /** 毕业去向 code (reference/destination-codes.csv) set when an offer/admission is confirmed; null = places no one */
  destinationCode: string | null;
  /** case intentions (就业意向) this kind serves */
  intentions: readonly TIntention[];
  /** the case's preferred post kinds (岗位类别) this kind counts as */
  postKinds: readonly TPostKind[];
};

const GRASSROOTS: TKindMeta = {
  group: 'policy',
  // 50 国家基层项目: programmes organised by the central government (中组部、教育部、团中央 …); 51 is for
  // programmes a province or city runs on its own, which staff record by editing the destination on confirm.
  destinationCode: '50',
  intentions: ['grassroots', 'employment'],
  postKinds: ['grassroots_programme'],
};

export const OPPORTUNITY_KIND_META: Record<TOpportunityKind, TKindMeta> = {
  // 10 签就业协议形式就业: the school's 三方协议 is how a market offer is usually confirmed
  market_job: {
    group: 'job',
    destinationCode: '10',
    intentions: ['employment'],
    postKinds: ['enterprise', 'state_owned', 'public_institution', 'flexible'],
  },
  tegang: { ...GRASSROOTS, postKinds: ['grassroots_programme', 'public_institution'] },
  // 大学生村官 (选聘高校毕业生到村任职) is run centrally by the Organisation Department, and the national code
  // table's explanation of 50 names it with 特岗, 三支一扶 and 西部计划; a province's own village scheme is 51.
  village_official: GRASSROOTS,
  sanzhi_yifu: GRASSROOTS,
  western_program: GRASSROOTS,
  research_assistant: {
    group: 'policy',
    destinationCode: '27',
    intentions: ['employment', 'further_study'],
    postKinds: ['research_assistant'],
  },
  conscription: { group: 'policy', destinationCode: '46', intentions: ['military'], postKinds: [] },
  // 公益性岗位 / 扶贫公益岗位 are usually engaged by agreement rather than a labour contract: 12 其他录用形式就业
  // (11 when the county signs a labour contract; staff edit the destination on confirm).
  public_welfare: {
    group: 'policy',
    destinationCode: '12',
    intentions: ['employment'],
    postKinds: ['public_welfare'],
  },
  entrepreneurship: {
    group: 'entrepreneurship',
    destinationCode: '75',
    intentions: ['entrepreneurship'],
    postKinds: [],
  },
  zhuanshengben: { group: 'study', destinationCode: '80', intentions: ['further_study'], postKinds: [] },
  second_degree: { group: 'study', destinationCode: '80', intentions: ['further_study'], postKinds: [] },
  // training and 见习 help a graduate towards a job but are not a destination themselves
  skills_training: {
    group: 'training',
    destinationCode: null,
    intentions: ['employment', 'entrepreneurship'],
    postKinds: [],
  },
  internship: {
    group: 'internship',
    destinationCode: null,
    intentions: ['employment'],
    postKinds: ['enterprise', 'state_owned', 'public_institution'],
  },
};

/** Metadata of one kind. */
export function kindMeta(kind: TOpportunityKind): TKindMeta {
  return OPPORTUNITY_KIND_META[kind];
}

/** Whether a case's intention is one this kind serves (an unknown intention fits nothing). */
export function kindFitsIntention(kind: TOpportunityKind, intention: TIntention | null): boolean {
  return intention !== null && OPPORTUNITY_KIND_META[kind].intentions.includes(intention);
}

/** Whether a kind counts as one of the post kinds a case prefers (none preferred = nothing to fit). */
export function kindFitsPostKinds(kind: TOpportunityKind, preferred: readonly TPostKind[]): boolean {
  return OPPORTUNITY_KIND_META[kind].postKinds.some((p) => preferred.includes(p));
}

/**
 * The rules the post form pre-fills for a kind. `referenceDate` (YYYY-MM-DD) is the date ages are taken at,
 * usually the announcement's cut-off; `cohort` is the graduating year the post is for ("current cohort").
 */
export function defaultRulesFor(
  kind: TOpportunityKind,
  at: { referenceDate: string; cohort: number },
): TEligibilityRule[] {
  const maxAge = (years: number): TEligibilityRule => ({
    kind: 'max_age',
    years,
    referenceDate: at.referenceDate,
  });
  switch (kind) {
    case 'tegang':
      // 本科 and above; some provinces admit 师范类专科 for remote counties — staff lower the level there.
      // The certificate is required, though some years let recruits obtain it within the first year.
      return [maxAge(30), { kind: 'min_level', level: '本科' }, { kind: 'teacher_certificate' }];
    case 'village_official':
      return [maxAge(30), { kind: 'party_member', preferred: true }];
    case 'sanzhi_yifu':
    case 'western_program':
      return [maxAge(30)];
    case 'conscription':
      // 24 for 专科/本科 graduates; 研究生 graduates are taken to 26 — raise the limit on a post for them.
      return [maxAge(24)];
    case 'public_welfare':
      // 扶贫公益岗位 are reserved for the registered-poor group; a general 公益性岗位 removes this rule.
      return [{ kind: 'target_group_only' }];
    case 'zhuanshengben':
      return [
        { kind: 'levels', levels: ['专科'] },
        { kind: 'cohorts', cohorts: [at.cohort] },
      ];
    case 'second_degree':
      // 第二学士学位 of 2020 enrolled that year's 本科 graduates
      return [
        { kind: 'levels', levels: ['本科'] },
        { kind: 'cohorts', cohorts: [at.cohort] },
      ];
    case 'market_job':
    case 'research_assistant':
    case 'entrepreneurship':
    case 'skills_training':
    case 'internship':
      return [];
  }
}

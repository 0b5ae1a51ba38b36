/**
 * The contract between opportunities (posts, eligibility) and matching (scoring, push): the kinds of post,
 * eligibility rules as data, and the facts about a graduate that rules and the scorer read. Pure types and
 * code lists only; labels live in the web app's i18n files (zh-CN first).
 */
import type { TIntention, TPostKind } from '../ledger/codes.ts';
import type { TLevel } from '../registry/fields.ts';

/** The notice's kinds of opportunity (market job plus the policy posts, study and training routes). */
export const OPPORTUNITY_KINDS = [
  'market_job', // 市场岗位
  'tegang', // 特岗计划
  'village_official', // 大学生村官
  'sanzhi_yifu', // 三支一扶
  'western_program', // 西部计划
  'research_assistant', // 科研助理
  'conscription', // 征兵
  'public_welfare', // 公益性岗位 / 扶贫公益岗位
  'entrepreneurship', // 创业扶持
  'zhuanshengben', // 专升本
  'second_degree', // 第二学士学位
  'skills_training', // 技能培训
  'internship', // 就业见习
] as const;
export type TOpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

/** Levels ranked so that "minimum level" compares: 专科 < 本科 < 研究生. */
export const LEVEL_RANK: Record<TLevel, number> = { 专科: 1, 本科: 2, 研究生: 3 };

/**
 * Eligibility rules as data. Each rule is one hard condition (or, when `preferred`, a soft one that only
 * adds to the score and explains itself). Stored as JSON on the opportunity.
 */
export type TEligibilityRule =
  | { kind: 'max_age'; years: number; referenceDate: string } // 年龄 ≤ years at referenceDate (YYYY-MM-DD)
  | { kind: 'min_level'; level: TLevel }
  | { kind: 'levels'; levels: TLevel[] } // exactly these levels (e.g. 专升本: 专科 only)
  | { kind: 'major_categories'; codes: string[] } // 2-digit 门类/大类 or 4-digit 专业类 or 6-digit 专业 prefixes
  | { kind: 'domicile_regions'; codes: string[] } // region code prefixes: '52' province, '5224' city, '522427' county
  | { kind: 'cohorts'; cohorts: number[] }
  | { kind: 'party_member'; preferred: true } // 中共党员优先
  | { kind: 'teacher_certificate'; preferred?: boolean } // 教师资格证 (特岗: required unless preferred)
  | { kind: 'target_group_only' }; // only registered-poor / focus-county graduates (扶贫公益岗位)

/** What rules and the scorer know about one graduate (from graduate + case; never shown to employers). */
export type TCandidateFacts = {
  graduateId: string;
  cohort: number;
  birthDate: string | null; // YYYY-MM-DD
  level: TLevel | null;
  majorCode: string | null; // 6-digit 本科/专科 code or 4-digit 研究生 一级学科
  domicileCountyCode: string | null; // current GB/T 2260 code after alias mapping
  universityProvinceCode: string;
  isTarget: boolean;
  partyMember: boolean | null; // unknown when null
  teacherCertificate: boolean | null;
  // from the case's 就业需求 (null when never confirmed)
  intention: TIntention | null;
  preferredRegionCodes: string[]; // region code prefixes the graduate chose
  returnHome: boolean;
  partnerProvinceCodes: string[]; // east–west partner provinces of the domicile province
  industries: string[]; // GB/T 4754 sections
  postKinds: TPostKind[];
  salaryFloor: number | null; // yuan per month
};

/** One rule's verdict, explaining itself in both languages ("年龄31岁，超过30岁上限"). */
export type TRuleVerdict = {
  rule: TEligibilityRule['kind'];
  ok: boolean; // for preferred rules: whether the preference is satisfied
  hard: boolean; // false for preferred rules: never excludes
  reasonZh: string;
  reasonEn: string;
  /** true when a hard rule could not be checked because the graduate's fact is unknown (缺少出生日期) */
  missing?: boolean;
};

export type TEligibility = { eligible: boolean; verdicts: TRuleVerdict[] };

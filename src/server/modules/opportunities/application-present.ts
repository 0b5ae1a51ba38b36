import type { TApplicant, TMyApplication } from '../../../domain/api/opportunities.ts';
import { maskPhone } from '../../../domain/id-number.ts';
import type { TIntention, TPostKind } from '../../../domain/ledger/codes.ts';
import type {
  TApplicationSource,
  TApplicationStatus,
  TOpportunityStatus,
} from '../../../domain/opportunities/codes.ts';
import type { TCandidateFacts, TOpportunityKind } from '../../../domain/opportunities/types.ts';
import type { TLevel } from '../../../domain/registry/fields.ts';
import { parsePhone } from '../../../domain/registry/parse-values.ts';
import type { TCrypto } from '../../crypto.ts';
import type { TCaseNeeds } from '../../db/schema/index.ts';
import type {
  listSelfApplications,
  TApplicantRow,
  TApplicationRow,
  TSelfGraduate,
} from './applications.repo.ts';

/**
 * An applicant as the post's owner sees them, built field by field: name, gender, level, major, university,
 * cohort and a masked phone. Nothing else of the graduate row ever reaches an employer.
 */
export function toApplicant(row: TApplicantRow, crypto: TCrypto): TApplicant {
  let phone: string | null = null;
  if (row.phoneEncrypted) {
    try {
      const raw = crypto.decrypt(row.phoneEncrypted);
      phone = parsePhone(raw) ?? raw;
    } catch {
      phone = null;
    }
  }
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    status: row.status as TApplicationStatus,
    appliedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    name: row.name,
    gender: row.gender,
    level: row.level,
    majorName: row.majorName,
    universityName: row.universityName,
    cohort: row.cohort,
    phoneMasked: phone ? maskPhone(phone) : null,
  };
}

type TSelfAppRow = Awaited<ReturnType<typeof listSelfApplications>>[number];

export function toOwnApplication(a: TApplicationRow) {
  return {
    id: a.id,
    status: a.status as TApplicationStatus,
    source: a.source as TApplicationSource,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The graduate's own application with the post it is for. */
export function toMyApplication(r: TSelfAppRow): TMyApplication {
  return {
    ...toOwnApplication(r.app),
    opportunity: {
      id: r.post.id,
      kind: r.post.kind as TOpportunityKind,
      title: r.post.title,
      ownerName: r.ownerName,
      employerName: r.employerName,
      regionNames: r.regionNames,
      deadline: r.post.deadline,
      status: r.post.status as TOpportunityStatus,
    },
  };
}

/**
 * What eligibility reads about the graduate: the record and the case's confirmed needs, which also hold party
 * membership and the teacher certificate (null = not recorded: a hard rule on them cannot be met, a preferred
 * one only scores lower); partner provinces matter for scoring only and are left to matching.
 */
export function factsOf(g: TSelfGraduate): TCandidateFacts {
  const needs: TCaseNeeds = g.needs ?? {};
  return {
    graduateId: g.id,
    cohort: g.cohort,
    birthDate: g.birthDate,
    level: (g.level as TLevel | null) ?? null,
    majorCode: g.majorCode,
    domicileCountyCode: g.domicileCountyCode,
    universityProvinceCode: g.universityProvinceCode,
    isTarget: g.isTarget,
    partyMember: needs.partyMember ?? null,
    teacherCertificate: needs.teacherCertificate ?? null,
    intention: (g.intention as TIntention | null) ?? null,
    preferredRegionCodes: needs.regions ?? [],
    returnHome: needs.returnHome ?? false,
    partnerProvinceCodes: [],
    industries: needs.industries ?? [],
    postKinds: (needs.postKinds ?? []) as TPostKind[],
    salaryFloor: needs.salaryFloor ?? null,
  };
}

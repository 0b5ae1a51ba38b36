import { type SQL, sql } from 'drizzle-orm';
import type { TFieldAccess, TFieldContext } from '../../../domain/field-rule.ts';
import { graduate } from '../../db/schema/index.ts';

/*
 * What the field rule (domain/field-rule.ts) needs of a row, as SQL columns any statement over `graduate` can
 * select, and the registry-derived fields hidden where the rule says so. Used by the graduates list, export
 * and reveal and by the case page, so every presenter applies the same rule.
 */

/**
 * Columns of a statement that selects from `graduate`; `caseTable` names the joined `ledger_case` (the case
 * page joins it; the list joins it left).
 */
export function fieldContextColumns(caseTable: SQL = sql`ledger_case`) {
  return {
    universityProvinceCode: graduate.universityProvinceCode,
    graduateUserId: graduate.userId,
    /** the org that uploaded the registry batch the graduate was matched in */
    registryOrgId: sql<string | null>`(select rb.org_id from import_batch rb
      where rb.id = (${graduate.targetReasons} #>> '{registeredPoor,batchId}')::uuid)`,
    caseHolderOrgId: sql<string | null>`${caseTable}.holder_org_id`,
    caseStage: sql<string | null>`${caseTable}.stage`,
    caseHolderRegionCode: sql<string | null>`(select ho.region_code from org_unit ho
      where ho.id = ${caseTable}.holder_org_id)`,
  };
}

type TContextRow = {
  universityId: string;
  universityProvinceCode: string;
  domicileCountyCode: string | null;
  graduateUserId: string | null;
  isRegisteredPoor: boolean;
  targetReasons: Record<string, unknown> | null;
  registryOrgId: string | null;
  caseHolderOrgId: string | null;
  caseStage: string | null;
  caseHolderRegionCode: string | null;
};

/** The row as the field rule reads it. */
export function toFieldContext(r: TContextRow): TFieldContext {
  const entry = r.targetReasons?.registeredPoor as { countyCode?: string | null } | undefined;
  return {
    universityId: r.universityId,
    universityProvinceCode: r.universityProvinceCode,
    domicileCountyCode: r.domicileCountyCode,
    userId: r.graduateUserId,
    registry: r.isRegisteredPoor ? { orgId: r.registryOrgId, countyCode: entry?.countyCode ?? null } : null,
    case: r.caseHolderOrgId
      ? {
          holderOrgId: r.caseHolderOrgId,
          holderRegionCode: r.caseHolderRegionCode,
          handedOver: r.caseStage === 'handed_over',
        }
      : null,
  };
}

type TTargetFields = {
  difficultyCode: string | null;
  isRegisteredPoor: boolean;
  isFocusCounty: boolean;
  isTarget: boolean;
  targetReasons: Record<string, unknown> | null;
};

/**
 * The registry-derived fields (household ref and batch inside `targetReasons.registeredPoor`, difficulty
 * category, registered-poor flag) and the target flags, each kept only where the rule allows it.
 */
export function targetFieldsFor(a: TFieldAccess, r: TTargetFields) {
  const reasons = r.targetReasons ?? null;
  const shown = reasons && {
    ...(a.registry && reasons.registeredPoor ? { registeredPoor: reasons.registeredPoor } : {}),
    ...(a.flags && reasons.focusCounty ? { focusCounty: reasons.focusCounty } : {}),
  };
  return {
    difficultyCode: a.registry ? r.difficultyCode : null,
    isRegisteredPoor: a.registry ? r.isRegisteredPoor : null,
    isFocusCounty: a.flags ? r.isFocusCounty : null,
    isTarget: a.flags ? r.isTarget : null,
    targetReasons: shown && Object.keys(shown).length > 0 ? shown : null,
  };
}

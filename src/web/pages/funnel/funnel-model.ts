import {
  FUNNEL_GROUPS,
  FUNNEL_STAGES,
  type TFunnelGroup,
  type TFunnelRow,
} from '../../../domain/api/matching.ts';
import type { TFunnelSearch } from '../../api/matching.ts';

/*
 * The funnel page's arithmetic and URL state: each stage as a share of the pushes and of the stage before, and
 * the filters read from (and written to) the address bar. Pure, tested without a browser.
 */

export type TStage = (typeof FUNNEL_STAGES)[number];
export type TStageCounts = Pick<TFunnelRow, TStage>;

export type TStageBar = {
  stage: TStage;
  count: number;
  /** % of the pushes (the bar's width), one decimal */
  ofPushed: number;
  /** % of the stage before; null for the first stage */
  ofPrevious: number | null;
};

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** The stages in order with their shares. */
export function stageBars(counts: TStageCounts): TStageBar[] {
  return FUNNEL_STAGES.map((stage, i) => {
    const previous = i === 0 ? null : FUNNEL_STAGES[i - 1]!;
    return {
      stage,
      count: counts[stage],
      ofPushed: pct(counts[stage], counts.pushed),
      ofPrevious: previous === null ? null : pct(counts[stage], counts[previous]),
    };
  });
}

/** Hired as a share of pushed (the table's last column). */
export function hiredRate(counts: TStageCounts): number {
  return pct(counts.hired, counts.pushed);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The page's search from the URL; anything malformed falls back to the default rather than reaching the API. */
export function readFunnelSearch(params: URLSearchParams): TFunnelSearch {
  const groupBy = params.get('groupBy');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const cohort = Number(params.get('cohort'));
  const size = Number(params.get('pageSize'));
  return {
    groupBy: FUNNEL_GROUPS.find((g) => g === groupBy) ?? ('university' satisfies TFunnelGroup),
    page: Math.max(1, Math.floor(Number(params.get('page')) || 1)),
    pageSize: [10, 20, 50, 100].includes(size) ? size : 20,
    from: DATE.test(from) ? from : undefined,
    to: DATE.test(to) ? to : undefined,
    cohort: Number.isInteger(cohort) && cohort >= 2000 && cohort <= 2100 ? cohort : undefined,
  };
}

/** The URL of a search: defaults left out so the plain /funnel stays plain. */
export function writeFunnelSearch(s: TFunnelSearch): URLSearchParams {
  const out = new URLSearchParams();
  if (s.groupBy !== 'university') out.set('groupBy', s.groupBy);
  if (s.page > 1) out.set('page', String(s.page));
  if (s.pageSize !== 20) out.set('pageSize', String(s.pageSize));
  if (s.from) out.set('from', s.from);
  if (s.to) out.set('to', s.to);
  if (s.cohort !== undefined) out.set('cohort', String(s.cohort));
  return out;
}

import { dueItems, evaluateSiqing } from '../src/domain/ledger/clock.ts';
import { DEFAULT_LEDGER_RULES as rules } from '../src/domain/ledger/rules.ts';
import { toCaseListItem } from '../src/server/modules/ledger/case-present.ts';
const now = new Date();
const d = (days: number) => new Date(now.getTime() - days * 86400000);
const r: any = { id: 'x', graduateId: 'y', name: '张三', gender: 'M', universityName: 'u', collegeName: 'c', className: 'k', majorName: 'm', level: 'l', domicileName: 'd', holderOrgName: 'h', helperName: 'h',
 cohort: 2026, stage: 'school', status: 'seeking', openedAt: d(100), intention: 'employment', needsConfirmedAt: d(20), profileVerifiedAt: d(50), hasPhone: true, lastMeasureAt: d(10), lastContactAt: d(5), nextFollowUpDue: null, progressUpdatedAt: d(7), destinationCode: null, pairedAt: d(90), total: 64 };
function bench(name: string, f: () => unknown) {
  for (let i = 0; i < 20000; i++) f();
  const n = 200000; const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name.padEnd(20), ((performance.now() - t) / n * 1000).toFixed(2), 'µs');
}
bench('evaluateSiqing', () => evaluateSiqing(r, rules, now));
bench('dueItems', () => dueItems(r, rules, now));
bench('toCaseListItem', () => toCaseListItem(r, rules, now));
bench('toISOString', () => now.toISOString());

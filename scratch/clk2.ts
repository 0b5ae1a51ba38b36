import { leavingDate, DEFAULT_LEDGER_RULES as rules } from '../src/domain/ledger/rules.ts';
import { isActive } from '../src/domain/ledger/clock.ts';
function bench(name: string, f: () => unknown) {
  for (let i = 0; i < 20000; i++) f();
  const n = 200000; const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name.padEnd(20), ((performance.now() - t) / n * 1000).toFixed(2), 'µs');
}
const now = new Date();
bench('leavingDate', () => leavingDate(2026, rules));
bench('isActive', () => isActive({ status: 'seeking', destinationCode: null }));
const items = [{ rule: 'a', dueAt: new Date(now.getTime() + 5) }, { rule: 'b', dueAt: new Date(now.getTime() - 5) }, { rule: 'c', dueAt: new Date(now.getTime() + 9) }];
bench('map spread', () => items.map((i) => { const late = now.getTime() - i.dueAt.getTime(); return { ...i, overdue: late > 0, daysOverdue: late > 0 ? Math.floor(late / 86400000) : 0 }; }));
bench('sort', () => items.slice().sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()));
bench('new Date x4', () => { new Date(1); new Date(2); new Date(3); return new Date(4); });

import { z } from 'zod';
import { ZPage } from '../src/domain/api/common.ts';
import { ZCaseListItem } from '../src/domain/api/ledger.ts';
const item = {
  id: '92439928-5f87-4b83-9951-caa14528fe0e', graduateId: '92439928-5f87-4b83-9951-caa14528fe0f', name: '张三丰', gender: 'M', cohort: 2026,
  universityName: '贵州大学', collegeName: '计算机科学与技术学院', className: '计科2001班', majorName: '计算机科学与技术', level: 'undergraduate',
  domicileName: '威宁彝族回族苗族自治县', status: 'seeking', stage: 'school', holderOrgName: '贵州大学', intention: 'employment', helperName: '王副校长',
  lastContactAt: '2026-05-01T02:00:00.000Z', daysSinceContact: 12,
  due: [{ rule: 'follow_up', dueAt: '2026-05-15T02:00:00.000Z', overdue: true, daysOverdue: 3 }, { rule: 'measure', dueAt: '2026-05-25T02:00:00.000Z', overdue: false, daysOverdue: 0 }],
  siqing: { profile: true, needs: false, measures: true, progress: false },
};
const page = { items: Array.from({ length: 20 }, () => structuredClone(item)), total: 64, page: 1, pageSize: 20 };
const S = ZPage(ZCaseListItem);
const r0 = S.safeParse(page); if (!r0.success) { console.log(r0.error); process.exit(1); }
function bench(name: string, f: () => unknown) {
  for (let i = 0; i < 2000; i++) f();
  const n = 20000; const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name, ((performance.now() - t) / n * 1000).toFixed(1), 'µs');
}
bench('stringify', () => JSON.stringify(page));
bench('zod encode+stringify', () => JSON.stringify(z.encode(S, page)));
bench('zod safeParse', () => S.safeParse(page));

function bench(name, f) {
  for (let i = 0; i < 20000; i++) f();
  const n = 200000; const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name.padEnd(20), ((performance.now() - t) / n * 1000).toFixed(2), 'µs');
}
const now = new Date();
const items = [{ rule: 'a', dueAt: new Date(now.getTime() + 5) }, { rule: 'b', dueAt: new Date(now.getTime() - 5) }, { rule: 'c', dueAt: new Date(now.getTime() + 9) }];
bench('map spread', () => items.map((i) => { const late = now.getTime() - i.dueAt.getTime(); return { ...i, overdue: late > 0, daysOverdue: late > 0 ? Math.floor(late / 86400000) : 0 }; }));
bench('map explicit', () => items.map((i) => { const late = now.getTime() - i.dueAt.getTime(); return { rule: i.rule, dueAt: i.dueAt, overdue: late > 0, daysOverdue: late > 0 ? Math.floor(late / 86400000) : 0 }; }));

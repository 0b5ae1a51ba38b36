function bench(name, f) {
  for (let i = 0; i < 20000; i++) f();
  const n = 200000; const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name.padEnd(20), ((performance.now() - t) / n * 1000).toFixed(3), 'µs');
}
let i=0;
const strs = Array.from({length: 100}, (_, k) => `2026-05-${String(k%28+1).padStart(2,'0')} 10:0${k%10}:00.12345+00`);
bench('Date parse pg', () => new Date(strs[(i++)%100]));
const { Column } = await import('drizzle-orm');
const { is, SQL, sql } = await import('drizzle-orm');
const s = sql`x`;
bench('is(SQL, Column)', () => is(s, Column));

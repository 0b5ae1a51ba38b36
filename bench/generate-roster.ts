/**
 * Write one big synthetic roster CSV for the import benchmark (issue 3): the demo generator's graduates (valid
 * IDs, current and historical county codes, real majors), streamed to disk so memory stays bounded whatever the
 * row count.
 *
 * Run: node --import tsx bench/generate-roster.ts --rows 1000000 --out /tmp/roster.csv
 *      [--university U-10657|10657] [--cohort 2020] [--seed 1] [--dirty]
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_POOR_RATES, DEFAULT_SHARES, writeRoster } from '../src/server/seed/demo-graduates.ts';
import { readDemoUniversities } from '../src/server/seed/demo-orgs.ts';
import { DemoPopulation } from '../src/server/seed/demo-population.ts';
import { Prng } from '../src/server/seed/prng.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    out: { type: 'string' },
    university: { type: 'string', default: 'U-10657' },
    cohort: { type: 'string', default: '2020' },
    seed: { type: 'string', default: '1' },
    dirty: { type: 'boolean', default: false },
  },
});

const rows = Number(values.rows);
const cohort = Number(values.cohort);
const code = values.university!;
const university = readDemoUniversities().find((u) => u.code === code || u.moeCode === code);
if (!values.out || !Number.isInteger(rows) || rows < 0 || !Number.isInteger(cohort) || !university) {
  console.error(
    'usage: node --import tsx bench/generate-roster.ts --rows N --out FILE [--university CODE] [--cohort YEAR] ' +
      '[--seed N] [--dirty]\n  CODE: a demo university (reference/demo/universities.csv), e.g. U-10657 or 10657',
  );
  process.exit(2);
}

const started = performance.now();
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
const population = new DemoPopulation(new Prng(Number(values.seed)), {
  cohort,
  shares: DEFAULT_SHARES,
  poorRates: DEFAULT_POOR_RATES,
});
const out = path.resolve(values.out);
const written = await writeRoster(population, university, rows, out, { dirty: values.dirty });
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const seconds = (performance.now() - started) / 1000;
console.error(
  `${out}: ${written.rows.toLocaleString('en')} rows of ${university.name} (${university.code}), ` +
    `${(statSync(out).size / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s, peak RSS ${Math.round(peakRss / 1e6)} MB`,
);
for (const d of written.dirtyRows) console.error(`  dirty row ${d.rowNo}: ${d.field} → ${d.code}`);

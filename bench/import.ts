/**
 * Import benchmark (issue 3): a generated roster CSV imported end to end (parse, validate, hash, encrypt, stage,
 * classify, commit, match) on PostgreSQL and on PGlite; in the same run, raw `COPY` of the same file into a bare
 * table of text columns. Each engine runs in its own child process so its peak RSS is its own.
 *
 * Run: npm run bench:import -- [--rows 1000000] [--engines postgres,pglite] [--pg postgres://postgres@127.0.0.1:5432]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    engines: { type: 'string', default: 'postgres,pglite' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    child: { type: 'string' },
    file: { type: 'string' },
  },
});

if (values.child) {
  const { runEngine } = await import('./import-engine.ts');
  console.log(
    JSON.stringify(await runEngine(values.child as 'postgres' | 'pglite', values.file!, values.pg!)),
  );
  process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-bench-import-'));
const file = path.join(dir, 'roster.csv');
try {
  const gen = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/generate-roster.ts', '--rows', values.rows!, '--out', file],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (gen.status !== 0) throw new Error('generating the roster failed');
  const mb = statSync(file).size / 1024 / 1024;
  console.log(`roster: ${values.rows} rows, ${mb.toFixed(0)} MB\n`);
  console.log(
    '| engine | rows | import (s) | import rows/s | raw COPY (s) | COPY rows/s | import / COPY | peak RSS (MB) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const engine of values.engines!.split(',')) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/import.ts', '--child', engine, '--file', file, '--pg', values.pg!],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1e7 },
    );
    if (child.status !== 0) throw new Error(`${engine} run failed`);
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
    console.log(
      `| ${engine} | ${r.rows} | ${r.importS.toFixed(1)} | ${rate(r.rows, r.importS)} | ${r.copyS.toFixed(1)} | ${rate(r.rows, r.copyS)} | ${Math.round((100 * r.copyS) / r.importS)} % | ${r.peakRssMb} |`,
    );
    const ceiling = r.rows / (r.parseS + r.floorS);
    console.log(
      `|  | floor (parse ${r.parseS.toFixed(1)} s + encrypt/hash ${r.floorS.toFixed(1)} s, one core): ${rate(r.rows, r.parseS + r.floorS)} rows/s = ${((100 * ceiling) / (r.rows / r.copyS)).toFixed(1)} % of COPY | | | | | | |`,
    );
    console.log(
      `|  | stage ${r.stageS.toFixed(1)} s · commit ${r.commitS.toFixed(1)} s · counts ${JSON.stringify(r.counts)} | | | | | | |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

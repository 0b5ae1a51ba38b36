import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../domain/id-number.ts';
import { loadConfig } from '../server/config.ts';
import { systemClock } from '../server/context.ts';
import { createCrypto } from '../server/crypto.ts';
import { openDatabase } from '../server/db/open.ts';
import { seedDemo } from '../server/seed/demo.ts';
import { CapturingSmsProvider } from '../server/sms/capturing-provider.ts';
import { createCliHarness } from './cli-test-harness.ts';

/*
 * The CLI end to end, as a separate process: embedded PGlite in a temporary DATA_DIR, or a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set. The demo orgs and accounts are seeded first, without graduates.
 */

const cli = createCliHarness('import');
const { dir } = cli;
const bangfu = cli.run;

function writeFile(name: string, lines: string[]) {
  const p = path.join(dir, name);
  writeFileSync(p, `\uFEFF${lines.join('\r\n')}\r\n`);
  return p;
}

const weining = makeIdNumber('522427', '19990315', 123); // 威宁 under its historical code: focus county
const guiyang = makeIdNumber('520102', '19981101', 312);
const zunyi = makeIdNumber('520302', '19990707', 245);
const female = makeIdNumber('520103', '19990101', 246);

let roster: string;

beforeAll(async () => {
  const env = await cli.prepare();
  const config = loadConfig(env);
  const database = await openDatabase(config, 'import.command.test seed');
  try {
    const deps = {
      config,
      database,
      crypto: createCrypto(config.secretKey),
      clock: systemClock,
      sms: new CapturingSmsProvider(),
    };
    await seedDemo(deps, { onlyIfEmpty: true, size: 0 });
  } finally {
    await database.close();
  }
  roster = writeFile('roster.csv', [
    '贵州大学2020届毕业生生源信息表,,,,,,,',
    '姓名,身份证号码,性别,学历层次,院系,班级,专业名称,生源地代码',
    `张三,${weining},男,本科,计算机科学与技术学院,计科2001班,计算机科学与技术,`,
    `李四,${guiyang},女,本科,计算机科学与技术学院,计科2001班,计算机科学与技术,520102`,
    `王五,${zunyi},男,研究生,农学院,作物研2001班,作物学,520302`,
    `赵六,5.22427E+17,男,本科,农学院,农学2001班,农学,`,
    `钱七,${female},男,本科,农学院,农学2001班,农学,520103`,
  ]);
}, 120_000);

afterAll(async () => {
  await cli.cleanup();
});

describe('bangfu import', () => {
  it('stages a roster and prints one JSON object with row, column and code of each error', async () => {
    const r = await bangfu(
      'import',
      'roster',
      roster,
      '--university',
      'U-10657',
      '--cohort',
      '2020',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('gzu_admin');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(
      [
        'batchId',
        'status',
        'total',
        'valid',
        'new',
        'updated',
        'unchanged',
        'review',
        'targetMatched',
        'errorRows',
        'errors',
      ].sort(),
    );
    expect(out).toMatchObject({
      status: 'staged',
      total: 5,
      valid: 3,
      new: 3,
      targetMatched: 1,
      errorRows: 2,
    });
    expect(out.errors).toEqual([
      {
        row: 6,
        column: '身份证号码',
        code: 'id_excel_scientific',
        message: expect.stringContaining('Excel'),
      },
      { row: 7, column: '性别', code: 'gender_mismatch', message: expect.any(String) },
    ]);
  });

  it('commits with --commit; the same file again changes nothing', async () => {
    const args = [
      'import',
      'roster',
      roster,
      '--university',
      '10657',
      '--cohort',
      '2020',
      '--commit',
      '--json',
    ];
    const first = await bangfu(...args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'committed', new: 3, errorRows: 2 });
    const again = await bangfu(...args);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'committed', new: 0, unchanged: 3 });
  });

  it('imports the registry as the first poverty-office account and matches a graduate', async () => {
    const file = writeFile('registry.csv', [
      '身份证号,所在县代码,户编号,脱贫年度',
      `${zunyi},520302,5203021010010001,2018`,
      `${makeIdNumber('520526', '19700101', 111)},520526,5205261010010002,`,
    ]);
    const r = await bangfu('import', 'registry', file, '--commit', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('gz_fupin');
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'committed', total: 2, new: 2, targetMatched: 1 });
  });

  it('prints a bilingual summary with 第N行「列」代码 lines without --json', async () => {
    const r = await bangfu('import', 'roster', roster, '--university', 'U-10657', '--cohort', '2020');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第6行「身份证号码」id_excel_scientific：');
    expect(r.stdout).toContain('第7行「性别」gender_mismatch：');
    expect(r.stdout).toContain('unchanged');
  });

  it('exits 1 for an empty file, still with the JSON object', async () => {
    const empty = writeFile('empty.csv', []);
    writeFileSync(empty, '');
    const r = await bangfu(
      'import',
      'roster',
      empty,
      '--university',
      'U-10657',
      '--cohort',
      '2020',
      '--json',
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: 'failed',
      errors: [],
      failure: { code: 'empty_file' },
    });
  });

  it('exits 1 when the account may not import for that university', async () => {
    const args = [
      'import',
      'roster',
      roster,
      '--university',
      'U-10001',
      '--cohort',
      '2020',
      '--as',
      'gz_edu',
    ];
    const r = await bangfu(...args, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      batchId: null,
      status: 'refused',
      failure: { code: 'forbidden' },
    });
  });

  it('exits 2 for usage errors', async () => {
    const noCohort = await bangfu('import', 'roster', roster, '--university', 'U-10657', '--json');
    expect(noCohort.code).toBe(2);
    expect(noCohort.stdout).toBe('');
    const noAdmin = await bangfu('import', 'roster', roster, '--university', 'U-10610', '--cohort', '2020');
    expect(noAdmin.code).toBe(2);
    expect(noAdmin.stderr).toContain('--as');
  });
});

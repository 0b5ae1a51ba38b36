import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData, REFERENCE_DIR } from '../modules/orgs/reference.loader.ts';
import { createTestDeps, type TTestDeps } from '../test/test-deps.ts';
import { MIGRATIONS_DIR } from './client.ts';
import { meta } from './schema/index.ts';

let deps: TTestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(() => deps.close());

/** Raw rows from either driver (PGlite and node-postgres both answer with `rows`). */
async function rows<T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await deps.database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function countOf(table: string): Promise<number> {
  const [row] = await rows<{ n: unknown }>(sql`select count(*) as n from ${sql.identifier(table)}`);
  return Number(row!.n);
}

const appliedMigrations = async () => {
  const [row] = await rows<{ n: unknown }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
  return Number(row!.n);
};

const csvRows = (file: string) =>
  parse(readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }).length as number;

describe('migrated schema', () => {
  it('has the foundation tables', async () => {
    const tables = (
      await rows<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'region',
        'region_alias',
        'focus_list',
        'focus_list_county',
        'code_entry',
        'support_pair',
        'org_unit',
        'meta',
        'app_user',
        'user_session',
        'counselor_class',
        'audit_event',
        'graduate',
        'helper_pairing',
        'referral',
        'application',
      ]),
    );
  });

  it('has the append-only triggers on audit_event', async () => {
    const triggers = await rows<{ tgname: string }>(
      sql`select tgname from pg_trigger where tgrelid = 'audit_event'::regclass and not tgisinternal order by tgname`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual(['audit_event_no_truncate', 'audit_event_no_update']);
  });

  it('recorded every migration of the journal', async () => {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(journal.entries.length).toBeGreaterThanOrEqual(2);
    expect(await appliedMigrations()).toBe(journal.entries.length);
  });

  it('migrating again is a no-op', async () => {
    const before = await appliedMigrations();
    const users = await countOf('app_user');
    await expect(deps.database.migrate()).resolves.toBeUndefined();
    expect(await appliedMigrations()).toBe(before);
    expect(await countOf('app_user')).toBe(users);
  });
});

describe('reference data', () => {
  it('is loaded: every region, the 52 focus counties, the code tables, the support pairs and the university list', async () => {
    expect(await countOf('region')).toBe(3348);
    expect(await countOf('region')).toBe(csvRows('regions.csv'));
    const [provinces] = await rows<{ n: unknown }>(sql`select count(*) as n from region where level = 1`);
    expect(Number(provinces!.n)).toBe(31);
    expect(await countOf('focus_list')).toBe(1);
    expect(await countOf('focus_list_county')).toBe(52);
    expect(await countOf('support_pair')).toBe(csvRows('support-pairs-2016.csv'));
    expect(await countOf('code_entry')).toBe(
      csvRows('destination-codes.csv') +
        csvRows('difficulty-categories.csv') +
        csvRows('employer-nature-codes.csv') +
        csvRows('majors-undergraduate.csv') +
        csvRows('majors-vocational.csv') +
        csvRows('universities-2020.csv'),
    );
  });

  it('loading again changes nothing', async () => {
    const before = await Promise.all(
      ['region', 'region_alias', 'focus_list_county', 'code_entry'].map(countOf),
    );
    expect(await loadReferenceData(deps.database.db)).toEqual({ loaded: [] });
    expect(
      await Promise.all(['region', 'region_alias', 'focus_list_county', 'code_entry'].map(countOf)),
    ).toEqual(before);
  });

  it('reloads a file whose recorded checksum differs, without duplicating rows', async () => {
    const tables = [
      'region',
      'region_alias',
      'focus_list',
      'focus_list_county',
      'support_pair',
      'code_entry',
    ];
    const before = await Promise.all(tables.map(countOf));
    await deps.database.db.delete(meta).where(like(meta.key, 'reference:%'));
    const { loaded } = await loadReferenceData(deps.database.db);
    expect(loaded.sort()).toEqual(
      [
        'regions.csv',
        'focus-counties-2020.csv',
        'support-pairs-2016.csv',
        'destination-codes.csv',
        'difficulty-categories.csv',
        'employer-nature-codes.csv',
        'majors-undergraduate.csv',
        'majors-vocational.csv',
        'universities-2020.csv',
      ].sort(),
    );
    expect(await Promise.all(tables.map(countOf))).toEqual(before);
    expect(await loadReferenceData(deps.database.db)).toEqual({ loaded: [] });
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { buildApp } from '../../app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let admin: string;
let otherAdmin: string;
let counselor: string;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.config.dataDir = mkdtempSync(path.join(tmpdir(), 'bangfu-uploads-'));
  app = await buildApp(deps);
  const uni = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  const other = await buildOrg(deps, { kind: 'university', regionCode: '520100' });
  admin = await loginAs(app, (await buildUser(deps, uni, ['university_admin'])).username);
  otherAdmin = await loginAs(app, (await buildUser(deps, other, ['university_admin'])).username);
  counselor = await loginAs(app, (await buildUser(deps, uni, ['counselor'])).username);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

function upload(
  cookie: string,
  csv: string | Uint8Array<ArrayBuffer>,
  query = 'kind=roster&cohort=2020',
  fileName = '名单.csv',
) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), fileName);
  return app.inject({ method: 'POST', url: `/api/imports?${query}`, headers: { cookie }, payload: form });
}

async function settled(cookie: string, id: string) {
  await app.importJobs.drain();
  return (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } })).json();
}

const id1 = makeIdNumber('522427', '20000315', 123);
const id2 = makeIdNumber('520102', '20000101', 311);

describe('import routes', () => {
  it('uploads, stages in the background, previews errors and commits', async () => {
    const csv = `姓名,身份证号,学历\n张三,${id1},本科\n李四,${id2},大专\n王五,5.22427E+17,本科\n`;
    const res = await upload(admin, csv);
    expect(res.statusCode).toBe(202);
    const accepted = res.json();
    expect(accepted).toMatchObject({ status: 'parsing', fileName: '名单.csv', kind: 'roster' });
    const batch = await settled(admin, accepted.id);
    expect(batch).toMatchObject({
      status: 'staged',
      counts: { total: 3, new: 2, errors: 1 },
      headers: ['姓名', '身份证号', '学历'],
    });
    const errors = (
      await app.inject({
        method: 'GET',
        url: `/api/imports/${accepted.id}/rows?status=error`,
        headers: { cookie: admin },
      })
    ).json();
    expect(errors.items).toEqual([
      expect.objectContaining({
        rowNo: 4,
        status: 'error',
        errors: [expect.objectContaining({ field: 'idNumber', code: 'id_excel_scientific' })],
      }),
    ]);
    const fresh = (
      await app.inject({
        method: 'GET',
        url: `/api/imports/${accepted.id}/rows?status=new`,
        headers: { cookie: admin },
      })
    ).json();
    expect(fresh.items[0].preview).toMatchObject({ name: '张三', domicileCode: '520526', level: '本科' });
    expect(JSON.stringify(fresh)).not.toContain(id1);
    const committed = await app.inject({
      method: 'POST',
      url: `/api/imports/${accepted.id}/commit`,
      headers: { cookie: admin },
    });
    expect(committed.json().status).toBe('committed');
    const list = (
      await app.inject({ method: 'GET', url: '/api/graduates', headers: { cookie: admin } })
    ).json();
    expect(list.total).toBe(2);
  });

  it('lets the user name the header row and columns when none was recognised', async () => {
    const csv = `名字,证件,层次\n孙七,${makeIdNumber('520526', '19980808', 155)},本科\n`;
    const first = await settled(admin, (await upload(admin, csv)).json().id);
    expect(first.status).toBe('failed');
    expect(first.failure).toContain('表头');
    const res = await app.inject({
      method: 'POST',
      url: `/api/imports/${first.id}/remap`,
      headers: { cookie: admin },
      payload: { mapping: { name: 0, idNumber: 1, level: 2 }, headerRow: 1 },
    });
    expect(res.statusCode).toBe(202);
    expect(await settled(admin, res.json().id)).toMatchObject({ status: 'staged', counts: { new: 1 } });
    expect((await settled(admin, first.id)).status).toBe('discarded');
  });

  it('re-stages a staged batch with a corrected mapping', async () => {
    const csv = `姓名,身份证号,学历,备注\n赵六,${makeIdNumber('520526', '19990601', 244)},本科,专科\n`;
    const first = await settled(admin, (await upload(admin, csv)).json().id);
    expect(first.mapping).toMatchObject({ level: 2 });
    const res = await app.inject({
      method: 'POST',
      url: `/api/imports/${first.id}/remap`,
      headers: { cookie: admin },
      payload: { mapping: { name: 0, idNumber: 1, level: 3 } },
    });
    expect(res.statusCode).toBe(202);
    const second = await settled(admin, res.json().id);
    expect(second).toMatchObject({ status: 'staged', mapping: { level: 3 } });
    const rows = (
      await app.inject({ method: 'GET', url: `/api/imports/${second.id}/rows`, headers: { cookie: admin } })
    ).json();
    expect(rows.items[0].preview.level).toBe('专科');
    expect((await settled(admin, first.id)).status).toBe('discarded');
  });

  it('refuses an unsupported file with a specific reason', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const res = await upload(admin, png, 'kind=roster&cohort=2020', 'photo.csv');
    const batch = await settled(admin, res.json().id);
    expect(batch.status).toBe('failed');
    expect(batch.failure).toMatch(/xlsx|CSV/i);
  });

  it('keeps batches to their university and importers', async () => {
    const mine = (await upload(admin, `姓名,身份证号,学历\n张三,${id1},本科\n`)).json();
    await app.importJobs.drain();
    const peek = await app.inject({
      method: 'GET',
      url: `/api/imports/${mine.id}`,
      headers: { cookie: otherAdmin },
    });
    expect(peek.statusCode).toBe(404);
    const commit = await app.inject({
      method: 'POST',
      url: `/api/imports/${mine.id}/commit`,
      headers: { cookie: otherAdmin },
    });
    expect(commit.statusCode).toBe(404);
    const list = (
      await app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: otherAdmin } })
    ).json();
    expect(list.items.map((b: { id: string }) => b.id)).not.toContain(mine.id);
    expect((await upload(counselor, 'x')).statusCode).toBe(403);
    expect((await upload(admin, 'x', 'kind=registry')).statusCode).toBe(403);
  });

  it('downloads the error rows as a workbook, only for the batch owner, and the template', async () => {
    const res = await upload(admin, `姓名,身份证号,学历\n甲,123,本科\n`);
    await app.importJobs.drain();
    const wb = await app.inject({
      method: 'GET',
      url: `/api/imports/${res.json().id}/error-workbook`,
      headers: { cookie: admin },
    });
    expect(wb.statusCode).toBe(200);
    expect(wb.headers['content-type']).toContain('spreadsheetml');
    expect(wb.headers['content-disposition']).toContain(encodeURIComponent('名单（错误行）.xlsx'));
    const denied = await app.inject({
      method: 'GET',
      url: `/api/imports/${res.json().id}/error-workbook`,
      headers: { cookie: otherAdmin },
    });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe('not_found');
    const template = await app.inject({
      method: 'GET',
      url: '/api/imports/templates/roster?cohort=2020',
      headers: { cookie: admin },
    });
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('saves a corrected mapping as the organisation template and maps the next upload with it', async () => {
    const csv = (n: number) =>
      `名字,证件,层次\n学生${n},${makeIdNumber('520526', '19970707', 400 + n)},本科\n`;
    const failed = await settled(admin, (await upload(admin, csv(1))).json().id);
    expect(failed.status).toBe('failed');
    const remapped = await app.inject({
      method: 'POST',
      url: `/api/imports/${failed.id}/remap`,
      headers: { cookie: admin },
      payload: { mapping: { name: 0, idNumber: 1, level: 2 }, headerRow: 1 },
    });
    const staged = await settled(admin, remapped.json().id);
    const saved = await app.inject({
      method: 'POST',
      url: `/api/imports/${staged.id}/mapping-template`,
      headers: { cookie: admin },
      payload: { name: '本校生源表' },
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().headers).toEqual({ name: '名字', idNumber: '证件', level: '层次' });
    // the same odd headers are now recognised for this university, not for another one
    expect(await settled(admin, (await upload(admin, csv(2))).json().id)).toMatchObject({ status: 'staged' });
    expect((await settled(otherAdmin, (await upload(otherAdmin, csv(3))).json().id)).status).toBe('failed');
  });

  it('refuses a file with a header but no data rows, saying so', async () => {
    const batch = await settled(admin, (await upload(admin, '姓名,身份证号,学历\n')).json().id);
    expect(batch).toMatchObject({ status: 'failed' });
    expect(batch.failure).toContain('没有数据行');
  });

  it('shows what an updated row changes, before and after', async () => {
    const id = makeIdNumber('520526', '19950505', 321);
    const first = await settled(
      admin,
      (await upload(admin, `姓名,身份证号,学历,专业名称\n钱多,${id},本科,农学\n`)).json().id,
    );
    await app.inject({ method: 'POST', url: `/api/imports/${first.id}/commit`, headers: { cookie: admin } });
    const second = await settled(
      admin,
      (await upload(admin, `姓名,身份证号,学历,专业名称\n钱多,${id},本科,园艺\n`)).json().id,
    );
    expect(second.counts).toMatchObject({ updated: 1 });
    const rows = (
      await app.inject({
        method: 'GET',
        url: `/api/imports/${second.id}/rows?status=updated`,
        headers: { cookie: admin },
      })
    ).json();
    expect(rows.items[0].changes).toEqual([{ field: 'majorName', before: '农学', after: '园艺' }]);
  });

  it('requires a cohort for rosters', async () => {
    const res = await upload(admin, `姓名,身份证号,学历\n张三,${id1},本科\n`, 'kind=roster');
    expect(res.statusCode).toBe(400);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { caseFile } from '../../db/schema/index.ts';
import { loginAs } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildLedgerWorld } from './ledger-test-world.ts';

/*
 * Uploaded file names lose bidi overrides and control characters where they are stored and where they are sent
 * back in Content-Disposition (cleanFileName, src/domain/file-name.ts): `probe\u202egpj.pdf` would otherwise
 * display as `probefdp.jpg` in the case page, the import list and the browser's download bar.
 */

const TRICK = 'probe\u202egpj\u0007.pdf';
const CLEAN = 'probegpj.pdf';

let deps: TTestDeps;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildLedgerWorld>>;
let counselor: string;
let admin: string;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.config.dataDir = mkdtempSync(path.join(tmpdir(), 'bangfu-upload-names-'));
  app = await buildApp(deps);
  world = await buildLedgerWorld(deps);
  counselor = await loginAs(app, world.counselor.username);
  admin = await loginAs(app, world.admin.username);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const upload = (url: string, cookie: string, content: BlobPart, name: string) => {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  return app.inject({ method: 'POST', url, headers: { cookie }, payload: form });
};

describe('uploaded file names', () => {
  it('an evidence file is stored and answered under its cleaned name, and downloaded under it', async () => {
    const { caseId } = await world.addCase();
    const res = await upload(`/api/cases/${caseId}/files`, counselor, '%PDF-1.4\n%offer\n', TRICK);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe(CLEAN);
    const [row] = await deps.database.db.select().from(caseFile).where(eq(caseFile.id, res.json().id));
    expect(row!.name).toBe(CLEAN);

    const file = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/files/${res.json().id}`,
      headers: { cookie: counselor },
    });
    expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${CLEAN}`);
  });

  it('a name stored before the rule is cleaned in Content-Disposition on download', async () => {
    const { caseId } = await world.addCase();
    const res = await upload(`/api/cases/${caseId}/files`, counselor, '%PDF-1.4\n%offer\n', 'old.pdf');
    await deps.database.db.update(caseFile).set({ name: TRICK }).where(eq(caseFile.id, res.json().id));
    const file = await app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/files/${res.json().id}`,
      headers: { cookie: counselor },
    });
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toBe(
      `attachment; filename*=UTF-8''${CLEAN}`,
    );
  });

  it('an import batch keeps the cleaned name of the uploaded roster', async () => {
    const res = await upload(
      '/api/imports?kind=roster&cohort=2020',
      admin,
      '姓名,身份证号,学历\n',
      '名单\u202ev\u0000sc.csv',
    );
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().fileName).toBe('名单vsc.csv');
    await app.importJobs.drain();
    const batch = await app.inject({
      method: 'GET',
      url: `/api/imports/${res.json().id}`,
      headers: { cookie: admin },
    });
    expect(batch.json().fileName).toBe('名单vsc.csv');
  });
});

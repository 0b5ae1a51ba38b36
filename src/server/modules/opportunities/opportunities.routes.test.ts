import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditEvent } from '../../db/schema/index.ts';
import { buildOrg, loginAs, type TOrgRow } from '../../test/factories.ts';
import { createTestDeps, type TTestDeps } from '../../test/test-deps.ts';
import { buildOpportunityWorld, postBody } from './opportunities-test-world.ts';

let deps: TTestDeps;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof buildOpportunityWorld>>;
let acme: Awaited<ReturnType<typeof w.addEmployer>>;
let weiningOrg: TOrgRow;

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp(deps);
  w = await buildOpportunityWorld(deps, app);
  acme = await w.addEmployer('acme');
  await w.addEmployer('rival');
  await w.addEmployer('waiting', { status: 'pending' });
  weiningOrg = await buildOrg(deps, { kind: 'county_hrss', regionCode: '520526', name: '威宁县人社局' });
  await w.signIn('weining', weiningOrg, ['county_hrss']);
  await w.signIn('gzHrss', await buildOrg(deps, { kind: 'province_hrss', regionCode: '520000' }), [
    'province_hrss',
  ]);
  w.cookies.set('counselor', await loginAs(app, w.ledger.counselor.username));
  await w.addGraduate('grad');
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

async function create(as: string, body: Record<string, unknown>, base = '/api/opportunities') {
  const res = await w.post(as, base, postBody(body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
}

async function open(as: string, id: string, version: number, base = '/api/opportunities') {
  const res = await w.post(as, `${base}/${id}/status`, { status: 'open', version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number };
}

describe('staff posts', () => {
  it('a draft reaches only its owner; opened, everyone with opportunities.read sees it', async () => {
    const post = await create('weining', {
      kind: 'tegang',
      title: '特岗教师（威宁）',
      regionCodes: ['520526'],
    });
    const ids = async (as: string) =>
      ((await w.get(as, '/api/opportunities?pageSize=200')).json().items as { id: string }[]).map(
        (p) => p.id,
      );
    expect(await ids('weining')).toContain(post.id);
    expect(await ids('counselor')).not.toContain(post.id);
    expect((await w.get('counselor', `/api/opportunities/${post.id}`)).statusCode).toBe(404);
    await open('weining', post.id, post.version);
    expect(await ids('counselor')).toContain(post.id);
    const page = (await w.get('counselor', `/api/opportunities/${post.id}`)).json();
    expect(page).toMatchObject({ status: 'open', canEdit: false, owner: { name: '威宁县人社局' } });
    expect(page.regionNames[0]).toContain('威宁');
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'opportunity.open'), eq(auditEvent.entityId, post.id)));
    expect(audit?.after).toEqual({ status: 'open' });
  });

  it('only the owner org edits; a stale version conflicts', async () => {
    const post = await create('weining', { title: '公益性岗位', kind: 'public_welfare' });
    const other = await w.put('gzHrss', `/api/opportunities/${post.id}`, postBody({ version: post.version }));
    expect(other.statusCode).toBe(404); // a draft of another org does not exist for them
    const opened = await open('weining', post.id, post.version);
    const stillOther = await w.put(
      'gzHrss',
      `/api/opportunities/${post.id}`,
      postBody({ version: opened.version }),
    );
    expect(stillOther.statusCode).toBe(403);
    const ok = await w.put(
      'weining',
      `/api/opportunities/${post.id}`,
      postBody({ kind: 'public_welfare', title: '扶贫公益岗位', version: opened.version }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: '扶贫公益岗位', version: opened.version + 1 });
    const stale = await w.put(
      'weining',
      `/api/opportunities/${post.id}`,
      postBody({ version: opened.version }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('version_conflict');
  });

  it('only drafts are deleted, by their owner; published posts are closed instead', async () => {
    const draft = await create('weining', { title: '待删除草稿' });
    const del = (as: string, url: string) =>
      app.inject({ method: 'DELETE', url, headers: { cookie: w.cookies.get(as)! } });
    expect((await del('gzHrss', `/api/opportunities/${draft.id}`)).statusCode).toBe(404);
    expect((await del('weining', `/api/opportunities/${draft.id}`)).statusCode).toBe(204);
    expect((await w.get('weining', `/api/opportunities/${draft.id}`)).statusCode).toBe(404);
    const [audit] = await deps.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'opportunity.delete'), eq(auditEvent.entityId, draft.id)));
    expect(audit?.before).toMatchObject({ title: '待删除草稿' });
    const published = await create('weining', { title: '已发布' });
    await open('weining', published.id, published.version);
    const refused = await del('weining', `/api/opportunities/${published.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('not_draft');
    const mine = await create('acme', {}, '/api/employer/opportunities');
    expect((await del('rival', `/api/employer/opportunities/${mine.id}`)).statusCode).toBe(404);
    expect((await del('acme', `/api/employer/opportunities/${mine.id}`)).statusCode).toBe(204);
  });

  it('refuses bad posts with the field named', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ salaryMin: 8000, salaryMax: 5000 }, 'salaryMax'],
      [{ regionCodes: ['529999'] }, 'regionCodes'],
      [{ deadline: '2020-07-01' }, 'deadline'],
      [{ kind: 'zhuanshengben', cohort: null }, 'cohort'],
      [{ employerOrgId: (await w.addEmployer('unapproved', { status: 'pending' })).org.id }, 'employerOrgId'],
    ];
    for (const [body, field] of cases) {
      const res = await w.post('weining', '/api/opportunities', postBody(body));
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.field).toBe(field);
    }
    // impossible dates never reach the service: the schema's calendar date names the field (issue 11)
    const impossible: [Record<string, unknown>, (string | number)[]][] = [
      [{ deadline: '2020-02-30' }, ['deadline']],
      [
        { eligibilityRules: [{ kind: 'max_age', years: 30, referenceDate: '2020-13-01' }] },
        ['eligibilityRules', 0, 'referenceDate'],
      ],
    ];
    for (const [body, path] of impossible) {
      const res = await w.post('weining', '/api/opportunities', postBody(body));
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: unknown[] }) => d.path.map(String))).toContainEqual(
        path.map(String),
      );
    }
    const shape = await w.post(
      'weining',
      '/api/opportunities',
      postBody({ eligibilityRules: [{ kind: 'magic' }] }),
    );
    expect(shape.statusCode).toBe(400);
    expect((await w.post('counselor', '/api/opportunities', postBody())).statusCode).toBe(403);
  });
});

describe('employer posts', () => {
  it('an employer posts jobs as itself, not policy posts, and sees only its own posts', async () => {
    const mine = await create('acme', { employerOrgId: weiningOrg.id }, '/api/employer/opportunities');
    const page = (await w.get('acme', `/api/employer/opportunities/${mine.id}`)).json();
    expect(page).toMatchObject({ employer: { id: acme.org.id, tags: ['alumni'] }, canEdit: true });
    const tegang = await w.post('acme', '/api/employer/opportunities', postBody({ kind: 'tegang' }));
    expect(tegang.json().error.details).toMatchObject({ field: 'kind', reason: 'not_for_employers' });
    await open('acme', mine.id, mine.version, '/api/employer/opportunities');
    const rivalList = (await w.get('rival', '/api/employer/opportunities?pageSize=200')).json();
    expect(rivalList.items.map((p: { id: string }) => p.id)).not.toContain(mine.id);
    expect((await w.get('rival', `/api/employer/opportunities/${mine.id}`)).statusCode).toBe(404);
    const edit = await w.put('rival', `/api/employer/opportunities/${mine.id}`, postBody({ version: 2 }));
    expect(edit.statusCode).toBe(404);
    const close = await w.post('rival', `/api/employer/opportunities/${mine.id}/status`, {
      status: 'closed',
      version: 2,
    });
    expect(close.statusCode).toBe(404);
    expect((await w.get('rival', `/api/employer/opportunities/${mine.id}/applications`)).statusCode).toBe(
      404,
    );
    // staff cannot use the employer portal, employers not the staff routes
    expect((await w.get('counselor', '/api/employer/opportunities')).statusCode).toBe(403);
    expect((await w.get('acme', '/api/opportunities')).statusCode).toBe(403);
    expect((await w.post('waiting', '/api/employer/opportunities', postBody())).statusCode).toBe(403);
  });

  it('staff may publish a post for an approved employer, which then sees it among its own', async () => {
    const post = await create('weining', { title: '东西部协作专岗', employerOrgId: acme.org.id });
    await open('weining', post.id, post.version);
    const list = (await w.get('acme', '/api/employer/opportunities?pageSize=200')).json();
    const item = list.items.find((p: { id: string }) => p.id === post.id);
    expect(item).toMatchObject({ owner: { id: weiningOrg.id }, employer: { id: acme.org.id } });
    const page = (await w.get('acme', `/api/employer/opportunities/${post.id}`)).json();
    expect(page.canEdit).toBe(false);
    expect(
      (await w.put('acme', `/api/employer/opportunities/${post.id}`, postBody({ version: 2 }))).statusCode,
    ).toBe(403);
  });
});

describe('listing and the zone', () => {
  const ids = async (as: string, query: string) =>
    (
      (await w.get(as, `/api/opportunities?pageSize=200&open=true${query}`)).json().items as {
        title: string;
      }[]
    )
      .map((p) => p.title)
      .sort();

  beforeAll(async () => {
    const owner = weiningOrg.id;
    const rows = [
      {
        title: 'L-省级不限专业',
        regionCodes: ['520000'],
        majorPrefixes: [],
        minLevel: null,
        salaryMax: 3000,
      },
      {
        title: 'L-威宁本科计算机',
        regionCodes: ['520526'],
        majorPrefixes: ['0809'],
        minLevel: '本科',
        salaryMax: 9000,
      },
      {
        title: 'L-广州研究生',
        regionCodes: ['440100'],
        majorPrefixes: ['08'],
        minLevel: '研究生',
        salaryMax: 12000,
      },
      {
        title: 'L-贵阳专科农业',
        regionCodes: ['520100'],
        majorPrefixes: ['41'],
        minLevel: '专科',
        salaryMax: 4000,
      },
    ];
    for (const r of rows)
      await w.insertPost({ ownerOrgId: owner, kind: 'internship', targetPriority: true, ...r });
    await w.insertPost({
      ownerOrgId: owner,
      title: 'L-已截止',
      deadline: '2020-07-01',
      targetPriority: true,
    });
    await w.insertPost({ ownerOrgId: owner, title: 'L-非专区', targetPriority: false });
    await w.insertPost({ ownerOrgId: owner, title: 'L-已关闭', status: 'closed', targetPriority: true });
  });

  it('filters by region both ways, major (不限 included), level, search and kind', async () => {
    const q = '&kind=internship&q=L-';
    expect(await ids('counselor', `${q}&region=520526`)).toEqual(['L-威宁本科计算机', 'L-省级不限专业']);
    expect(await ids('counselor', `${q}&region=520000`)).toEqual([
      'L-威宁本科计算机',
      'L-省级不限专业',
      'L-贵阳专科农业',
    ]);
    expect(await ids('counselor', `${q}&major=080901`)).toEqual([
      'L-威宁本科计算机',
      'L-广州研究生',
      'L-省级不限专业',
    ]);
    expect(await ids('counselor', `${q}&level=本科`)).toEqual([
      'L-威宁本科计算机',
      'L-省级不限专业',
      'L-贵阳专科农业',
    ]);
    expect(await ids('counselor', '&q=广州')).toEqual(['L-广州研究生']);
  });

  it('pages and sorts on the server', async () => {
    const res = (
      await w.get(
        'counselor',
        '/api/opportunities?kind=internship&q=L-&sort=salary&order=desc&pageSize=2&page=1',
      )
    ).json();
    expect(res.total).toBe(4);
    expect(res.items.map((p: { title: string }) => p.title)).toEqual(['L-广州研究生', 'L-威宁本科计算机']);
  });

  it('lists posts still taking applications before the expired and closed ones', async () => {
    const titles = (await w.get('counselor', '/api/opportunities?q=L-&pageSize=200'))
      .json()
      .items.map((p: { title: string }) => p.title) as string[];
    const firstShut = titles.findIndex((t) => t === 'L-已截止' || t === 'L-已关闭');
    expect(firstShut).toBe(titles.length - 2);
  });

  it('the zone lists open, unexpired target-priority posts, to staff and graduates alike', async () => {
    const zone = async (as: string, url: string) =>
      (
        (await w.get(as, `${url}?q=L-&pageSize=200`)).json().items as { title: string; expired: boolean }[]
      ).map((p) => p.title);
    const staff = await zone('counselor', '/api/opportunities/zone');
    expect(staff).toHaveLength(4);
    expect(staff).not.toContain('L-已截止');
    expect(staff).not.toContain('L-非专区');
    expect(staff).not.toContain('L-已关闭');
    expect(await zone('grad', '/api/me/opportunities')).toEqual(staff);
    expect((await w.get('acme', '/api/me/opportunities')).statusCode).toBe(403);
  });

  it('lets a graduate filter the zone by province or county, kind and search, a page at a time', async () => {
    const mine = async (query: string, q = 'L-') => {
      const res = await w.get('grad', `/api/me/opportunities?q=${encodeURIComponent(q)}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items: { title: string }[] };
      return { total: body.total, titles: body.items.map((p) => p.title).sort() };
    };
    // a province matches posts in its cities and counties; a county also gets its province's posts
    expect((await mine('&region=520000')).titles).toEqual([
      'L-威宁本科计算机',
      'L-省级不限专业',
      'L-贵阳专科农业',
    ]);
    expect((await mine('&region=520526')).titles).toEqual(['L-威宁本科计算机', 'L-省级不限专业']);
    expect((await mine('&region=440000')).titles).toEqual(['L-广州研究生']);
    expect((await mine('&region=440100&kind=market_job')).titles).toEqual([]);
    expect((await mine('&region=520000', 'L-贵阳')).titles).toEqual(['L-贵阳专科农业']);
    expect((await mine('&region=520526', 'L-贵阳')).titles).toEqual([]);
    const first = await mine('&region=520000&pageSize=2&page=1&sort=title');
    const second = await mine('&region=520000&pageSize=2&page=2&sort=title');
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...first.titles, ...second.titles].sort()).toEqual((await mine('&region=520000')).titles);
  });

  it('lists the regions of the zone’s posts for the graduate’s filter, to signed-in graduates only', async () => {
    // posts outside the zone (not a priority, or closed) do not add their regions
    await w.insertPost({ ownerOrgId: weiningOrg.id, title: 'R-非专区', regionCodes: ['330100'] });
    await w.insertPost({
      ownerOrgId: weiningOrg.id,
      title: 'R-已关闭',
      regionCodes: ['350100'],
      status: 'closed',
      targetPriority: true,
    });
    expect((await w.get('anon', '/api/me/opportunities/regions')).statusCode).toBe(401);
    expect((await w.get('counselor', '/api/me/opportunities/regions')).statusCode).toBe(403);
    const res = await w.get('grad', '/api/me/opportunities/regions');
    expect(res.statusCode, res.body).toBe(200);
    const regions = res.json() as { code: string; name: string; places: { code: string; name: string }[] }[];
    expect(regions.map((r) => r.code)).toEqual(['440000', '520000']);
    expect(regions[0]).toEqual({
      code: '440000',
      name: '广东省',
      places: [{ code: '440100', name: '广州市' }],
    });
    expect(regions[1]!.name).toBe('贵州省');
    const places = regions[1]!.places.map((p) => p.code);
    expect(places).toEqual(expect.arrayContaining(['520100', '520526']));
    expect(places).not.toContain('520000');
    expect(regions[1]!.places.find((p) => p.code === '520526')!.name).toContain('威宁');
  });
});

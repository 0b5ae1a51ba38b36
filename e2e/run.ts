/**
 * Browser suite: starts its own server (fresh embedded database, demo seed) and walks the main journeys
 * in Debian Chromium. Run with `npm run test:e2e`; screenshots land in e2e/screenshots/. The deploy journey
 * (deploy.journey.ts) runs a second, production server on a fresh PostgreSQL database (E2E_DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  launchBrowser,
  login,
  menuLabels,
  menuText,
  openPage,
  pickOption,
  revealTreeNode,
  SCREENSHOT_DIR,
  screenshot,
  submitLogin,
  visibleText,
} from './browser.ts';
import { caseFileJourney } from './case-file.journey.ts';
import { caseloadJourney } from './caseload.journey.ts';
import { deployJourney } from './deploy.journey.ts';
import { FIRST, SCIENTIFIC_ID, SECOND, type TImportFiles, writeImportFiles } from './fixtures.ts';
import { batchStat, commitBatch, uploadAndStage } from './import-steps.ts';
import { opportunitiesJourney } from './opportunities.journey.ts';
import { phoneLayoutJourney } from './phone-layout.journey.ts';
import { selfServiceJourney } from './self-service.journey.ts';
import { startTestServer, type TTestServer } from './server.ts';

const JOURNEY_TIMEOUT_MS = 90_000;

let server: TTestServer | undefined;
let browser: Browser | undefined;
let files: TImportFiles | undefined;

async function shutdown() {
  const b = browser;
  const s = server;
  browser = undefined;
  server = undefined;
  files?.remove();
  files = undefined;
  await b?.close().catch(() => {});
  await s?.stop();
}

// Ctrl-C or a CI timeout must not leave a server or a browser behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void shutdown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
// `npm run test:e2e | head` closes our output early; unhandled, that EPIPE kills the runner before `after` runs
// (and without an 'exit' event). Keep running with the output discarded, so the hooks still clean up.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}
// Any other exit before `after` ran: only synchronous work is possible here, so kill the server outright
// (Chromium goes with its pipe to this process).
process.once('exit', () => {
  server?.killNow();
  files?.remove();
});

before(async () => {
  const started = performance.now();
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  files = writeImportFiles();
  server = await startTestServer();
  browser = await launchBrowser();
  console.log(
    `# server ${server.baseUrl} (DATA_DIR ${server.dataDir}) and Chromium ${browser.version()} ready in ` +
      `${Math.round(performance.now() - started)} ms`,
  );
});

after(shutdown);

/** The app asks "who am I?" on load; before login the answer is 401, and that is not a problem. */
const ALWAYS_ALLOWED = [/^HTTP 401 GET \/api\/auth\/me$/];

/**
 * Run one journey in a fresh browser context; the page must raise no script errors, console errors or
 * failed requests except those in `allow`, which the journey provokes on purpose (e.g. a wrong password).
 */
function journey(
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  allow: RegExp[] = [],
) {
  test(name, { timeout: JOURNEY_TIMEOUT_MS }, async () => {
    assert.ok(browser && server, 'server and browser are up');
    const { context, page, problems } = await openPage(browser, server.baseUrl);
    try {
      await fn(page, context);
      const unexpected = problems.filter((p) => ![...ALWAYS_ALLOWED, ...allow].some((re) => re.test(p)));
      assert.deepEqual(unexpected, [], 'no script errors or server errors on the page');
    } catch (err) {
      await screenshot(page, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
      if (server) console.error(`# server log tail:\n${server.logTail()}`);
      throw err;
    } finally {
      await context.close();
    }
  });
}

journey('university admin sees the Chinese shell with a full menu', async (page) => {
  await login(page, 'gzu_admin');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  const menu = await menuText(page);
  for (const label of ['工作台', '参考数据', '行政区划', '重点县名单', '组织机构', '审计日志', '修改密码']) {
    assert.ok(menu.includes(label), `menu shows ${label}; got: ${menu}`);
  }
  const user = await visibleText(page.getByTestId('current-user'));
  assert.match(user, /贵州大学/, 'current user shows the org');
  assert.match(user, /高校就业管理员/, 'current user shows the role');
  assert.match(await visibleText(page.getByTestId('logout')), /退出登录/);
  await screenshot(page, '01-gzu-admin-home');

  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  const me = await page.request.get('/api/auth/me');
  assert.equal(me.status(), 401, 'session is gone after logout');
});

journey(
  'graduate sees only their own menu and a 403 on the audit log',
  async (page) => {
    await login(page, 'graduate_demo');
    assert.deepEqual(await menuLabels(page), [
      '工作台',
      '我的就业服务',
      '专属岗位',
      '推送给我的岗位',
      '我的申请',
      '消息通知',
      '修改密码',
    ]);
    const menu = await menuText(page);
    for (const hidden of ['参考数据', '行政区划', '组织机构', '审计日志']) {
      assert.ok(!menu.includes(hidden), `menu hides ${hidden}`);
    }
    assert.match(await visibleText(page.getByTestId('current-user')), /毕业生/);
    await screenshot(page, '02-graduate-home');

    await page.goto('/audit');
    await page.getByTestId('forbidden').waitFor();
    assert.match(await visibleText(page.getByTestId('forbidden')), /无权访问/);
    await screenshot(page, '03-graduate-audit-403');

    const api = await page.request.get('/api/audit');
    assert.equal(api.status(), 403, 'the API refuses too, not just the menu');
  },
  [],
);

journey(
  'wrong password shows the login error; an unknown route shows 404',
  async (page) => {
    await page.goto('/login');
    await submitLogin(page, 'gzu_admin', 'not-the-password-1');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await visibleText(error), /用户名或密码错误/);
    assert.equal(new URL(page.url()).pathname, '/login');
    await screenshot(page, '04-login-error');

    // the failure counter is reset by a successful login, so later journeys are not affected
    await page.getByTestId('login-password').fill('Bangfu@2020');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();

    await page.goto('/no/such/page');
    await page.getByTestId('not-found').waitFor();
    assert.match(await visibleText(page.getByTestId('not-found')), /页面不存在/);
    await screenshot(page, '05-not-found');
  },
  [/^HTTP 401 POST \/api\/auth\/login$/],
);

journey(
  'region tree shows 威宁 as a focus county with its former code; focus list has 52 counties',
  async (page) => {
    await login(page, 'gzu_admin');
    await page.goto('/reference/regions');
    const tree = page.getByTestId('region-tree');
    await tree.locator('.ant-tree-treenode').first().waitFor();

    const guizhou = await revealTreeNode(page, tree, '贵州省');
    const prefectures = page.waitForResponse((r) => r.url().includes('/api/reference/regions?parent=520000'));
    await guizhou.locator('.ant-tree-switcher').click();
    assert.equal((await prefectures).status(), 200, 'children of 贵州省 are fetched on expand');

    const bijie = await revealTreeNode(page, tree, '毕节市');
    const counties = page.waitForResponse((r) => r.url().includes('/api/reference/regions?parent=520500'));
    await bijie.locator('.ant-tree-switcher').click();
    assert.equal((await counties).status(), 200, 'children of 毕节市 are fetched on expand');

    const weining = await revealTreeNode(page, tree, /^威宁/);
    const text = await visibleText(weining);
    assert.match(text, /520526/);
    assert.match(text, /重点县/);
    assert.match(text, /原代码 522427/);
    assert.equal(await weining.getByTestId('focus-tag').count(), 1, '威宁 carries the focus tag');

    const input = page.getByTestId('resolve-code').locator('input');
    await input.fill('522427');
    await input.press('Enter');
    const result = page.getByTestId('resolve-result');
    await result.waitFor();
    const resolved = await visibleText(result);
    assert.match(resolved, /威宁/);
    assert.match(resolved, /520526/);
    assert.match(resolved, /522427/, 'the result says it came through the historical code');
    await screenshot(page, '06-regions-weining');

    await page.goto('/reference/focus-counties');
    const table = page.getByTestId('focus-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    assert.equal(await visibleText(page.locator('.ant-pagination-total-text')), '共 52 条');
    assert.equal(
      await visibleText(page.getByTestId('stat-counties').locator('.ant-statistic-content')),
      '52',
    );
    assert.equal(
      await visibleText(page.getByTestId('stat-provinces').locator('.ant-statistic-content')),
      '7',
    );
    assert.equal(await table.locator('tbody tr.ant-table-row').count(), 20, 'first page of 20');
    await screenshot(page, '07-focus-counties');
  },
);

journey('switching to English relabels the menu and survives a reload', async (page) => {
  await login(page, 'gzu_admin');
  assert.ok((await menuText(page)).includes('参考数据'));
  await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
  const menu = page.getByTestId('main-menu');
  await menu.getByText('Reference data', { exact: true }).waitFor();
  assert.ok(!(await menuText(page)).includes('参考数据'), 'no Chinese menu labels left');

  await page.reload();
  await menu.getByText('Reference data', { exact: true }).waitFor();
  const labels = await menuLabels(page);
  assert.ok(labels.includes('Audit log'), `English menu: ${labels.join(', ')}`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-US');
  assert.match(await visibleText(page.getByTestId('logout')), /Sign out/);
  await screenshot(page, '08-english-after-reload');
});

journey('system admin reviews the audit log and verifies the hash chain', async (page) => {
  await login(page, 'admin');
  await page.getByTestId('main-menu').getByText('审计日志', { exact: true }).click();
  await page.waitForURL('**/audit');
  const table = page.getByTestId('audit-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
  assert.ok(
    rows.some((r) => r.includes('登录') && r.includes('admin')),
    'the admin login is in the log',
  );
  // the Chinese page shows labels; the raw code is in the tag's tooltip only
  assert.ok(!rows.some((r) => r.includes('auth.login')), 'no raw action code on the page');

  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-verify-result');
  await result.waitFor();
  assert.equal(await result.locator('.ant-alert-success').count(), 1, 'verification succeeds');
  assert.match(await visibleText(result), /哈希链完整：已校验 \d+ 条记录/);
  await screenshot(page, '09-audit-verified');
});

/** On the graduate list, search a name and wait until the list holds just that person; returns their row. */
async function findGraduate(page: Page, name: string) {
  const box = page.getByTestId('graduate-filters').getByPlaceholder('搜索姓名或学号');
  await box.fill(name);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === name);
  const table = page.getByTestId('graduate-table');
  const row = table.locator('tbody tr.ant-table-row').filter({ hasText: name });
  await row.waitFor();
  // antd renders the pagination beside the test id'd table, not inside it; there is one table on this page
  await page
    .locator('.ant-pagination-total-text')
    .filter({ hasText: /^共 1 条$/ })
    .waitFor();
  return row;
}

/** The masked ID as the row shows it: region prefix and last four, never the whole number. */
async function maskedIdOf(row: Locator): Promise<string> {
  return (await visibleText(row.locator('.mono').filter({ hasText: '*' }))).trim();
}

journey(
  'university admin imports a roster with an Excel-mangled ID, commits it, finds the graduate',
  async (page) => {
    assert.ok(files, 'import files are written');
    await login(page, 'gzu_admin');
    await page.getByTestId('main-menu').getByText('数据导入', { exact: true }).click();
    await page.waitForURL('**/imports');
    await uploadAndStage(page, files.roster);

    assert.equal(await batchStat(page, 'total'), '3');
    assert.equal(await batchStat(page, 'new'), '2');
    assert.equal(await batchStat(page, 'updated'), '0');
    assert.equal(await batchStat(page, 'errors'), '1');
    assert.equal(await batchStat(page, 'review'), '0');
    assert.equal(
      await batchStat(page, 'targetMatched'),
      '2',
      'both new people are from 威宁, a focus county',
    );

    // with errors present the batch opens on the error tab: file row 4 (header is row 1), the ID column
    const errors = page.getByTestId('error-rows');
    const errorRow = errors.locator('tbody tr.ant-table-row').filter({ hasText: SCIENTIFIC_ID });
    await errorRow.waitFor();
    assert.equal(await errors.locator('tbody tr.ant-table-row').count(), 1, 'one error line');
    const cells = (await errorRow.locator('td').allInnerTexts()).map((c) => c.trim());
    assert.equal(cells[0], '4', 'row number as the user sees it in the file');
    assert.equal(cells[1], '身份证号（B 列）', 'the field and where it sits in the file');
    // the value column masks ID cells (staged rows never hold ID numbers in clear): 5.22***E+17
    assert.match(cells[2] ?? '', /^5\.22.*E\+17$/);
    assert.match(cells[3] ?? '', /「身份证号」列：值“5\.22427E\+17”被 Excel 转成了科学计数法/);
    assert.match(cells[4] ?? '', /文本/, 'says the column should be text');
    await page.getByTestId('batch-error-workbook').waitFor();
    await screenshot(page, 'import-preview');

    const question = await commitBatch(page);
    assert.match(question, /提交 2 行有效数据/);
    await page.locator('.ant-message').getByText('已提交：新增 2 人，更新 0 人').waitFor();
    await page.getByTestId('batch-revert').waitFor();

    await page.getByTestId('main-menu').getByText('毕业生名单', { exact: true }).click();
    await page.waitForURL('**/graduates');
    const row = await findGraduate(page, FIRST.name);
    assert.equal(await maskedIdOf(row), FIRST.masked);
    assert.match(FIRST.masked, /^5205\*{10}\d{3}[\dX]$/);
    assert.equal(await row.getByTestId('tag-focus').count(), 1, 'domiciled in a focus county');
    assert.equal(await row.getByTestId('tag-poor').count(), 0, 'not (yet) in the registry');
    assert.ok(
      !(await visibleText(page.locator('body'))).includes(FIRST.idNumber),
      'the full ID is not shown',
    );
    await screenshot(page, 'graduates');

    // the 522427 (old 威宁) ID prefix with a blank 生源地 still lands in 威宁 through the alias table
    const second = await findGraduate(page, SECOND.name);
    assert.equal(await maskedIdOf(second), SECOND.masked);
    assert.match(await visibleText(second), /威宁/);
    assert.equal(await second.getByTestId('tag-focus').count(), 1);
    assert.equal(
      await second.getByTestId('tag-poor').count(),
      0,
      'not in the registry before the next journey',
    );
  },
);

// relies on the roster committed by the journey above (SECOND is a graduate of 贵州大学 only from then on)
journey(
  'poverty office uploads the registry; the university then sees its graduate as 建档立卡',
  async (page) => {
    assert.ok(files, 'import files are written');
    await login(page, 'gz_fupin');
    await page.getByTestId('main-menu').getByText('数据导入', { exact: true }).click();
    await page.waitForURL('**/imports');
    await uploadAndStage(page, files.registry);
    assert.equal(await batchStat(page, 'total'), '1');
    assert.equal(await batchStat(page, 'errors'), '0');
    assert.equal(await batchStat(page, 'targetMatched'), '1', 'the registry row matches the new graduate');
    await commitBatch(page);

    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    await login(page, 'gzu_admin');
    await page.getByTestId('main-menu').getByText('毕业生名单', { exact: true }).click();
    await page.waitForURL('**/graduates');
    // name first, then the filter: the text box applies its value through a ref that trails a render, so a
    // search typed within ~0.1 s of another filter change can drop that filter (a race no user's typing hits)
    await findGraduate(page, SECOND.name);
    const filtered = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return (
        url.pathname === '/api/graduates' &&
        url.searchParams.get('registeredPoor') === 'true' &&
        url.searchParams.get('q') === SECOND.name
      );
    });
    await pickOption(page, page.getByTestId('filter-poor'), '建档立卡');
    const listed = (await (await filtered).json()) as { items: { name: string }[]; total: number };
    assert.deepEqual(
      listed.items.map((g) => g.name),
      [SECOND.name],
      'the 建档立卡 list holds the new graduate',
    );
    await page.getByTestId('filter-poor').getByText('建档立卡', { exact: true }).waitFor();
    const row = page
      .getByTestId('graduate-table')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: SECOND.name });
    await row.waitFor();
    assert.equal(await maskedIdOf(row), SECOND.masked);
    assert.equal(await row.getByTestId('tag-poor').count(), 1, 'now registered-poor');
  },
);

journey('a counselor has no 数据导入 menu and gets a 403 on /imports', async (page) => {
  await login(page, 'gzu_counselor');
  const labels = await menuLabels(page);
  assert.ok(labels.includes('毕业生名单'), `counselor menu: ${labels.join(', ')}`);
  assert.ok(!labels.includes('数据导入'), `counselor menu hides 数据导入: ${labels.join(', ')}`);

  await page.goto('/imports');
  await page.getByTestId('forbidden').waitFor();
  assert.match(await visibleText(page.getByTestId('forbidden')), /无权访问/);
  assert.equal(await page.getByTestId('upload-open').count(), 0);
  await screenshot(page, 'counselor-imports-403');

  const api = await page.request.get('/api/imports');
  assert.equal(api.status(), 403, 'the API refuses too, not just the menu');
});

caseloadJourney(journey);
caseFileJourney(journey);
selfServiceJourney(journey);
phoneLayoutJourney(journey);
opportunitiesJourney(journey);
deployJourney(() => browser);

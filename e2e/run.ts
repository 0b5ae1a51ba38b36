/**
 * Browser suite: starts its own server (fresh embedded database, demo seed) and walks the main journeys
 * in Debian Chromium. Run with `npm run test:e2e`; screenshots land in e2e/screenshots/.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  login,
  menuLabels,
  menuText,
  openPage,
  revealTreeNode,
  SCREENSHOT_DIR,
  screenshot,
  submitLogin,
  visibleText,
} from './browser.ts';
import { startTestServer, type TTestServer } from './server.ts';

const JOURNEY_TIMEOUT_MS = 90_000;

let server: TTestServer | undefined;
let browser: Browser | undefined;

async function shutdown() {
  const b = browser;
  const s = server;
  browser = undefined;
  server = undefined;
  await b?.close().catch(() => {});
  await s?.stop();
}

// Ctrl-C or a CI timeout must not leave a server or a browser behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void shutdown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

before(async () => {
  const started = performance.now();
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
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
    assert.deepEqual(await menuLabels(page), ['工作台', '修改密码']);
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
    rows.some((r) => r.includes('auth.login') && r.includes('admin')),
    'the admin login is in the log',
  );

  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-verify-result');
  await result.waitFor();
  assert.equal(await result.locator('.ant-alert-success').count(), 1, 'verification succeeds');
  assert.match(await visibleText(result), /哈希链完整：已校验 \d+ 条记录/);
  await screenshot(page, '09-audit-verified');
});

/**
 * Issue 22: a real deployment from an empty PostgreSQL database in NODE_ENV=production, walked in the browser.
 * `bangfu init` → the system admin creates 贵州省教育厅 and 贵州大学 and the university's admin account → that
 * admin adds a college, imports staff from Excel and a roster → assigns a counselor to the one class nobody keeps
 * → the counselor signs in, changes the temporary password and sees exactly that class's target graduates.
 * Own server and database (not the demo server of the other journeys); everything is dropped afterwards.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { login, openPage, pickOption, screenshot, visibleText } from './browser.ts';
import { writeDeployFiles } from './deploy-fixtures.ts';
import { batchStat, commitBatch, IMPORT_TIMEOUT_MS, uploadAndStage } from './import-steps.ts';
import { runBangfu, startTestServer, type TTestServer } from './server.ts';

/** init migrates and loads the reference data on an empty PostgreSQL database; then eight browser steps. */
const DEPLOY_TIMEOUT_MS = 420_000;
/** Migrating an empty database and loading reference data (regions, universities, majors) takes a while. */
const CLI_TIMEOUT_MS = 180_000;
const ADMIN_URL = process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `bangfu_e2e_deploy_${process.pid}`;
const NEW_PASSWORD = { admin: 'Deploy2020admin', uni: 'Deploy2020gzu', counselor: 'Deploy2020sun' };

const UNIVERSITY_CODE = 'U-10657';
const COLLEGE = '计算机科学与技术学院';

/** The app asks "who am I?" on load; before login the answer is 401, and that is not a problem. */
const ALWAYS_ALLOWED = [/^HTTP 401 GET \/api\/auth\/me$/];

let live: { server?: TTestServer } = {};
// a runner exiting without its hooks must not leave this server behind (the database goes with the next run's
// admin, or by hand: its name carries the pid)
process.once('exit', () => live.server?.killNow());

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Sign in with a temporary password: the app holds the user on the password page until it is changed. */
async function signInAndChangePassword(page: Page, username: string, temporary: string, next: string) {
  await login(page, username, temporary);
  await page.waitForURL('**/account/password');
  await page.getByTestId('current-password').fill(temporary);
  await page.getByTestId('new-password').fill(next);
  await page.getByTestId('confirm-password').fill(next);
  await page.getByTestId('change-password-submit').click();
  await page.locator('.ant-message').getByText('密码已修改', { exact: true }).waitFor();
  // the menu is usable now: going elsewhere no longer bounces back to the password page
  await page.getByTestId('main-menu').getByText('工作台', { exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

async function openMenu(page: Page, label: string, urlPath: string) {
  await page.getByTestId('main-menu').getByText(label, { exact: true }).click();
  await page.waitForURL(`**${urlPath}`);
}

/** The open modal whose title is `title`. */
function dialog(page: Page, title: string | RegExp) {
  return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

async function createOrg(page: Page, fill: (form: ReturnType<typeof dialog>) => Promise<void>, name: string) {
  await page.getByTestId('org-create').click();
  const form = dialog(page, '新建机构');
  await form.waitFor();
  await fill(form);
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'hidden' });
  await page.locator('.ant-message').getByText(`已创建 ${name}`, { exact: true }).waitFor();
}

/** Unfold the org table's row of `code` and wait for the child named `child` beneath it. */
async function unfold(page: Page, code: string, child: string) {
  const table = page.getByTestId('org-table');
  const row = table.locator('tr.ant-table-row').filter({ hasText: code }).first();
  await row.locator('.ant-table-row-expand-icon').click();
  await table.getByText(child, { exact: true }).waitFor();
}

/** antd Select with search: type into it and click the option whose label matches. */
async function searchAndPick(page: Page, testId: string, typed: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page
    .locator('.ant-select-dropdown')
    .filter({ visible: true })
    .locator('.ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click({ timeout: 30_000 });
}

/** One signed-in user's browser profile; the page must stay free of script and server errors. */
async function asUser(
  browser: Browser,
  baseUrl: string,
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
) {
  const { context, page, problems } = await openPage(browser, baseUrl);
  try {
    await fn(page, context);
    const unexpected = problems.filter((p) => !ALWAYS_ALLOWED.some((re) => re.test(p)));
    assert.deepEqual(unexpected, [], `no script errors or server errors on the page (${name})`);
  } catch (err) {
    await screenshot(page, `failed-deploy-${name}`).catch(() => {});
    if (live.server) console.error(`# deploy server log tail:\n${live.server.logTail()}`);
    throw err;
  } finally {
    await context.close();
  }
}

export function deployJourney(getBrowser: () => Browser | undefined): void {
  test('deployment from an empty PostgreSQL database: init, org tree, staff and roster imports, a counselor sees their class', {
    timeout: DEPLOY_TIMEOUT_MS,
  }, async () => {
    const browser = getBrowser();
    assert.ok(browser, 'the browser is up');
    const tmp = mkdtempSync(path.join(tmpdir(), 'bangfu-e2e-deploy-'));
    let created = false;
    try {
      const files = await writeDeployFiles(tmp);
      await adminQuery(`drop database if exists ${DB_NAME} with (force)`);
      await adminQuery(`create database ${DB_NAME}`);
      created = true;
      const env = {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: databaseUrl(DB_NAME),
        BANGFU_SECRET_KEY: randomBytes(32).toString('hex'),
        AUDIT_CHECKPOINT_FILE: path.join(tmp, 'audit-checkpoints.jsonl'),
      };

      // 1. bangfu init: the first system admin with a generated temporary password
      const init = await withTimeout(
        runBangfu(['init', '--username', 'admin', '--name', '张工'], { ...env, DATA_DIR: tmp }),
        CLI_TIMEOUT_MS,
        'bangfu init',
      );
      assert.equal(init.code, 0, `bangfu init succeeds:\n${init.stdout}\n${init.stderr}`);
      const adminTemp = /临时密码 Temporary password: (\S+)/.exec(init.stdout)?.[1];
      assert.ok(adminTemp, `init prints a temporary password:\n${init.stdout}`);
      const again = await withTimeout(
        runBangfu(['init', '--username', 'admin2'], { ...env, DATA_DIR: tmp }),
        CLI_TIMEOUT_MS,
        'bangfu init (again)',
      );
      assert.equal(again.code, 3, `a second init changes nothing and exits 3:\n${again.stderr}`);

      const server = await startTestServer(env);
      live.server = server;
      // production writes no demo data: the demo accounts do not exist
      for (const username of ['gzu_admin', 'admin']) {
        const res = await fetch(`${server.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'Bangfu@2020' }),
        });
        assert.equal(res.status, 401, `no demo account ${username} with the demo password`);
      }

      // 2. the system admin builds the org tree and the university's admin account
      let uniTemp = '';
      await asUser(browser, server.baseUrl, 'admin', async (page) => {
        await signInAndChangePassword(page, 'admin', adminTemp, NEW_PASSWORD.admin);
        await screenshot(page, 'deploy-01-admin-first-sign-in');
        await openMenu(page, '组织机构', '/orgs');
        await createOrg(
          page,
          async (form) => {
            await pickOption(page, form.getByTestId('org-kind'), '省教育厅');
            await form.getByTestId('org-code').fill('GZ-EDU');
            await form.getByTestId('org-name').fill('贵州省教育厅');
            // the province list is virtualised: search it as a user would
            await searchAndPick(page, 'org-region', '贵州省', /^贵州省（520000）$/);
          },
          '贵州省教育厅',
        );
        await createOrg(
          page,
          async (form) => {
            await pickOption(page, form.getByTestId('org-kind'), '高校');
            // from the official list: the pick fills name, codes and region
            await searchAndPick(page, 'org-university-pick', '贵州大学', /^贵州大学（10657/);
            assert.equal(await form.getByTestId('org-code').inputValue(), UNIVERSITY_CODE);
            assert.equal(await form.getByTestId('org-name').inputValue(), '贵州大学');
            await pickOption(page, form.getByTestId('org-parent'), '贵州省教育厅（GZ-EDU）');
          },
          '贵州大学',
        );
        // the university hangs under the province's education department
        await unfold(page, 'GZ-EDU', '贵州大学');
        await screenshot(page, 'deploy-02-org-tree');

        await openMenu(page, '账户管理', '/users');
        await page.getByTestId('user-create').click();
        const form = dialog(page, '新建账户');
        await form.getByTestId('user-username').fill('gzu_jyc');
        await form.getByTestId('user-display-name').fill('王主任');
        await form.getByTestId('org-picker').click();
        await page.keyboard.type('贵州大学');
        await page
          .locator('.ant-select-dropdown')
          .filter({ visible: true })
          .locator('.ant-select-tree-node-content-wrapper')
          .filter({ hasText: UNIVERSITY_CODE })
          .first()
          .click();
        await pickOption(page, form.getByTestId('user-roles'), '高校就业管理员');
        // a multiple select stays open after a pick: click outside it, as a user would
        await form.locator('.ant-modal-title').click();
        await form.getByTestId('generate-password').click();
        uniTemp = (await visibleText(form.getByTestId('generated-password'))).trim();
        assert.ok(uniTemp.length >= 8, 'a generated temporary password is shown');
        await form.locator('button[type=submit]').click();
        await form.waitFor({ state: 'hidden' });
        await page.getByTestId('user-actions-gzu_jyc').waitFor();
        await screenshot(page, 'deploy-03-university-admin-created');
      });

      // 3–4. the university admin: a college, staff from Excel, the roster, a counselor for the open class
      let counselorTemp = '';
      await asUser(browser, server.baseUrl, 'university-admin', async (page) => {
        await signInAndChangePassword(page, 'gzu_jyc', uniTemp, NEW_PASSWORD.uni);
        await openMenu(page, '组织机构', '/orgs');
        await createOrg(
          page,
          async (form) => {
            await form.getByTestId('org-code').fill(`${UNIVERSITY_CODE}-C01`);
            await form.getByTestId('org-name').fill(COLLEGE);
          },
          COLLEGE,
        );

        await openMenu(page, '账户管理', '/users');
        await page.getByTestId('staff-import').click();
        const staff = dialog(page, '从 Excel 导入账户');
        await staff.locator('input[type=file]').setInputFiles(files.staff);
        await staff.getByText(path.basename(files.staff), { exact: true }).waitFor();
        await staff.getByTestId('staff-import-submit').click();
        await staff
          .locator('.ant-alert-success')
          .getByText('已创建 2 个账户，分配班级 2 个。', { exact: true })
          .waitFor({ timeout: IMPORT_TIMEOUT_MS });
        const sunRow = staff.locator('tbody tr.ant-table-row').filter({ hasText: 'sun_laoshi' });
        counselorTemp = (await visibleText(sunRow.locator('code'))).trim();
        assert.ok(counselorTemp.length >= 8, 'the temporary password is shown once');
        await screenshot(page, 'deploy-04-staff-imported');
        await staff.locator('.ant-modal-close').click();
        await staff.waitFor({ state: 'hidden' });

        await openMenu(page, '数据导入', '/imports');
        await uploadAndStage(page, files.roster);
        assert.equal(await batchStat(page, 'total'), String(files.graduates.length));
        assert.equal(await batchStat(page, 'new'), String(files.graduates.length));
        assert.equal(await batchStat(page, 'errors'), '0');
        assert.equal(
          await batchStat(page, 'targetMatched'),
          String(files.graduates.filter((g) => g.target).length),
          'the 威宁 graduates are targets',
        );
        await commitBatch(page);
        await screenshot(page, 'deploy-05-roster-committed');

        await openMenu(page, '班级辅导员', '/classes');
        // the router swaps pages in a transition: read the table with this page's 辅导员 column only
        const rows = page
          .locator('.ant-table')
          .filter({ has: page.getByRole('columnheader', { name: '辅导员', exact: true }) })
          .locator('tbody tr.ant-table-row');
        const open = rows.filter({ hasText: files.openClass });
        await open.waitFor();
        // classes nobody keeps come first, with their target count
        assert.match(await visibleText(rows.first()), new RegExp(files.openClass));
        assert.match(await visibleText(open), /无辅导员/);
        const targetsOfOpen = files.graduates.filter((g) => g.className === files.openClass && g.target);
        assert.match(
          await visibleText(page.locator('.ant-alert-warning')),
          new RegExp(`1 个班级没有辅导员，其中目标群体毕业生 ${targetsOfOpen.length} 人`),
        );
        assert.match(await visibleText(rows.filter({ hasText: files.keptClass })), /钱老师/);
        await pickOption(page, open.locator('.ant-select'), '孙老师（sun_laoshi）');
        await open.getByRole('button', { name: /^保\s*存$/ }).click();
        await page
          .locator('.ant-message')
          .getByText(`已保存：1 个班级，${targetsOfOpen.length} 份台账记录了变更`)
          .waitFor({ timeout: IMPORT_TIMEOUT_MS });
        await page.locator('.ant-alert-success').getByText('每个班级都有辅导员。').waitFor();
        await screenshot(page, 'deploy-06-class-assigned');
      });

      // 5. the counselor: temporary password, then exactly that class's target graduates in the ledger
      await asUser(browser, server.baseUrl, 'counselor', async (page) => {
        await signInAndChangePassword(page, 'sun_laoshi', counselorTemp, NEW_PASSWORD.counselor);
        const list = page.waitForResponse(
          (r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/cases',
        );
        await openMenu(page, '帮扶台账', '/cases');
        const cases = (await (await list).json()) as { items: { name: string }[]; total: number };
        const expected = files.graduates
          .filter((g) => g.className === files.openClass && g.target)
          .map((g) => g.name)
          .sort();
        assert.deepEqual(cases.items.map((c) => c.name).sort(), expected, 'the caseload is that class');
        assert.equal(cases.total, expected.length);
        const table = page.getByTestId('case-table');
        for (const name of expected) await table.getByText(name).first().waitFor();
        assert.equal(await table.locator('tbody tr.ant-table-row').count(), expected.length);
        const shown = await visibleText(table);
        for (const g of files.graduates.filter((x) => !expected.includes(x.name)))
          assert.ok(!shown.includes(g.name), `${g.name} is not in this counselor's ledger`);
        await screenshot(page, 'deploy-07-counselor-ledger');
      });
    } finally {
      await live.server?.stop();
      live = {};
      if (created) await adminQuery(`drop database if exists ${DB_NAME} with (force)`);
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

/** A CLI run that hangs must fail the test with its purpose, not the whole runner's timeout. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { TCaseDetail, TCaseListItem } from '../src/domain/api/ledger.ts';
import { login, screenshot, visibleText } from './browser.ts';

type TJourney = (
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  allow?: RegExp[],
) => void;

/** The smallest valid PNG (1×1, transparent): evidence files are checked by their magic bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function firstCase(page: Page, query = ''): Promise<TCaseListItem> {
  const res = await page.request.get(`/api/cases?pageSize=1${query}`);
  assert.equal(res.status(), 200);
  const item = ((await res.json()) as { items: TCaseListItem[] }).items[0];
  assert.ok(item, `a case matches ${query || 'the caseload'}`);
  return item;
}

async function savePlan(page: Page, text: string) {
  const form = page.getByTestId('plan-form');
  await form.getByTestId('plan-text').fill(text);
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith('/plan'),
  );
  await form.getByTestId('plan-save').click();
  return answer;
}

/**
 * The parts of the case page where work could be lost: the plan saved and shown again; evidence uploaded and
 * downloaded byte for byte; two counselors saving the same plan (the second sees both texts and takes the saved
 * one); and a handed-over case that the university can read but no longer edit.
 */
export function caseFileJourney(journey: TJourney): void {
  journey(
    'a counselor saves the plan, attaches evidence, and meets a colleague’s concurrent edit without losing it',
    async (page, context) => {
      await login(page, 'gzu_counselor');
      const c = await firstCase(page);
      await page.goto(`/cases/${c.id}?tab=plan`);
      await page.getByTestId('case-name').filter({ hasText: c.name }).waitFor();

      const mine = `一人一策：先参加省内专场招聘，同时准备特岗教师考试（${Date.now()}）`;
      const saved = await savePlan(page, mine);
      assert.equal(saved.status(), 200);
      assert.equal(((await saved.json()) as TCaseDetail).planText, mine);
      await page.reload();
      assert.equal(
        await page.getByTestId('plan-text').inputValue(),
        mine,
        'the plan is there after a reload',
      );

      // evidence: upload on the 毕业去向 tab, then download it back from the file list
      await page.getByTestId('tab-destination').click();
      const uploaded = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/files'),
      );
      await page
        .getByTestId('destination-form')
        .locator('input[type=file]')
        .setInputFiles({ name: '录用通知书.png', mimeType: 'image/png', buffer: PNG });
      assert.equal((await uploaded).status(), 201, 'the evidence is accepted');
      const link = page.getByTestId('case-files').getByText('录用通知书.png');
      await link.waitFor();
      const download = page.waitForEvent('download');
      await link.click();
      const file = await download;
      assert.equal(file.suggestedFilename(), '录用通知书.png');
      assert.deepEqual(readFileSync((await file.path())!), PNG, 'the same bytes come back');

      // a colleague (the university admin, in another browser) saves the plan meanwhile
      const browser = context.browser();
      assert.ok(browser);
      const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
      try {
        const colleague = await other.newPage();
        await login(colleague, 'gzu_admin');
        await colleague.goto(`/cases/${c.id}?tab=plan`);
        const theirs = `学校复核后的方案：优先推荐对口支援岗位（${Date.now()}）`;
        assert.equal((await savePlan(colleague, theirs)).status(), 200);

        // back in the first browser, still showing the old version: saving now is a conflict
        await page.getByTestId('tab-plan').click();
        const late = `${mine}，补充：每周电话跟进`;
        assert.equal((await savePlan(page, late)).status(), 409);
        // the testid sits on antd's zero-size modal root; the dialog inside is what the user sees
        const modal = page.getByRole('dialog').filter({ has: page.getByTestId('conflict-table') });
        await modal.waitFor();
        const table = await visibleText(modal.getByTestId('conflict-table'));
        assert.ok(table.includes(late), 'the conflict shows what I typed');
        assert.ok(table.includes(theirs), 'and what my colleague saved');
        await screenshot(page, 'case-conflict');
        await modal.getByTestId('conflict-reload').click();
        await modal.waitFor({ state: 'hidden' });
        await page.waitForFunction(
          (expected) =>
            (document.querySelector('[data-testid="plan-text"]') as HTMLTextAreaElement | null)?.value ===
            expected,
          theirs,
        );
      } finally {
        await other.close();
      }
    },
    [/^HTTP 409 PUT \/api\/cases\/[0-9a-f-]+\/plan$/],
  );

  journey('the university reads a case handed over to the county bureau but cannot edit it', async (page) => {
    await login(page, 'gzu_admin');
    const c = await firstCase(page, '&stage=handed_over');
    await page.goto(`/cases/${c.id}?tab=plan`);
    const denial = page.getByTestId('write-denial');
    await denial.waitFor();
    assert.match(await visibleText(denial), /已移交人社部门，学校只读/);
    assert.match(await visibleText(page.getByTestId('case-holder')), /人力资源|人社/);
    assert.equal(await page.getByTestId('plan-save').count(), 0, 'no save button');
    assert.equal(await page.getByTestId('plan-text').isDisabled(), true, 'the plan is read-only');
    await screenshot(page, 'case-handed-over');
  });
}

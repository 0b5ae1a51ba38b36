import assert from 'node:assert/strict';
import type { BrowserContext, Page, Response } from 'playwright-core';
import type { TCaseDetail, TCaseListItem } from '../src/domain/api/ledger.ts';
import { login, screenshot, visibleText } from './browser.ts';

/** run.ts's `journey`: one test in a fresh browser context that must stay free of page errors. */
type TJourney = (
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  allow?: RegExp[],
) => void;

type TCasePage = { items: TCaseListItem[]; total: number };

const isCaseList = (r: Response) =>
  r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/cases';

const followUpOverdue = (c: TCaseListItem | TCaseDetail) =>
  c.due.some((d) => d.rule === 'follow_up' && d.overdue);

/** Wait until a POST to `path` answers, and return the updated case page it answers with. */
async function savedCase(page: Page, path: RegExp, click: () => Promise<void>): Promise<TCaseDetail> {
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname),
  );
  await click();
  const response = await answer;
  assert.equal(response.status(), 200, `${response.url()} answers 200`);
  return (await response.json()) as TCaseDetail;
}

/**
 * The ledger's daily loop: the demo counselor opens 帮扶台账, takes the most urgent case, logs a follow-up and
 * a measure, and back on the worklist the case is no longer late on its follow-up.
 */
export function caseloadJourney(journey: TJourney): void {
  journey(
    'counselor logs a follow-up and a measure on the most urgent case; the worklist updates',
    async (page) => {
      await login(page, 'gzu_counselor');
      const firstList = page.waitForResponse(isCaseList);
      await page.getByTestId('main-menu').getByText('帮扶台账', { exact: true }).click();
      await page.waitForURL('**/cases');
      const before = (await (await firstList).json()) as TCasePage;
      assert.ok(before.total > 0, 'the demo counselor has a caseload');
      const urgent = before.items[0];
      assert.ok(urgent);
      assert.ok(
        urgent.due.some((d) => d.overdue),
        'the most urgent case has something overdue',
      );

      const table = page.getByTestId('case-table');
      const firstRow = table.locator('tbody tr.ant-table-row').first();
      await firstRow.waitFor();
      assert.match(await visibleText(firstRow), new RegExp(urgent.name));
      const summary = page.getByTestId('case-summary');
      assert.match(await visibleText(summary), /全部台账/);
      await screenshot(page, 'caseload-worklist');

      await firstRow.getByTestId('case-link').click();
      await page.waitForURL(`**/cases/${urgent.id}`);
      const header = page.getByTestId('case-header');
      await header.getByTestId('case-name').filter({ hasText: urgent.name }).waitFor();

      // 跟踪服务 is the tab the case page opens on; today and 电话 are the defaults
      const followUp = page.getByTestId('follow-up-form');
      await followUp.getByTestId('follow-up-content').fill('电话联系，了解求职进展，推荐本省两个岗位');
      const afterFollowUp = await savedCase(page, /\/follow-ups$/, () =>
        followUp.getByTestId('follow-up-submit').click(),
      );
      assert.ok(afterFollowUp.lastContactAt, 'the contact is on record');
      assert.ok(!followUpOverdue(afterFollowUp), 'the follow-up is no longer overdue');
      await page.getByTestId('follow-up-history').getByText('推荐本省两个岗位').waitFor();
      assert.equal(await header.locator('[data-testid="due-follow_up"][data-overdue="true"]').count(), 0);

      await page.getByTestId('tab-measures').click();
      const measureForm = page.getByTestId('measure-form');
      // the catalogue is long and the dropdown virtualised: type to narrow it, as a user would
      await measureForm.getByTestId('measure-item').click();
      await page.keyboard.type('专场招聘会');
      await page
        .locator('.ant-select-dropdown')
        .filter({ visible: true })
        .locator('.ant-select-item-option')
        .filter({ has: page.getByText('专场招聘会', { exact: true }) })
        .click();
      const note = '2020 届建档立卡毕业生专场招聘会';
      await measureForm.getByTestId('measure-note').fill(note);
      const afterMeasure = await savedCase(page, /\/measures$/, () =>
        measureForm.getByTestId('measure-submit').click(),
      );
      assert.ok(afterMeasure.lastMeasureAt, 'the measure is on record');
      assert.equal(afterMeasure.siqing.measures.ok, true, '帮扶举措清 after a measure today');
      const logged = afterMeasure.events.find((e) => e.kind === 'measure' && e.data.note === note);
      assert.ok(logged?.occurredOn, 'the measure is on the timeline with its date');
      // the checklist shows the latest entry of the item: this one, with its date and note
      await page
        .locator('[data-testid="measure-special_fair"][data-done="true"]')
        .filter({ hasText: logged.occurredOn })
        .filter({ hasText: note })
        .waitFor();
      await page
        .getByTestId('case-timeline')
        .getByText('专场招聘会（专场招聘）', { exact: false })
        .first()
        .waitFor();
      await screenshot(page, 'caseload-case');

      // back on the worklist: the API says the case is no longer late on its follow-up and was just contacted
      const secondList = page.waitForResponse(isCaseList);
      await header.getByRole('button', { name: /返回台账/ }).click();
      await page.waitForURL('**/cases');
      const after = (await (await secondList).json()) as TCasePage;
      const same = await page.request.get(`/api/cases?q=${encodeURIComponent(urgent.name)}&pageSize=50`);
      const now = ((await same.json()) as TCasePage).items.find((c) => c.id === urgent.id);
      assert.ok(now, 'the case is still in the caseload');
      assert.ok(!followUpOverdue(now), 'no overdue follow-up any more');
      assert.equal(now.daysSinceContact, 0, 'contacted today');
      assert.equal(now.siqing.measures, true);
      const oldIndex = before.items.findIndex((c) => c.id === urgent.id);
      const newIndex = after.items.findIndex((c) => c.id === urgent.id);
      assert.ok(
        newIndex === -1 || newIndex >= oldIndex,
        `the case did not move up (${oldIndex} → ${newIndex})`,
      );
      if (newIndex >= 0) {
        const row = page
          .getByTestId('case-table')
          .locator('tbody tr.ant-table-row')
          .filter({ has: page.getByRole('link', { name: urgent.name, exact: true }) });
        await row.waitFor();
        assert.equal(await row.locator('[data-testid="due-follow_up"][data-overdue="true"]').count(), 0);
        assert.equal(await row.locator('[data-testid="siqing-measures"]').getAttribute('data-ok'), 'true');
      }
    },
  );
}

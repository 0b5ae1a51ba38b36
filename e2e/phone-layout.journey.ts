import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { programmeWordsIn } from '../src/domain/public-wording.ts';
import { login, screenshot, visibleText } from './browser.ts';

/** run.ts's `journey`: one test in a fresh browser context that must stay free of page errors. */
type TJourney = (
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  allow?: RegExp[],
) => void;

const PHONE = { width: 375, height: 800 };

/** How far the page scrolls sideways (0 when everything fits the screen). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Open the folded menu with the header's button and choose a page; the menu must close and leave the page its width. */
async function chooseFromMenu(page: Page, label: string) {
  await page.getByTestId('menu-toggle').click();
  const menu = page.getByTestId('main-menu');
  await menu.getByText(label, { exact: true }).click();
  await page.locator('[data-testid="side-menu"][data-collapsed="true"]').waitFor();
  const width = await page.locator('.ant-layout-content').evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(
    width >= PHONE.width - 1,
    `the page has the whole width after choosing ${label} (got ${width} px)`,
  );
}

/**
 * 375 px, as a new user on a phone: a menu choice closes the menu, and the worklists are cards that fit the
 * screen (the counselor's ledger, notifications, the employer's posts) instead of tables scrolling sideways.
 */
export function phoneLayoutJourney(journey: TJourney): void {
  journey('on a phone the menu closes after a choice and lists are cards', async (page) => {
    await page.setViewportSize(PHONE);

    await login(page, 'gzu_counselor');
    await chooseFromMenu(page, '帮扶台账');
    const cards = page.getByTestId('case-cards');
    await cards.locator('.ant-card').first().waitFor();
    assert.equal(await page.getByTestId('case-table').count(), 0, 'no table on a phone');
    assert.equal(await sideways(page), 0, 'the ledger does not scroll sideways');
    await screenshot(page, 'phone-ledger-375');
    await chooseFromMenu(page, '消息通知');
    await page.getByTestId('notification-cards').waitFor();
    assert.equal(await sideways(page), 0, 'notifications do not scroll sideways');
    await screenshot(page, 'phone-notifications-375');
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();

    await login(page, 'employer_demo');
    await chooseFromMenu(page, '招聘管理');
    await page.getByTestId('employer-post-cards').locator('.ant-card').first().waitFor();
    assert.equal(await sideways(page), 0, 'the employer’s posts do not scroll sideways');
    const text = await visibleText(page.locator('body'));
    assert.deepEqual(programmeWordsIn(text), [], 'the employer’s page never speaks of poverty');
    await screenshot(page, 'phone-employer-375');
  });
}

import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import type { TSelfCase, TSelfCaseAnswer } from '../src/domain/api/portal.ts';
import { programmeWordsIn } from '../src/domain/public-wording.ts';
import { login, screenshot, visibleText } from './browser.ts';

/** run.ts's `journey`: one test in a fresh browser context that must stay free of page errors. */
type TJourney = (
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  allow?: RegExp[],
) => void;

const PHONE = { width: 375, height: 800 };
const INTENTION_LABELS = { employment: '就业', further_study: '升学' } as const;

/**
 * The graduate on a phone: the demo graduate opens 我的就业服务 at 375 px, changes their intention, sees it
 * saved (and confirmed) after a reload, and nothing on the page speaks of poverty.
 */
export function selfServiceJourney(journey: TJourney): void {
  journey('the SMS sign-in tab sends a code and counts down before the next one', async (page) => {
    await page.setViewportSize(PHONE);
    await page.goto('/login');
    await page.getByTestId('login-tab-sms').click();
    await page.getByTestId('sms-phone').fill('138 0000 1234');
    const requested = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/sms/request');
    await page.getByTestId('sms-send').click();
    assert.equal((await requested).status(), 202, 'the same 202 whether or not the number has an account');
    await page.getByTestId('sms-sent').waitFor();
    assert.match(await visibleText(page.getByTestId('sms-send')), /\d+ 秒后重新获取/);
    assert.ok(await page.getByTestId('sms-send').isDisabled(), 'no second code within the minute');
    await screenshot(page, 'sms-login-375');
  });

  journey('graduate updates their intention on a phone-sized screen and sees it saved', async (page) => {
    await page.setViewportSize(PHONE);
    await login(page, 'graduate_demo');
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me/case');
    await page.goto('/me');
    const before = ((await (await loaded).json()) as TSelfCaseAnswer).record;
    assert.ok(before, 'the demo graduate has an employment-service record');
    const target = before.intention === 'further_study' ? 'employment' : 'further_study';

    const form = page.getByTestId('me-needs-form');
    await form.waitFor();
    await page.getByTestId('me-intention').getByText(INTENTION_LABELS[target], { exact: true }).click();
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === '/api/me/needs',
    );
    await page.getByTestId('me-needs-submit').click();
    const response = await saved;
    assert.equal(response.status(), 200);
    const after = (await response.json()) as TSelfCase;
    assert.equal(after.intention, target);
    assert.equal(after.version, before.version + 1, 'the save bumps the version');
    await page.locator('.ant-message').getByText('已保存，感谢您的确认').waitFor();

    await page.reload();
    const checked = page.getByTestId('me-intention').locator('.ant-radio-button-wrapper-checked');
    await checked.waitFor();
    assert.equal(
      (await visibleText(checked)).trim(),
      INTENTION_LABELS[target],
      'the saved intention is shown',
    );
    assert.match(await visibleText(page.getByTestId('me-needs-confirmed')), /上次确认：\d{4}-\d{2}-\d{2}/);
    const log = page.getByTestId('me-access-log');
    await log.getByText('更新了就业意向与需求').first().waitFor();
    assert.match(await visibleText(page.getByTestId('me-contacts')), /就业指导老师/);

    const text = await visibleText(page.locator('body'));
    assert.deepEqual(programmeWordsIn(text), [], 'the page never speaks of poverty');
    assert.ok(!text.includes('扶贫'), 'the page never says 扶贫');
    assert.equal(await page.title(), '我的就业服务 · 高校毕业生就业服务', 'a neutral browser title');
    // the page's own cards fit the width (the shared header and menu are the app layout's business)
    const misfits = await page.getByTestId('me-page').evaluate((el) =>
      [...el.querySelectorAll('.ant-card')].flatMap((card) => {
        const box = card.getBoundingClientRect();
        const fits = box.right <= window.innerWidth && card.scrollWidth <= card.clientWidth;
        return fits ? [] : [card.querySelector('.ant-card-head-title')?.textContent ?? '?'];
      }),
    );
    assert.deepEqual(misfits, [], 'every card fits the 375 px screen without sideways scrolling');
    await screenshot(page, 'self-service-375');
  });
}

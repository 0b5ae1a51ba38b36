import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { TCaseDetail, TCaseListItem } from '../src/domain/api/ledger.ts';
import type { TCaseRecommendations, TPushResult } from '../src/domain/api/matching.ts';
import type { TMyApplication, TOpportunityDetail } from '../src/domain/api/opportunities.ts';
import type { TSelfCaseAnswer } from '../src/domain/api/portal.ts';
import { programmeWordsIn } from '../src/domain/public-wording.ts';
import { login, openPopconfirm, screenshot, visibleText } from './browser.ts';

/** run.ts's `journey`: one test in a fresh browser context that must stay free of page errors. */
type TJourney = (
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  allow?: RegExp[],
) => void;

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 800 };
/** Words that must never reach a graduate's or an employer's screen, besides the programme words. */
const FORBIDDEN = ['扶贫', '52县', '重点县'];

/** Sign out whoever is signed in (the login page sends a signed-in user away) and sign in as `username`. */
async function switchUser(page: Page, username: string) {
  const logout = page.getByTestId('logout');
  if (await logout.isVisible().catch(() => false)) {
    await logout.click();
    await page.getByTestId('login-submit').waitFor();
  }
  await login(page, username);
}

/** An antd form control's own input, whether the test id sits on the input or on its wrapper. */
function inputIn(control: Locator): Locator {
  return control.locator('xpath=self::input | .//input').first();
}

/**
 * Type into a searchable antd Select or TreeSelect and pick the option (or tree node) whose text matches; waits
 * until the control shows the choice (options load as the user types, so a click can land before they do).
 */
async function searchAndPick(page: Page, control: Locator, typed: string, label: RegExp) {
  const chosen = control.locator('.ant-select-selection-item').filter({ hasText: label });
  for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
    await control.click();
    await inputIn(control).fill(typed);
    const popup = page.locator('.ant-select-dropdown, .ant-tree-select-dropdown').filter({ visible: true });
    const option = popup
      .locator('.ant-select-item-option, .ant-select-tree-treenode')
      .filter({ hasText: label })
      .first();
    await option.waitFor();
    await option.click();
    await chosen
      .first()
      .waitFor({ timeout: 3_000 })
      .catch(() => {});
    await page.keyboard.press('Escape');
  }
  await chosen.first().waitFor();
}

function assertNoForbiddenWords(text: string, where: string) {
  for (const word of FORBIDDEN) assert.ok(!text.includes(word), `${where} never says ${word}`);
  assert.deepEqual(programmeWordsIn(text), [], `${where} never speaks of poverty`);
}

/** A date `days` from today as the date pickers take it. */
function inDays(days: number): string {
  return new Date(Date.now() + (days * 24 + 8) * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The opportunities journey the issue asks for: an employer posts a job for the demo graduate's major and home
 * county; it is recommended on the counselor's case page with its reasons; the counselor pushes it; the graduate
 * (on a phone) sees it under 推送给我, applies, and follows the application; the employer sees a masked
 * applicant (no assistance status anywhere) and moves them to an offer, which the graduate and the case see.
 */
export function opportunitiesJourney(journey: TJourney): void {
  journey(
    'an employer posts a job, the counselor pushes the recommendation, the graduate applies, the employer offers',
    async (page) => {
      const title = `软件开发工程师（端到端 ${Date.now() % 100_000}）`;

      // ——— who the demo graduate is (their record, as the counselor's case page has it) ———
      await login(page, 'gzu_counselor');
      const graduateName = await demoGraduateName(page);
      const found = await page.request.get(`/api/cases?q=${encodeURIComponent(graduateName)}&pageSize=5`);
      const caseItem = ((await found.json()) as { items: TCaseListItem[] }).items.find(
        (c) => c.name === graduateName,
      );
      assert.ok(caseItem, 'the demo graduate is in the demo counselor’s caseload');
      const detail = (await (await page.request.get(`/api/cases/${caseItem.id}`)).json()) as TCaseDetail;
      const { domicileCountyCode: county, domicileName, majorCode } = detail.graduate;
      assert.ok(county && domicileName && majorCode, 'the demo graduate has a home county and a major');

      // ——— 1. the employer posts the job and opens it ———
      await switchUser(page, 'employer_demo');
      await page.getByTestId('main-menu').getByText('招聘管理', { exact: true }).click();
      await page.getByTestId('employer-posts').locator('tbody tr.ant-table-row').first().waitFor();
      await page.getByTestId('employer-post-create').click();
      const form = page.getByTestId('post-form');
      await form.waitFor();
      await form.getByTestId('post-title').fill(title);
      await searchAndPick(
        page,
        form.getByTestId('post-regions'),
        domicileName.slice(0, 2),
        new RegExp(county),
      );
      await inputIn(form.getByTestId('post-deadline')).fill(inDays(30));
      await page.keyboard.press('Enter');
      await inputIn(form.getByTestId('post-quota')).fill('3');
      await inputIn(form.getByTestId('post-salary-min')).fill('6000');
      await inputIn(form.getByTestId('post-salary-max')).fill('9000');
      await form.getByTestId('post-target-priority').click();
      await searchAndPick(page, form.getByTestId('post-majors'), majorCode, new RegExp(`^${majorCode}`));
      await form.getByTestId('post-description').fill('负责政务与教育信息系统开发，提供食宿。');
      const created = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/employer/opportunities',
      );
      await form.getByTestId('post-submit').click();
      const createdRes = await created;
      assert.equal(createdRes.status(), 201, 'the post is saved as a draft');
      const post = (await createdRes.json()) as TOpportunityDetail;
      assert.equal(post.status, 'draft');
      assert.deepEqual(post.majorPrefixes, [majorCode]);

      const row = page
        .getByTestId('employer-posts')
        .locator('tbody tr.ant-table-row')
        .filter({ hasText: title });
      await row.getByText('草稿', { exact: true }).waitFor();
      await row.getByTestId('employer-post-open').click();
      await openPopconfirm(page).locator('.ant-btn-primary').click();
      await row.getByText('报名中', { exact: true }).waitFor();
      await screenshot(page, 'opportunities-employer-posted');

      // ——— 2. the counselor sees it recommended, with reasons, and pushes it ———
      await switchUser(page, 'gzu_counselor');
      const recsLoaded = page.waitForResponse((r) =>
        new URL(r.url()).pathname.endsWith(`/cases/${caseItem.id}/recommendations`),
      );
      await page.goto(`/cases/${caseItem.id}?tab=recommend`);
      const recs = (await (await recsLoaded).json()) as TCaseRecommendations;
      const rec = recs.recommendations.find((r) => r.post.id === post.id);
      assert.ok(
        rec,
        `the new post is among the top recommendations: ${recs.recommendations.map((r) => r.post.title).join(', ')}`,
      );
      assert.equal(
        rec.score,
        rec.breakdown.reduce((sum, f) => sum + f.points, 0),
        'the score is the sum of its factors',
      );
      assert.equal(
        rec.breakdown.find((f) => f.factor === 'major')?.points,
        20,
        'the exact major scores in full',
      );
      assert.equal(
        rec.breakdown.find((f) => f.factor === 'region')?.points,
        24,
        'the home county scores in full',
      );

      const recRow = page.locator(`[data-testid="recommendation-row"][data-post-id="${post.id}"]`);
      await recRow.waitFor();
      assert.match(await visibleText(recRow), new RegExp(String(rec.score)));
      await recRow.locator('.ant-table-row-expand-icon').click();
      const breakdown = page.getByTestId('score-breakdown').filter({ hasText: '专业' }).first();
      await breakdown.waitFor();
      assert.match(await visibleText(breakdown), /岗位点名要求本专业/);
      // the home county is either the graduate's home or among the regions they chose: both score in full
      assert.match(await visibleText(breakdown), /工作地在(生源县|期望地区)/);
      await screenshot(page, 'opportunities-case-recommended');

      await recRow.getByTestId('recommendation-push').click();
      const modal = page.getByTestId('push-modal');
      await modal.getByTestId('push-note').fill('专业对口，就在家门口，建议尽快报名');
      const pushed = page.waitForResponse((r) =>
        new URL(r.url()).pathname.endsWith(`/cases/${caseItem.id}/push`),
      );
      await page.locator('.ant-modal-footer .ant-btn-primary').filter({ visible: true }).click();
      const pushRes = await pushed;
      assert.equal(pushRes.status(), 200);
      const outcomes = ((await pushRes.json()) as TPushResult).outcomes;
      assert.deepEqual(
        outcomes.map((o) => [o.channel, o.outcome]),
        [['in_app', 'sent']],
        'the in-app push went out',
      );
      await modal.getByTestId('push-outcome').first().waitFor();
      assert.match(await visibleText(modal.getByTestId('push-result')), /站内消息/);
      await page.locator('.ant-modal-footer .ant-btn-primary').filter({ visible: true }).click();
      await recRow.getByTestId('recommendation-pushed').waitFor();
      const trail = page.locator(`[data-testid="trail-row"][data-post-id="${post.id}"]`);
      await trail.waitFor();
      assert.match(await visibleText(trail), /未查看/);
      assert.match(await visibleText(trail), /未报名/);

      // ——— 3. the graduate, on a phone, sees the push, opens it and applies ———
      await switchUser(page, 'graduate_demo');
      await page.setViewportSize(PHONE);
      await page.goto('/me/pushed');
      const card = page.getByTestId('me-pushed-card').filter({ hasText: title });
      await card.waitFor();
      assert.equal(await card.getByTestId('me-pushed-new').count(), 1, 'an unseen push is marked new');
      assertNoForbiddenWords(await visibleText(page.locator('body')), 'the pushed-posts page');
      await screenshot(page, 'opportunities-graduate-pushed-375');

      const viewed = page.waitForResponse((r) =>
        /\/api\/me\/pushes\/[^/]+\/view$/.test(new URL(r.url()).pathname),
      );
      await card.click();
      await page.getByTestId('me-post-title').filter({ hasText: title }).waitFor();
      assert.equal((await viewed).status(), 200, 'opening the push marks it viewed');
      await page
        .getByTestId('me-push-note')
        .getByText(/专业对口/)
        .waitFor();
      const applied = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/me/applications',
      );
      await page.getByTestId('me-apply').click();
      await openPopconfirm(page).locator('.ant-btn-primary').click();
      const appliedRes = await applied;
      assert.equal(appliedRes.status(), 201, 'the application is accepted');
      assert.equal(((await appliedRes.json()) as TMyApplication).source, 'push');
      const mine = page.getByTestId('me-my-application');
      await mine.getByTestId('application-steps').waitFor();
      assert.equal(await mine.getByTestId('application-steps').getAttribute('data-status'), 'applied');
      assertNoForbiddenWords(await visibleText(page.locator('body')), 'the post page');
      await screenshot(page, 'opportunities-graduate-applied-375');

      // a post the graduate cannot apply to says why, in the rule's own words
      const zsb = (await (
        await page.request.get('/api/me/opportunities?kind=zhuanshengben&pageSize=1')
      ).json()) as {
        items: { id: string }[];
      };
      const zsbPost = zsb.items[0];
      assert.ok(zsbPost, 'the zone lists a 专升本 post');
      await page.goto(`/me/posts/${zsbPost.id}?from=zone`);
      await page.getByTestId('me-apply').click();
      await openPopconfirm(page).locator('.ant-btn-primary').click();
      const refusal = page.getByTestId('me-apply-refusal');
      await refusal.waitFor();
      assert.equal(await refusal.getAttribute('data-reason'), 'not_eligible');
      assert.match(await visibleText(refusal), /你暂时不符合以下报名条件/);
      assert.match(await visibleText(refusal.getByTestId('me-apply-reason')), /本科.*专科/);
      await screenshot(page, 'opportunities-graduate-refused-375');
      await page.setViewportSize(DESKTOP);

      // ——— 4. the employer sees a masked applicant and moves them to an offer ———
      await switchUser(page, 'employer_demo');
      await page.goto(`/employer/posts/${post.id}`);
      const applicant = page.getByTestId('employer-applicants').locator('tbody tr.ant-table-row').filter({
        hasText: graduateName,
      });
      await applicant.waitFor();
      const profile = await visibleText(applicant);
      assert.match(profile, /\d{3}\*{4}\d{4}/, 'the mobile number is masked');
      assert.match(profile, /贵州大学/);
      // (the menu's reference pages name the focus counties; the post's page itself must not name anyone's status)
      assertNoForbiddenWords(
        await visibleText(page.getByTestId('employer-post-page')),
        'the employer’s applicant page',
      );

      for (const [move, label] of [
        ['interview', '面试'],
        ['offer', '拟录用'],
      ] as const) {
        await applicant.getByTestId(`applicant-move-${move}`).click();
        const moved = page.waitForResponse((r) =>
          /\/api\/employer\/applications\/[^/]+\/status$/.test(r.url()),
        );
        await page.getByTestId('applicant-move-confirm').click();
        assert.equal((await moved).status(), 200, `the move to ${move} is accepted`);
        await applicant.locator(`[data-testid="application-status"][data-status="${move}"]`).waitFor();
        assert.match(await visibleText(applicant), new RegExp(label));
      }
      await screenshot(page, 'opportunities-employer-offer');

      // ——— 5. the graduate sees the offer; the case shows the whole funnel ———
      await switchUser(page, 'graduate_demo');
      await page.setViewportSize(PHONE);
      await page.goto('/me/applications');
      const application = page.getByTestId('me-application').filter({ hasText: title });
      await application.waitFor();
      assert.equal(await application.getAttribute('data-status'), 'offer');
      assert.match(await visibleText(application), /老师推荐/);
      await screenshot(page, 'opportunities-graduate-offer-375');
      await page.setViewportSize(DESKTOP);

      await switchUser(page, 'gzu_counselor');
      await page.goto(`/cases/${caseItem.id}?tab=recommend`);
      const finalTrail = page.locator(`[data-testid="trail-row"][data-post-id="${post.id}"]`);
      await finalTrail.locator('[data-testid="application-steps"][data-status="offer"]').waitFor();
      await finalTrail.getByTestId('trail-viewed').waitFor();
      await screenshot(page, 'opportunities-case-offer');
    },
    // the 专升本 post refuses a 本科 graduate on purpose (409 with the failing rule)
    [/^HTTP 409 POST \/api\/me\/applications$/],
  );
}

/** The demo graduate's name, from their own record (the graduate_demo account). */
async function demoGraduateName(page: Page): Promise<string> {
  const context = page.context();
  const browser = context.browser();
  assert.ok(browser);
  const own = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const login = await own.request.post('/api/auth/login', {
      data: { username: 'graduate_demo', password: 'Bangfu@2020' },
    });
    assert.equal(login.status(), 200);
    const record = ((await (await own.request.get('/api/me/case')).json()) as TSelfCaseAnswer).record;
    assert.ok(record, 'the demo graduate has a record');
    return record.name;
  } finally {
    await own.close();
  }
}

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');
export const DEMO_PASSWORD = 'Bangfu@2020';
/** Upper bound for any single UI wait; pages render in well under a second here. */
export const UI_TIMEOUT_MS = 15_000;

/** Debian Chromium, headless, with everything that would phone home turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context (own cookies and localStorage, like a new profile) with script errors, console errors and
 * failed requests (4xx/5xx) collected, so a test can assert the page stayed clean.
 */
export async function openPage(browser: Browser, baseUrl: string) {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    // the app must default to Chinese whatever the browser says
    locale: 'en-US',
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // failed requests are reported below with their method and path, which says more
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) {
      problems.push(`HTTP ${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
    }
  });
  return { context, page, problems };
}

/**
 * Fill the login form and submit; resolves when the app shell is shown (its logout button: on a phone the menu
 * is folded away).
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await submitLogin(page, username, password);
  await page.getByTestId('logout').waitFor();
}

export async function submitLogin(page: Page, username: string, password: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Texts of the menu's page links (groups are open by default, so every leaf is rendered). */
export async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByTestId('main-menu');
  await menu.locator('a').first().waitFor();
  return (await menu.locator('a').allInnerTexts()).map((s) => s.trim());
}

/**
 * The text a user sees in an element (layout-aware, unlike textContent, which also returns hidden text such as
 * collapsed tooltips).
 */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, not the DOM property; visible text is the point
  return locator.innerText();
}

/** The number an antd Statistic shows, as text ("1", "20,000"). */
export function statisticValue(statistic: Locator): Promise<string> {
  return visibleText(statistic.locator('.ant-statistic-content-value'));
}

/** The open Popconfirm (antd keeps closed ones in the DOM, hidden). */
export function openPopconfirm(page: Page): Locator {
  return page.locator('.ant-popconfirm').filter({ visible: true });
}

/** Open an antd Select and click the option whose label is exactly `label`. */
export async function pickOption(page: Page, select: Locator, label: string) {
  await select.click();
  const option = page
    .locator('.ant-select-dropdown')
    .filter({ visible: true })
    .locator('.ant-select-item-option')
    .filter({ has: page.getByText(label, { exact: true }) });
  await option.click();
}

/** Texts of the whole menu: page links and group titles. */
export function menuText(page: Page): Promise<string> {
  return visibleText(page.getByTestId('main-menu'));
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // park the pointer (no hover effects in the picture), let fonts and antd's enter animations settle
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * antd's Tree is virtualised: nodes outside the scrolled window are not in the DOM. Scroll the list until a
 * node whose label is exactly `name` (or matches it) appears, and return it.
 */
export async function revealTreeNode(page: Page, tree: Locator, name: string | RegExp): Promise<Locator> {
  const node = tree
    .locator('.ant-tree-treenode')
    .filter({ has: page.getByText(name, { exact: typeof name === 'string' }) });
  const holder = tree.locator('.ant-tree-list-holder');
  for (let step = 0; step < 200; step++) {
    if ((await node.count()) > 0) {
      await node.first().scrollIntoViewIfNeeded();
      return node.first();
    }
    const atEnd = await holder.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += Math.max(100, el.clientHeight / 2);
      return end;
    });
    if (atEnd && step > 0) break;
    await page.waitForTimeout(50);
  }
  assert.fail(`tree node ${String(name)} not found`);
}

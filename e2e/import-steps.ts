import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPopconfirm, statisticValue, visibleText } from './browser.ts';

/** Parsing a small file or committing it (which re-derives target flags) waits on the server, not the UI. */
export const IMPORT_TIMEOUT_MS = 45_000;

/** From the imports list: open the upload panel, choose `file`, send it, and wait until the batch is staged. */
export async function uploadAndStage(page: Page, file: string) {
  await page.getByTestId('upload-open').click();
  const panel = page.getByRole('dialog').filter({ hasText: '上传名单' });
  await panel.locator('input[type=file]').setInputFiles(file);
  await panel.getByText(path.basename(file), { exact: true }).waitFor();
  await page.getByTestId('upload-submit').click();
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}/);
  // the router swaps pages in a transition, so the list (whose rows carry status tags too) may linger a moment:
  // wait for the batch page's own header and summary
  await page
    .locator('.page-header h3')
    .filter({ hasText: path.basename(file) })
    .waitFor();
  // the page polls while the server parses; the preview appears once the batch is staged
  await page
    .getByTestId('batch-summary')
    .getByTestId('batch-status-staged')
    .waitFor({ timeout: IMPORT_TIMEOUT_MS });
}

/** The number on one of the batch page's count cards (总行数, 新增 … 匹配目标群体). */
export function batchStat(page: Page, key: string): Promise<string> {
  return statisticValue(page.getByTestId(`batch-stat-${key}`));
}

/** 提交, confirm it, wait for the committed state; returns the confirmation's question. */
export async function commitBatch(page: Page): Promise<string> {
  await page.getByTestId('batch-commit').click();
  const confirm = openPopconfirm(page);
  const question = await visibleText(confirm.locator('.ant-popconfirm-title'));
  await confirm.locator('.ant-btn-primary').click();
  const committed = page.getByTestId('batch-summary').getByTestId('batch-status-committed');
  await committed.waitFor({ timeout: IMPORT_TIMEOUT_MS });
  assert.equal(await visibleText(committed), '已提交');
  assert.equal(
    await page.getByTestId('batch-commit').count(),
    0,
    'a committed batch cannot be committed again',
  );
  return question;
}

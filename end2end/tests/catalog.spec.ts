// A buyer finds products in Chinese and in English, narrows by an attribute range (the URL keeps
// the query, the back button walks back), compares the offers of one product, re-weighs and
// changes the quantity with the ranking following at once (no reload), and exports the matrix.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { DEMO_PASSWORD, logIn, navLink } from './helpers';

async function search(page: Page, text: string): Promise<void> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/search/products'));
  await page.getByLabel('Search the catalog').fill(text);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await answer;
}

function results(page: Page) {
  return page.locator('.result-card .result-name');
}

/// The supplier names heading the matrix's columns, left to right.
async function columnOrder(page: Page): Promise<string[]> {
  return page.locator('.matrix thead th:not(.corner) .supplier-link').allTextContents();
}

test('a buyer searches in Chinese and English, filters by diameter and walks back', async ({ page }) => {
  await logIn(page, 'buyer@northwind.example', DEMO_PASSWORD);
  await navLink(page, 'Catalog').click();
  await expect(page.getByRole('heading', { name: 'Find products' })).toBeVisible();

  await search(page, '不锈钢螺栓');
  await expect(results(page).filter({ hasText: 'Stainless steel hex bolt M12×50' })).toBeVisible();
  await expect(results(page).filter({ hasText: 'Carbon steel' })).toHaveCount(0);

  await search(page, '钢筋');
  await expect(results(page).filter({ hasText: 'HRB400 deformed steel rebar 12 mm' })).toBeVisible();
  await expect(page).toHaveURL(/q=%E9%92%A2%E7%AD%8B/);

  await search(page, 'rebar');
  const all = await results(page).count();
  expect(all).toBeGreaterThanOrEqual(3);
  const rebar = await page.locator('#facet-category option', { hasText: 'Rebar' }).getAttribute('value');
  await page.getByLabel('Category').selectOption(rebar!);
  await expect(page.getByText('Diameter (mm)')).toBeVisible();
  await page.locator('#facet-diameter-min').fill('14');
  await page.locator('#facet-diameter-max').fill('20');
  const narrowed = page.waitForResponse((r) => r.url().endsWith('/api/search/products'));
  await page.locator('#facet-diameter-min').press('Enter');
  await narrowed;
  await expect(page).toHaveURL(/rng\.diameter=14\.\.20/);
  await expect(results(page).filter({ hasText: '16 mm' })).toBeVisible();
  await expect(results(page).filter({ hasText: /\b(8|10|12|25) mm/ })).toHaveCount(0);

  // The URL carries the whole query: back returns to the unfiltered category.
  await page.goBack();
  await expect(page).not.toHaveURL(/rng\.diameter/);
  await expect(results(page).filter({ hasText: '12 mm' })).toBeVisible();
});

test('a buyer compares offers, re-weighs and changes quantity live, and exports CSV', async ({ page }) => {
  await logIn(page, 'buyer@northwind.example', DEMO_PASSWORD);
  await page.goto('/catalog');
  await search(page, 'rebar');
  for (const name of ['HRB400 deformed steel rebar 12 mm', 'HRB400 deformed steel rebar 16 mm']) {
    await page.locator('.result-card').filter({ hasText: name }).getByLabel('Compare').check();
  }
  await page.getByRole('link', { name: 'Compare 2 selected' }).click();

  await expect(page.getByRole('heading', { name: 'Compare offers' })).toBeVisible();
  await expect(page.locator('.matrix')).toBeVisible();
  const suppliers = await columnOrder(page);
  expect(suppliers.length).toBeGreaterThanOrEqual(4);
  // Mark the document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { agoraMarker: number }).agoraMarker = 42));

  // Price only: the cheapest landed cost ranks first.
  const [landed, leadTime, score, certificates] = ['#weight-0', '#weight-1', '#weight-2', '#weight-3'].map((id) => page.locator(id));
  await leadTime.fill('0');
  await score.fill('0');
  await certificates.fill('0');
  await landed.fill('100');
  const byPrice = await columnOrder(page);
  // Lead time only: the fastest offer ranks first, without a round trip.
  await landed.fill('0');
  await leadTime.fill('100');
  await expect.poll(() => columnOrder(page)).not.toEqual(byPrice);
  const leadTimes = await page.locator('.matrix tbody tr').filter({ hasText: 'Lead time' }).locator('td').allTextContents();
  const days = leadTimes.map((text) => Number.parseInt(text, 10));
  expect(days[0]).toBe(Math.min(...days));

  // A quantity below every MOQ: each column says why it cannot serve, at once.
  const quantity = page.locator('#compare-qty');
  await quantity.fill('1');
  await expect(page.locator('.column-issue')).toHaveCount(suppliers.length);
  await expect(page.locator('.column-issue').first()).toContainText('Below the minimum order');
  await quantity.fill('200');
  await expect(page.locator('.column-issue')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { agoraMarker?: number }).agoraMarker)).toBe(42);
  await expect(page).toHaveURL(/qty=200/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = fs.readFileSync(file!, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toContain('landed_unit');
  expect(lines.length - 1).toBe(suppliers.length);

  // The share link reproduces the same matrix in a fresh page.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.locator('.matrix')).toBeVisible();
  expect(await columnOrder(other)).toEqual(await columnOrder(page));
  await expect(other.locator('#compare-qty')).toHaveValue('200');
});

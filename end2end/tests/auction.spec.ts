// A live reverse auction end to end: a buyer publishes a tender with one lot that opens almost at
// once, two approved demo suppliers and the buyer watch the board, the suppliers underbid each
// other, a late bid extends the lot for all three, and after close the buyer awards rank 1.
import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, expectPath, logIn, navLink, unique } from './helpers';

const BUYER = 'buyer@northwind.example';
const SUPPLIER_A = { email: 'sales@hengda-steel.example', org: 'Jiangsu Hengda Steel Co., Ltd.' };
const SUPPLIER_B = { email: 'trade@sino-euro.example', org: 'Sino-Euro Industrial Supply GmbH' };

/** The bidding window: opens 20 s after the form is filled (saving and publishing happen in
 * between), bidding lasts 60 s, a bid in the last 30 s extends the end by 30 s. */
const OPENS_IN_S = 20;
const BIDDING_S = 60;

/** A `datetime-local` value `offsetMs` from now, in the browser's own time zone. */
function localInput(page: Page, offsetMs: number): Promise<string> {
  return page.evaluate((ms) => {
    const at = new Date(Date.now() + ms);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}T${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
  }, offsetMs);
}

function tinyPdf(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-e2e-'));
  const file = path.join(dir, 'business-licence.pdf');
  fs.writeFileSync(file, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
  return file;
}

/** Makes sure a demo supplier is approved (only approved suppliers may bid), going through the
 * qualification flow in the UI when the demo data has not approved it yet. */
async function ensureApproved(browser: Browser, email: string, org: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email, DEMO_PASSWORD);
  await navLink(page, 'Qualification').click();
  await expectPath(page, '/qualification');
  const approved = page.getByText('Your company is approved: you can quote and bid.');
  const draft = page.getByText('Your application has not been submitted yet.', { exact: false });
  const waiting = page.getByText(/submitted and is waiting for a reviewer|A reviewer is checking/);
  await expect(approved.or(draft).or(waiting)).toBeVisible();
  if (await approved.isVisible()) {
    await context.close();
    return;
  }
  if (await draft.isVisible()) {
    await page.getByLabel('Legal name', { exact: true }).fill(org);
    await page.getByLabel('Registration number', { exact: true }).fill(`91320400E2E${unique().slice(-6)}`);
    await page.getByLabel('Registered address', { exact: true }).fill('1 Industrial Road');
    await page.getByRole('checkbox', { name: 'Steel', exact: true }).check();
    await page.getByLabel('Production capacity', { exact: true }).fill('100,000 t a year');
    await page.getByRole('button', { name: 'Save profile', exact: true }).click();
    await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
    await page.getByLabel('Document type', { exact: true }).selectOption({ label: 'Business licence' });
    await page.getByLabel('Document number', { exact: true }).fill(`BL-${unique()}`);
    await page.getByLabel('Issuer', { exact: true }).fill('Municipal AMR');
    await page.getByLabel('Expires on', { exact: true }).fill('2030-12-31');
    await page.getByLabel('File', { exact: true }).setInputFiles(tinyPdf());
    await page.getByRole('button', { name: 'Upload document', exact: true }).click();
    await expect(page.getByRole('link', { name: 'business-licence.pdf', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Submit for review', exact: true }).click();
    await expect(waiting).toBeVisible();
  }
  await context.close();

  const staff = await browser.newContext();
  const reviewer = await staff.newPage();
  await logIn(reviewer, 'reviewer@agora.example', DEMO_PASSWORD);
  await navLink(reviewer, 'Reviews').click();
  await reviewer.getByRole('link', { name: org, exact: true }).click();
  const approve = reviewer.getByRole('button', { name: 'Approve application', exact: true });
  const start = reviewer.getByRole('button', { name: 'Start review', exact: true });
  await expect(approve.or(start)).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(approve).toBeVisible();
  for (const document of await reviewer.getByRole('button', { name: 'Approve document', exact: true }).all()) {
    await document.click();
  }
  await expect(reviewer.getByRole('button', { name: 'Approve document', exact: true })).toHaveCount(0);
  await approve.click();
  await expect(reviewer.getByRole('button', { name: 'Suspend', exact: true })).toBeVisible();
  await staff.close();
}

/** Opens a signed-in page in its own browser context (its own session cookie). */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email, DEMO_PASSWORD);
  return page;
}

/** Types a bid into the board's bid box and submits it with Enter. */
async function bid(page: Page, amount: string): Promise<void> {
  const box = page.getByRole('textbox', { name: /^Your bid/ });
  await box.fill(amount);
  await box.press('Enter');
  await expect(page.getByText(`Bid of CNY ${amount} accepted`, { exact: true })).toBeVisible();
}

const extended = /^Extended to \d\d:\d\d:\d\d — a bid came \d+ s before the end$/;

test('two suppliers bid live, a late bid extends the lot for everyone, and the buyer awards rank 1', async ({ browser }) => {
  test.setTimeout(300_000);
  await ensureApproved(browser, SUPPLIER_A.email, SUPPLIER_A.org);
  await ensureApproved(browser, SUPPLIER_B.email, SUPPLIER_B.org);
  const title = `E2E hot-rolled coil auction ${unique()}`;

  // The buyer drafts the tender.
  const buyer = await signedIn(browser, BUYER);
  await navLink(buyer, 'Tenders').click();
  await expectPath(buyer, '/tenders');
  await buyer.getByRole('link', { name: 'New tender', exact: true }).click();
  await expectPath(buyer, '/tenders/new');
  await buyer.getByLabel('Title', { exact: true }).fill(title);
  await buyer.getByLabel('Description', { exact: true }).fill('Q235B hot-rolled coil for the Suzhou plant.');
  await expect(buyer.getByLabel('Currency', { exact: true })).toHaveValue('CNY');
  await buyer.getByRole('checkbox', { name: new RegExp(`^${SUPPLIER_A.org.replace(/[.()]/g, '\\$&')}`) }).check();
  await buyer.getByRole('checkbox', { name: new RegExp(`^${SUPPLIER_B.org}`) }).check();
  await buyer.getByLabel('Lot title', { exact: true }).fill('Q235B coil, 3 mm');
  await buyer.getByLabel('Specification', { exact: true }).fill('GB/T 3274, 1500 mm wide');
  await buyer.getByLabel('Quantity', { exact: true }).fill('500');
  await buyer.getByLabel('Unit', { exact: true }).fill('t');
  await buyer.getByLabel('Ceiling price', { exact: true }).fill('1000');
  await buyer.getByLabel('Decrement', { exact: true }).fill('10');
  await buyer.getByLabel('Opens (local time)', { exact: true }).fill(await localInput(buyer, OPENS_IN_S * 1000));
  await buyer.getByLabel('Closes (local time)', { exact: true }).fill(await localInput(buyer, (OPENS_IN_S + BIDDING_S) * 1000));
  await expect(buyer.getByRole('checkbox', { name: /^Anti-sniping/ })).toBeChecked();
  await buyer.getByLabel('Window (seconds before the end)', { exact: true }).fill('30');
  await buyer.getByLabel('Extension (seconds)', { exact: true }).fill('30');
  await buyer.getByRole('button', { name: 'Save draft', exact: true }).click();

  // Publishing shows it to the invited suppliers.
  await expect(buyer.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  await buyer.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(buyer.getByRole('status').getByText('Published', { exact: false })).toBeVisible();
  const boardLink = buyer.getByRole('link', { name: /^Open board/ });
  const boardPath = (await boardLink.getAttribute('href')) ?? '';
  expect(boardPath).toMatch(/^\/lots\/[0-9a-f-]{36}$/);
  await boardLink.click();
  await expectPath(buyer, boardPath);

  // Supplier A finds it through the list; supplier B follows a link.
  const a = await signedIn(browser, SUPPLIER_A.email);
  await navLink(a, 'Tenders').click();
  await a.getByRole('link', { name: title, exact: true }).click();
  await a.getByRole('link', { name: /^Open board/ }).click();
  await expectPath(a, boardPath);
  const b = await signedIn(browser, SUPPLIER_B.email);
  await b.goto(boardPath);

  for (const page of [buyer, a, b]) {
    await expect(page.getByRole('status').getByText('Live', { exact: true })).toBeVisible();
    await expect(page.getByText('Time left', { exact: true })).toBeVisible({ timeout: (OPENS_IN_S + 15) * 1000 });
  }

  // A leads, B underbids, A is told at once.
  await bid(a, '990.00');
  await expect(a.getByText('You are #1', { exact: true })).toBeVisible();
  await expect(buyer.getByRole('row').filter({ hasText: SUPPLIER_A.org })).toContainText('CNY 990.00');
  await bid(b, '980.00');
  await expect(b.getByText('You are #1', { exact: true })).toBeVisible();
  const outbid = a.getByRole('alert').filter({ hasText: 'You have been outbid' });
  await expect(outbid).toBeVisible();
  await expect(outbid).toContainText('You are now #2.');
  await expect(a.getByText('CNY 980.00', { exact: true }).first()).toBeVisible();

  // A late bid, inside the last 30 s, extends the lot; everyone sees it.
  const clock = a.getByRole('timer');
  await expect(async () => {
    const [m, s] = ((await clock.textContent()) ?? '99:99').split(':').map(Number);
    expect(m * 60 + s).toBeLessThanOrEqual(25);
  }).toPass({ timeout: BIDDING_S * 1000, intervals: [500] });
  await bid(a, '970.00');
  for (const page of [a, b, buyer]) {
    await expect(page.getByText(extended)).toBeVisible();
  }
  await expect(b.getByRole('alert').filter({ hasText: 'You have been outbid' })).toBeVisible();

  // At the (extended) end the lot closes by itself; the buyer awards rank 1.
  const award = buyer.getByRole('button', { name: /^Award to rank 1: / });
  await expect(award).toBeVisible({ timeout: 90_000 });
  await expect(award).toHaveText(`Award to rank 1: ${SUPPLIER_A.org}`);
  await expect(a.getByText('Bidding has closed. The buyer will now award the lot.')).toBeVisible();
  await award.click();
  await expect(buyer.getByText('Awarded. An order draft was created for the winner.')).toBeVisible();
  await expect(buyer.getByText(`Awarded to ${SUPPLIER_A.org} (rank 1)`)).toBeVisible();

  // Each supplier sees their own outcome.
  await expect(a.getByText('You won this lot', { exact: true })).toBeVisible();
  await expect(b.getByText('This lot was awarded to another supplier', { exact: true })).toBeVisible();

  // The buyer's audit export verifies its hash chain.
  const download = buyer.waitForEvent('download');
  await buyer.getByRole('button', { name: 'Export audit log', exact: true }).click();
  expect((await download).suggestedFilename()).not.toBe('');
  await expect(buyer.getByText(/^Chain verified ✓/)).toBeVisible();
});

// Supplier qualification end to end: a new supplier applies with a business licence, a demo
// reviewer approves the document and the application, the supplier's dashboard shows the new
// status and, without a reload, a tender invitation; a buyer sees the verified badge.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, expectPath, fillSignUp, logIn, navLink, unique } from './helpers';

/** The smallest file the server accepts as a PDF, written to a temporary directory. */
function tinyPdf(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-e2e-'));
  const file = path.join(dir, 'business-licence.pdf');
  fs.writeFileSync(file, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
  return file;
}

test('a supplier applies, a reviewer approves, and the supplier sees the approval', async ({ page, browser }) => {
  const id = unique();
  const orgName = `E2E Qualified Steel ${id}`;
  const email = `quinn.${id}@qualified-e2e.example`;
  const password = 'qualify-steel-2026';

  // The supplier signs up and opens its application.
  await page.goto('/signup');
  await fillSignUp(page, { orgName, orgType: 'Supplier', name: 'Quinn Qualifier', email, password });
  await expectPath(page, '/');
  await navLink(page, 'Qualification').click();
  await expectPath(page, '/qualification');
  await expect(page.getByText('Your application has not been submitted yet.', { exact: false })).toBeVisible();

  // The company facts.
  await page.getByLabel('Legal name', { exact: true }).fill(`${orgName} Co., Ltd.`);
  await page.getByLabel('Registration number', { exact: true }).fill('91310000MA1FL0000X');
  await page.getByLabel('Registered address', { exact: true }).fill('88 Century Avenue, Shanghai');
  await page.getByRole('checkbox', { name: 'Steel', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Fasteners', exact: true }).check();
  await page.getByLabel('Production capacity', { exact: true }).fill('20,000 t of rebar a year');
  await page.getByRole('button', { name: 'Save profile', exact: true }).click();
  await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();

  // The business licence.
  await page.getByLabel('Document type', { exact: true }).selectOption({ label: 'Business licence' });
  await page.getByLabel('Document number', { exact: true }).fill(`BL-${id}`);
  await page.getByLabel('Issuer', { exact: true }).fill('Shanghai AMR');
  await page.getByLabel('Expires on', { exact: true }).fill('2030-12-31');
  await page.getByLabel('File', { exact: true }).setInputFiles(tinyPdf());
  await page.getByRole('button', { name: 'Upload document', exact: true }).click();
  const fileLink = page.getByRole('link', { name: 'business-licence.pdf', exact: true });
  await expect(fileLink).toBeVisible();
  await expect(fileLink).toHaveAttribute('href', /^\/files\/supplier-documents\/[0-9a-f-]{36}$/);
  await expect(fileLink).toHaveAttribute('target', '_blank');

  // Submission locks the profile.
  await page.getByRole('button', { name: 'Submit for review', exact: true }).click();
  await expect(page.getByText('Your application has been submitted and is waiting for a reviewer.')).toBeVisible();
  await expect(page.getByLabel('Legal name', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Submit for review', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(navLink(page, 'Log in')).toBeVisible();

  // The reviewer finds the application in the queue.
  await logIn(page, 'reviewer@agora.example', DEMO_PASSWORD);
  await navLink(page, 'Reviews').click();
  await expectPath(page, '/staff/reviews');
  await page.getByRole('link', { name: orgName, exact: true }).click();
  await expect(page.getByRole('heading', { name: orgName, level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Start review', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Approve application', exact: true })).toBeVisible();

  const licence = page.getByRole('article').filter({ hasText: 'Business licence' });
  await expect(licence.getByTitle('Preview of business-licence.pdf')).toBeVisible();
  await licence.getByRole('button', { name: 'Approve document', exact: true }).click();
  await expect(licence.getByRole('button', { name: 'Approve document', exact: true })).toHaveCount(0);
  await expect(licence.getByText('Approved', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Approve application', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Suspend', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(navLink(page, 'Log in')).toBeVisible();

  // The supplier sees the approval.
  await logIn(page, email, password);
  await navLink(page, 'Qualification').click();
  await expectPath(page, '/qualification');
  await expect(page.getByText('Your company is approved: you can quote and bid.')).toBeVisible();
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();

  // The dashboard (the supplier's home) shows the new status.
  await page.goto('/');
  await expect(page.locator('[aria-labelledby="sd-qualification"]')).toContainText('You can quote and bid.');
  const tenders = page.locator('[data-slot="sd-tenders"]');
  await expect(tenders.getByText('No live or upcoming tenders you are invited to.')).toBeVisible();
  const me = await (await page.request.post('/api/auth/get_current_user', { data: {} })).json();
  const supplierId: string = me.organisation.organisation_id;

  // A buyer, in another browser, invites the supplier to a tender and publishes it.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await logIn(buyer, 'buyer@northwind.example', DEMO_PASSWORD);
  const now = Date.now();
  const title = `Rebar for dashboard ${id}`;
  const created = await buyer.request.post('/api/tenders/create', {
    data: { input: {
      title, description: '', currency: 'CNY', minimum_band: null, bid_bond: '',
      invited_suppliers: [supplierId],
      lots: [{ title: 'Rebar 12 mm', specification: 'HRB400E', quantity: '100', unit: 't', rules: {
        ceiling: '5000.00', decrement: { kind: 'absolute', amount: '10.00' }, decrement_base: 'own_last_bid',
        ties: 'earlier_ranks_higher', opens_at: new Date(now - 1000).toISOString(),
        closes_at: new Date(now + 3_600_000).toISOString(), anti_sniping: null,
        visibility: 'rank_and_best_price', blind: false, sealed_pre_bids: false, fat_finger_percent: null,
      } }],
    } },
  });
  expect(created.ok()).toBeTruthy();
  const tender = await created.json();
  const published = await buyer.request.post('/api/tenders/publish', { data: { tender_id: tender.tender_id } });
  expect(published.ok()).toBeTruthy();

  // The invitation appears on the supplier's dashboard without a reload, with a way to bid.
  await expect(tenders.getByText(title, { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(tenders.getByText('No bid yet', { exact: true })).toBeVisible();
  await expect(tenders.getByRole('link', { name: 'Open the board', exact: true })).toHaveAttribute('href', /^\/lots\/[0-9a-f-]{36}$/);

  // The buyer sees the verified licence on the supplier's public profile.
  await buyer.goto(`/suppliers/${supplierId}`);
  await expect(buyer.getByText('Verified documents', { exact: true })).toBeVisible();
  await expect(buyer.getByText('Business licence', { exact: false }).first()).toBeVisible();
  await expect(buyer.getByText(/verified .* by /).first()).toBeVisible();
  await buyerContext.close();
});

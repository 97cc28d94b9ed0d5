// Supplier qualification end to end: a new supplier applies with a business licence, a demo
// reviewer approves the document and the application, and the supplier sees the approval.
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

test('a supplier applies, a reviewer approves, and the supplier sees the approval', async ({ page }) => {
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
});

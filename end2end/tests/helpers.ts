// Shared steps for the browser tests. Selectors go by role and label (the UI contract), never CSS.
import { expect, type Locator, type Page } from '@playwright/test';

/** The password of every demo account (server/src/seed/demo_data.rs). */
export const DEMO_PASSWORD = 'agora-demo-2026';

/** The top navigation: `<nav aria-label="Main">`, labelled "主导航" when the UI is in Chinese. */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: /^(Main|主导航)$/ });
}

/** A link in the main navigation, matched by its exact accessible name. */
export function navLink(page: Page, name: string): Locator {
  return mainNav(page).getByRole('link', { name, exact: true });
}

/** Waits until the app shows the page at `pathname`. */
export async function expectPath(page: Page, pathname: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === pathname);
}

/** A unique suffix for names and e-mails, so reruns never collide. */
export function unique(): string {
  return `${Date.now()}${Math.floor(Math.random() * 1000)}`;
}

export type OrgType = 'Buyer' | 'Supplier' | 'Buyer and supplier';

export interface SignUp {
  orgName: string;
  orgNameZh?: string;
  orgType: OrgType;
  name: string;
  email: string;
  password: string;
}

/** Fills the /signup form (the page must be open) and submits it. */
export async function fillSignUp(page: Page, form: SignUp): Promise<void> {
  await page.getByLabel('Organisation name', { exact: true }).fill(form.orgName);
  if (form.orgNameZh !== undefined) {
    await page.getByLabel('Chinese name (optional)', { exact: true }).fill(form.orgNameZh);
  }
  await page
    .getByRole('radiogroup', { name: 'Organisation type' })
    .getByRole('radio', { name: form.orgType, exact: true })
    .check();
  await page.getByLabel('Your name', { exact: true }).fill(form.name);
  await page.getByLabel('Work e-mail', { exact: true }).fill(form.email);
  await page.getByLabel('Password', { exact: true }).fill(form.password);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
}

/** Logs in through /login and waits for the home page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectPath(page, '/');
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
}

/** Asserts which main-navigation links are shown and which are not. */
export async function expectNav(page: Page, shown: string[], hidden: string[]): Promise<void> {
  for (const name of shown) {
    await expect(navLink(page, name), `nav link "${name}"`).toBeVisible();
  }
  for (const name of hidden) {
    await expect(navLink(page, name), `no nav link "${name}"`).toHaveCount(0);
  }
}

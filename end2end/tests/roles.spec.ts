// What each kind of account sees in the main navigation (demo accounts, loaded by the server).
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNav, logIn, navLink, unique } from './helpers';

test('a demo buyer sees Suppliers and no Company profile', async ({ page }) => {
  await logIn(page, 'buyer@northwind.example', DEMO_PASSWORD);
  await expectNav(page, ['Home', 'Team', 'Account', 'Suppliers'], ['Company profile', 'Organisations']);
  await expect(navLink(page, 'Suppliers')).toHaveAttribute('href', '/suppliers');
});

test('a demo buyer-and-supplier sees both Suppliers and Company profile', async ({ page }) => {
  await logIn(page, 'trade@sino-euro.example', DEMO_PASSWORD);
  await expectNav(page, ['Home', 'Team', 'Account', 'Suppliers', 'Company profile'], ['Organisations']);
});

test('platform staff see Organisations and no Team', async ({ page }) => {
  await logIn(page, 'operator@agora.example', DEMO_PASSWORD);
  await expectNav(page, ['Home', 'Account', 'Organisations'], ['Team', 'Suppliers', 'Company profile']);
  await expect(navLink(page, 'Organisations')).toHaveAttribute('href', '/staff/organisations');
});

test('repeated wrong passwords lock the account for a while', async ({ page }) => {
  // A made-up address: failures are counted per e-mail whether or not the account exists.
  const email = `lockout.${unique()}@e2e.example`;
  await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  const password = page.getByLabel('Password', { exact: true });
  const locked = page.getByText(/Too many failed attempts/);
  for (let attempt = 1; attempt <= 8 && !(await locked.isVisible()); attempt++) {
    await password.fill(`wrong-password-${attempt}`);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/log_in'));
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await answer;
  }
  await expect(locked).toBeVisible();
});

// Signing up, logging out and in, and the language switch; and a rejected sign-up.
import { expect, test } from '@playwright/test';
import { expectNav, expectPath, fillSignUp, mainNav, navLink, unique } from './helpers';

test('a new supplier signs up, logs out, logs in again and switches to Chinese', async ({ page }) => {
  const id = unique();
  const person = `Sam Supplier ${id}`;
  const email = `sam.${id}@supplier-e2e.example`;
  const password = 'steel-coil-2026';

  await page.goto('/');
  await expect(navLink(page, 'Log in')).toBeVisible();
  await navLink(page, 'Sign up').click();
  await expectPath(page, '/signup');

  await fillSignUp(page, {
    orgName: `E2E Steel Works ${id}`,
    orgNameZh: '测试钢铁有限公司',
    orgType: 'Supplier',
    name: person,
    email,
    password,
  });

  await expectPath(page, '/');
  await expect(page.getByRole('heading', { name: /Welcome/ })).toContainText(person);
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
  await expectNav(page, ['Home', 'Team', 'Account', 'Company profile'], ['Suppliers', 'Organisations', 'Log in']);
  await expect(navLink(page, 'Company profile')).toHaveAttribute('href', '/company');

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(navLink(page, 'Log in')).toBeVisible();
  await expect(navLink(page, 'Sign up')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toHaveCount(0);

  await navLink(page, 'Log in').click();
  await expectPath(page, '/login');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expectPath(page, '/');
  await expect(page.getByRole('heading', { name: /Welcome/ })).toContainText(person);
  await expectNav(page, ['Company profile'], ['Suppliers']);

  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  const chinese = async () => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNav(page, ['首页', '团队', '账户', '公司资料'], ['供应商', 'Home']);
    await expect(page.getByRole('button', { name: '退出登录', exact: true })).toBeVisible();
  };
  await chinese();

  await page.reload();
  await chinese();
  await expect(mainNav(page)).toBeVisible();
});

test('a sign-up with bad input shows the field errors and saves nothing', async ({ page }) => {
  const id = unique();
  const email = `riley.${id}@rejected-e2e.example`;

  await page.goto('/signup');
  const orgName = page.getByLabel('Organisation name', { exact: true });
  const emailInput = page.getByLabel('Work e-mail', { exact: true });
  const passwordInput = page.getByLabel('Password', { exact: true });

  // Empty organisation name, an e-mail without @, a 5-character password.
  await fillSignUp(page, {
    orgName: '',
    orgType: 'Buyer',
    name: 'Riley Rejected',
    email: `riley.${id}.rejected-e2e.example`,
    password: 'short',
  });
  await expect(orgName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This field is required')).toBeVisible();
  await expect(emailInput).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
  await expect(passwordInput).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Must be at least 10 characters')).toBeVisible();
  await expectPath(page, '/signup');

  // A valid e-mail now, but the other two problems remain: still nothing may be saved.
  await emailInput.fill(email);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expect(page.getByText('Must be at least 10 characters')).toBeVisible();
  await expect(page.getByText('This field is required')).toBeVisible();
  await expect(page.getByText('Enter a valid e-mail address')).toHaveCount(0);
  await expectPath(page, '/signup');
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toHaveCount(0);

  // No account exists with that e-mail: logging in with it is refused like any wrong password.
  await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/log_in'));
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  expect((await answer).status()).toBe(422);
  await expect(page.getByText('E-mail or password is incorrect')).toBeVisible();
  await expectPath(page, '/login');
});

test('an e-mail that already has an account cannot sign up again', async ({ page }) => {
  const id = unique();
  await page.goto('/signup');
  await fillSignUp(page, {
    orgName: `E2E Duplicate Buyer ${id}`,
    orgType: 'Buyer',
    name: 'Dana Duplicate',
    email: 'buyer@northwind.example',
    password: 'long-enough-password',
  });
  await expect(page.getByLabel('Work e-mail', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('An account with this e-mail already exists')).toBeVisible();
  await expectPath(page, '/signup');
});

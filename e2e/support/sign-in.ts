import { expect, type Page } from '@playwright/test';

export const ADMIN_PASSWORD = 'e2e-admin-password-1';

/** The login page the server sends before the console: fill the password and wait for the console shell. */
export async function logIn(page: Page, password = ADMIN_PASSWORD): Promise<void> {
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/**
 * First run of a fresh data folder: the server asks for the admin password (/setup), then signs in. Works
 * whether setup signs the user in at once or sends them to the login page.
 */
export async function setUpAndSignIn(page: Page, url: string, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(url);
  await expect(page).toHaveURL(/\/setup/);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: /Set the password/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/setup'));
  if (new URL(page.url()).pathname.startsWith('/login')) await logIn(page, password);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/**
 * Issue 17 item 17: a sign-in returns to the page that was asked for (the console routes by #fragment,
 * which the server never sees), both for a bookmarked page opened without a session and for a session that
 * ends while a page is open.
 */
import { expect, test } from './fixtures';
import { logIn, setUpAndSignIn } from './support/sign-in';

test('a sign-in lands on the page that was asked for, not the dashboard', async ({ page, vigie }) => {
  await setUpAndSignIn(page, vigie.url);

  // A bookmark opened in a browser without a session.
  await page.context().clearCookies();
  await page.goto(`${vigie.url}/#/events`);
  await logIn(page);
  await expect(page).toHaveURL(/\/#\/events$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Events/);

  // The session ends while a page is open (signed out from another tab): its event socket closes, the page
  // goes to the login, and the sign-in brings it back.
  await page.goto(`${vigie.url}/#/devices`);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  const other = await page.context().newPage();
  await other.goto(`${vigie.url}/#/`);
  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(other).toHaveURL(/\/login/);
  await other.close();
  await logIn(page);
  await expect(page).toHaveURL(/\/#\/devices$/);
});

/**
 * A PostgreSQL device on a real `vigie serve`, polling a real server started here: added through the device
 * form (kind PostgreSQL, fields drawn from the kind's definition), Test connection telling a missing grant
 * and a wrong password, the tile in the Services group, and the page drawn from its descriptor.
 */
import { PG_PASSWORD, postgresMissing, startPostgres, type PostgresPeer } from '../test/helpers/postgres';
import { expect, test } from './fixtures';
import { look } from './support/look';
import { requirePeer } from './support/peer';
import { setUpAndSignIn } from './support/sign-in';

let server: PostgresPeer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  requirePeer('postgresql', postgresMissing());
  server = await startPostgres();
  const root = await server.root();
  await root.query("CREATE ROLE plain LOGIN PASSWORD 'plain-pw'");
  await root.query('CREATE DATABASE inventory');
  await root.end();
});

test.afterAll(() => server?.dispose());

test('PostgreSQL device: form, Test connection, Services tile and page', async ({ page, vigie }) => {
  test.setTimeout(180_000);
  await setUpAndSignIn(page, vigie.url);
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'Add device' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await dialog.getByText('PostgreSQL', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('pg-e2e');
  await dialog.getByLabel('Host name or IP address').fill('127.0.0.1');
  await expect(dialog.getByLabel('Port')).toHaveAttribute('placeholder', '5432');
  await dialog.getByLabel('Port').fill(String(server!.port));
  await dialog.getByRole('textbox', { name: 'User', exact: true }).fill('plain');
  await dialog.getByLabel(/^Password/).fill('plain-pw');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByTestId('test-result');
  await expect(result).toHaveAttribute('data-stage', 'permission', { timeout: 30_000 });
  await expect(result).toContainText('GRANT pg_monitor TO "plain"');

  await dialog.getByRole('textbox', { name: 'User', exact: true }).fill('postgres');
  await dialog.getByLabel(/^Password/).fill('wrong');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toHaveAttribute('data-stage', 'auth', { timeout: 30_000 });
  await expect(result).toContainText('wrong password');
  await look(page, 'services-postgres-form-auth');

  await dialog.getByLabel(/^Password/).fill(PG_PASSWORD);
  await dialog.getByLabel('Poll interval (s)').fill('10');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toHaveAttribute('data-stage', 'ok', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const tile = page.getByTestId('group-services').getByRole('link', { name: /pg-e2e/ });
  await expect(tile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 60_000 });
  await look(page, 'services-postgres-dashboard');

  await tile.click();
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'postgres');
  const databases = page.getByRole('table', { name: 'Databases', exact: true });
  await expect(databases.getByRole('row', { name: /inventory/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('primary', { exact: true })).toBeVisible();
  // Rates need a second poll (10 s apart): the Transactions chart appears with it.
  await expect(page.getByRole('region', { name: 'Transactions', exact: true })).toBeVisible({ timeout: 60_000 });
  await look(page, 'services-postgres-page');
});

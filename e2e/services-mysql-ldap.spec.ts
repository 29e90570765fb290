/**
 * MySQL / MariaDB and OpenLDAP devices on a real `vigie serve`, polling real servers started here: Test
 * connection through the console's API, the tiles in the Services group with their figure, and each page
 * drawn from its descriptor with the server's own tables.
 */
import { mariadbMissing, startMariadb, type MariadbPeer } from '../test/helpers/mariadb';
import { MONITOR_DN, SUFFIX, USER_PASSWORD, slapdMissing, startSlapd, type SlapdPeer } from '../test/helpers/slapd';
import { expect, test, type Page } from './fixtures';
import { look } from './support/look';
import { requirePeer } from './support/peer';
import { setUpAndSignIn } from './support/sign-in';

const MYSQL_PASSWORD = 'e2e-mysql-pass';

let mariadb: MariadbPeer | undefined;
let slapd: SlapdPeer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  requirePeer('mariadb', mariadbMissing());
  requirePeer('slapd', slapdMissing());
  [mariadb, slapd] = await Promise.all([startMariadb(), startSlapd({ people: 5 })]);
  const root = await mariadb.root();
  await root.query(`CREATE USER vigie@'%' IDENTIFIED BY '${MYSQL_PASSWORD}'; GRANT PROCESS, SLAVE MONITOR ON *.* TO vigie@'%'`);
  await root.end();
});

test.afterAll(async () => {
  await mariadb?.dispose();
  await slapd?.dispose();
});

/** A contract call from inside the signed-in page (same origin, its session cookie). */
async function call(page: Page, channel: string, payload: unknown): Promise<{ ok: boolean; result?: Record<string, unknown>; error?: unknown }> {
  return page.evaluate(
    async ([ch, body]) => {
      const res = await fetch(`/api/call/${encodeURIComponent(ch)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as { ok: boolean; result?: Record<string, unknown>; error?: unknown };
    },
    [channel, payload] as const,
  );
}

test('MySQL and LDAP devices: Test connection, Services tiles and pages', async ({ page, vigie }) => {
  test.setTimeout(180_000);
  await setUpAndSignIn(page, vigie.url);
  const mysql = {
    name: 'mariadb-e2e',
    kind: 'mysql',
    host: '127.0.0.1',
    port: mariadb!.port,
    intervalSeconds: 10,
    mysql: { user: 'vigie' },
    secret: { password: MYSQL_PASSWORD },
  };
  const ldap = {
    name: 'slapd-e2e',
    kind: 'ldap',
    host: '127.0.0.1',
    port: slapd!.port,
    intervalSeconds: 10,
    ldap: { bindDn: MONITOR_DN, baseDn: SUFFIX },
    secret: { password: USER_PASSWORD },
  };
  const mysqlTest = await call(page, 'devices:test', { device: mysql });
  expect(mysqlTest).toMatchObject({ ok: true, result: { ok: true, stage: 'ok' } });
  const ldapTest = await call(page, 'devices:test', { device: ldap });
  expect(ldapTest).toMatchObject({ ok: true, result: { ok: true, stage: 'ok' } });
  expect((await call(page, 'devices:add', mysql)).ok).toBe(true);
  expect((await call(page, 'devices:add', ldap)).ok).toBe(true);

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const services = page.getByTestId('group-services');
  const mysqlTile = services.getByRole('link', { name: /mariadb-e2e/ });
  const ldapTile = services.getByRole('link', { name: /slapd-e2e/ });
  await expect(mysqlTile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 60_000 });
  await expect(ldapTile.getByTestId('key-figure')).toHaveText(/\d/, { timeout: 60_000 });
  await look(page, 'services-mysql-ldap-dashboard');

  await mysqlTile.click();
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'mysql');
  await expect(page.getByRole('table', { name: 'Sessions', exact: true }).locator('tbody tr').first()).toContainText('vigie');
  await expect(page.getByText('not a replica')).toBeVisible();
  await expect(page.getByTestId('chart').first()).toBeVisible();
  // Rates need a second poll (10 s apart): the Queries chart appears with it.
  await expect(page.getByRole('region', { name: 'Queries', exact: true })).toBeVisible({ timeout: 60_000 });
  await look(page, 'services-mysql-page');

  await page.goBack();
  await ldapTile.click();
  await expect(page.getByTestId('device-page')).toHaveAttribute('data-family', 'ldap');
  const operations = page.getByRole('table', { name: 'Operations', exact: true });
  await expect(operations.getByRole('row', { name: /^bind [1-9]\d* [1-9]/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Operations by type', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('OpenLDAP', { exact: false }).first()).toBeVisible();
  await look(page, 'services-ldap-page');
});

import { describe, expect, it } from 'vitest';
import { DeviceInputSchema } from '../../../shared/contract/devices';
import { CSV_COLUMNS, rowToInput } from './device-csv';

describe('CSV import of mysql and ldap devices', () => {
  it('imports a mysql row, password included, into the input the form sends', () => {
    const row = { name: 'db1', kind: 'mysql', host: 'db1.example.org', port: '3307', mysql_user: 'vigie', mysql_database: 'app', mysql_tls_mode: 'require', mysql_password: 'pw' };
    const input = DeviceInputSchema.parse(rowToInput(row, () => null));
    expect(input).toMatchObject({
      kind: 'mysql',
      host: 'db1.example.org',
      port: 3307,
      mysql: { user: 'vigie', database: 'app', tls: { mode: 'require', caFile: null, certFile: null, keyFile: null }, timeoutMs: 5000 },
      secret: { password: 'pw' },
    });
  });

  it('imports an ldap row and refuses one without its base DN', () => {
    const row = { name: 'dir', kind: 'ldap', host: 'ldap.example.org', ldap_scheme: 'ldaps', ldap_bind_dn: 'cn=monitor,dc=example,dc=org', ldap_base_dn: 'dc=example,dc=org', ldap_password: 'pw' };
    expect(DeviceInputSchema.parse(rowToInput(row, () => null))).toMatchObject({
      kind: 'ldap',
      ldap: { scheme: 'ldaps', bindDn: 'cn=monitor,dc=example,dc=org', baseDn: 'dc=example,dc=org' },
      secret: { password: 'pw' },
    });
    const r = DeviceInputSchema.safeParse(rowToInput({ ...row, ldap_base_dn: '' }, () => null));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('ldap.baseDn');
  });

  it('lists the service columns in the CSV header', () => {
    expect(CSV_COLUMNS).toEqual(expect.arrayContaining(['mysql_user', 'mysql_password', 'ldap_base_dn', 'ldap_bind_dn', 'ldap_password']));
  });
});

import { describe, expect, it } from 'vitest';
import { ldapKind, LdapSettingsSchema } from './ldap';
import { mysqlKind, MysqlSettingsSchema } from './mysql';

describe('mysql and ldap kinds', () => {
  it('read their settings and password from CSV columns and never write the password back', () => {
    const row = { mysql_user: 'mon', mysql_database: 'app', mysql_tls_mode: 'verify', mysql_tls_ca_file: '/etc/ca.pem', mysql_timeout_ms: '3000', mysql_password: ' p w ' };
    const { settings, secret } = mysqlKind.csv.read(row);
    const parsed = MysqlSettingsSchema.parse(settings);
    expect(parsed).toEqual({ user: 'mon', database: 'app', tls: { mode: 'verify', caFile: '/etc/ca.pem', certFile: null, keyFile: null }, timeoutMs: 3000 });
    expect(secret).toEqual({ password: ' p w ' });
    expect(mysqlKind.csv.write(parsed)).toMatchObject({ mysql_user: 'mon', mysql_tls_mode: 'verify' });
    expect(mysqlKind.csv.columns).toContain('mysql_password');
    expect(Object.keys(mysqlKind.csv.write(parsed))).not.toContain('mysql_password');
  });

  it('require the LDAP base DN and a password only with a bind DN', () => {
    expect(LdapSettingsSchema.safeParse({}).success).toBe(false);
    const anonymous = LdapSettingsSchema.parse(ldapKind.csv.read({ ldap_base_dn: 'dc=example,dc=com' }).settings);
    expect(anonymous).toMatchObject({ scheme: 'ldap', bindDn: null, baseDn: 'dc=example,dc=com' });
    expect(ldapKind.requiredSecrets(anonymous)).toEqual([]);
    const bound = LdapSettingsSchema.parse({ baseDn: 'dc=example,dc=com', bindDn: 'cn=monitor,dc=example,dc=com', scheme: 'ldaps' });
    expect(ldapKind.requiredSecrets(bound)).toEqual(['password']);
  });

  it('refuse a client certificate without its key', () => {
    const r = MysqlSettingsSchema.safeParse({ tls: { mode: 'require', certFile: '/c.pem' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['tls', 'keyFile']);
  });
});

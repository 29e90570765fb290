import { describe, expect, it } from 'vitest';
import { missingPrivileges, toMysqlPollError } from './mysql-errors';

describe('MySQL errors', () => {
  it('reads the privilege names out of the server message', () => {
    expect(missingPrivileges('Access denied; you need (at least one of) the SUPER, SLAVE MONITOR privilege(s) for this operation')).toBe('SUPER, SLAVE MONITOR');
    expect(missingPrivileges('Access denied; you need (at least one of) the REPLICATION CLIENT privilege(s) for this operation')).toBe('REPLICATION CLIENT');
    expect(missingPrivileges('something else')).toBeNull();
  });

  it('maps driver and server codes to test stages', () => {
    const at = (code: string, sqlMessage = ''): string => toMysqlPollError({ code, sqlMessage }, 'db:3306', 'vigie', 'app').stage;
    expect(at('ECONNREFUSED')).toBe('refused');
    expect(at('ER_ACCESS_DENIED_ERROR')).toBe('auth');
    expect(at('HANDSHAKE_NO_SSL_SUPPORT')).toBe('tls');
    expect(at('ER_SECURE_TRANSPORT_REQUIRED')).toBe('tls');
    expect(at('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('tls-untrusted');
    expect(at('ER_BAD_DB_ERROR')).toBe('database');
    expect(at('ER_DBACCESS_DENIED_ERROR')).toBe('database');
    expect(toMysqlPollError({ code: 'ER_SPECIFIC_ACCESS_DENIED_ERROR', sqlMessage: 'Access denied; you need (at least one of) the PROCESS privilege(s)' }, 'db:3306', 'vigie', null).message).toBe(
      'User vigie lacks the PROCESS privilege on db:3306',
    );
  });
});

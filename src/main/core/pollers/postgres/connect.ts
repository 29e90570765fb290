import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import type { TestStage } from '../../../../shared/contract/devices';
import { PostgresSettingsSchema, type PostgresSettings } from '../../../../shared/kinds/postgres';
import { PollError, type DeviceTarget } from '../source';

export function postgresSettings(device: DeviceTarget['device']): PostgresSettings {
  // Parsed again so that a device stored by hand or an older version gets the defaults, not undefined.
  return PostgresSettingsSchema.parse(device.postgres ?? {});
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new PollError('tls', `Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * TLS as libpq's sslmode: 'require' encrypts without checking the certificate; 'verify' checks the chain
 * against the CA file but not the host name (verify-ca: servers are often reached by an address that is
 * not in their certificate).
 */
function tlsOptions(s: PostgresSettings): false | ConnectionOptions {
  const { mode, caFile, certFile, keyFile } = s.tls;
  if (mode === 'none') return false;
  const client = certFile && keyFile ? { cert: readPem(certFile, 'client certificate'), key: readPem(keyFile, 'client key') } : {};
  if (mode === 'require' || !caFile) return { rejectUnauthorized: false, ...client };
  return { rejectUnauthorized: true, ca: readPem(caFile, 'CA file'), checkServerIdentity: () => undefined, ...client };
}

/** A client for one poll or test; the caller connects and ends it. */
export function newClient(target: DeviceTarget): pg.Client {
  const s = postgresSettings(target.device);
  return new pg.Client({
    host: target.device.host,
    port: target.device.port ?? 5432,
    user: s.user,
    database: s.database,
    password: target.secret?.password ?? undefined,
    ssl: tlsOptions(s),
    connectionTimeoutMillis: s.timeoutMs,
    query_timeout: s.timeoutMs,
    application_name: 'vigie',
  });
}

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
]);

/**
 * A connection failure in the Test connection vocabulary, with the reason a person can act on. SQLSTATEs:
 * 28P01 wrong password, 28000 refused by pg_hba.conf (no entry, or only for encrypted connections),
 * 3D000 database does not exist.
 */
export function classify(error: unknown, target: DeviceTarget): PollError {
  if (error instanceof PollError) return error;
  const e = error as Error & { code?: string; errno?: number };
  const s = postgresSettings(target.device);
  const where = `${target.device.host}:${target.device.port ?? 5432}`;
  const code = e.code ?? '';
  const message = e.message ?? String(error);
  const fail = (stage: TestStage, text: string): PollError => new PollError(stage, text);
  if (code === 'ECONNREFUSED') return fail('refused', `Connection refused by ${where}: is PostgreSQL running and listening there?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return fail('dns', `Host name ${target.device.host} not found`);
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return fail('timeout', `No answer from ${where} within ${s.timeoutMs} ms`);
  if (code === '28P01') return fail('auth', `Authentication failed for user "${s.user}": wrong password`);
  if (code === '28000') {
    if (/no encryption/i.test(message) && s.tls.mode === 'none')
      return fail('tls', `The server requires TLS for user "${s.user}" (pg_hba.conf allows only hostssl): set TLS to "required"`);
    return fail('auth', `The server refuses user "${s.user}" from this host (pg_hba.conf): ${message}`);
  }
  if (code === '3D000') return fail('database', `Database "${s.database}" does not exist on ${where}`);
  if (/does not support SSL/i.test(message)) return fail('tls', `The server does not support TLS (ssl = off): set TLS to "off" or enable ssl on ${where}`);
  if (UNTRUSTED.has(code)) return fail('tls', `Server certificate not trusted by the CA file ${s.tls.caFile ?? ''} (${code})`);
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /SSL|TLS|certificate/i.test(message))
    return fail('tls', `TLS failed: ${message}`);
  if (code === '42501') return fail('permission', `Permission denied: ${message}`);
  return fail('protocol', `PostgreSQL error${code ? ` ${code}` : ''}: ${message}`);
}

import { certificateRejection } from '../service-tls';
import { PollError } from '../source';

interface MysqlErrorShape {
  code?: unknown;
  errno?: unknown;
  sqlMessage?: unknown;
  message?: unknown;
}

function field(error: unknown, key: keyof MysqlErrorShape): unknown {
  return typeof error === 'object' && error !== null ? (error as MysqlErrorShape)[key] : undefined;
}

/** The privilege names the server put in an "Access denied; you need (at least one of) the X privilege(s)" message. */
export function missingPrivileges(message: string): string | null {
  const m = /you need \(at least one of\) the (.+?) privilege/i.exec(message);
  return m?.[1] ?? null;
}

/**
 * A failed connect or query in the vocabulary of Test connection and the device state. The server's own
 * text is kept where it is the precise answer (which database, which privilege).
 */
export function toMysqlPollError(error: unknown, where: string, user: string, database: string | null): PollError {
  if (error instanceof PollError) return error;
  const code = field(error, 'code');
  const errno = field(error, 'errno');
  const raw = field(error, 'sqlMessage') ?? field(error, 'message');
  const text = typeof raw === 'string' ? raw : String(error);
  const untrusted = certificateRejection(error, where);
  if (untrusted) return untrusted;
  switch (code) {
    case 'ECONNREFUSED':
      return new PollError('refused', `${where} refused the connection: is the server running and listening on this port?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PollError('dns', `Cannot resolve the host of ${where} (${code})`);
    case 'ETIMEDOUT':
    case 'PROTOCOL_SEQUENCE_TIMEOUT':
      return new PollError('timeout', `No answer from ${where} in time`);
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return new PollError('tls', `TLS is required but ${where} does not offer it (have_ssl is not YES on the server)`);
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new PollError('auth', `Authentication failed for user ${user} on ${where}: ${text}`);
    case 'ER_BAD_DB_ERROR':
      return new PollError('database', `Database ${database ?? '?'} does not exist on ${where}`);
    case 'ER_DBACCESS_DENIED_ERROR':
      // The server answers this for a database that does not exist too, so as not to reveal which.
      return new PollError('database', `Database ${database ?? '?'} does not exist on ${where}, or user ${user} has no privilege on it`);
    case 'ER_SECURE_TRANSPORT_REQUIRED':
      return new PollError('tls', `${where} accepts only TLS connections: set TLS to "require" or "verify"`);
    case 'ER_SPECIFIC_ACCESS_DENIED_ERROR': {
      const privileges = missingPrivileges(text);
      return new PollError('permission', `User ${user} lacks ${privileges ? `the ${privileges} privilege` : 'a privilege'} on ${where}`);
    }
    default:
      if (typeof code === 'string' && /SSL|TLS|CERT/i.test(code)) return new PollError('tls', `TLS error with ${where}: ${code} ${text}`);
      if (errno === 1045) return new PollError('auth', `Authentication failed for user ${user} on ${where}: ${text}`);
      return new PollError('protocol', `MySQL error from ${where}: ${typeof code === 'string' ? `${code}: ` : ''}${text}`);
  }
}

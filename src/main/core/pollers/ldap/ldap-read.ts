import { Client, NoSuchObjectError, InsufficientAccessError, type Entry } from 'ldapts';
// Durations use the monotonic sub-millisecond clock: a loopback bind takes well under 1 ms.
import { performance } from 'node:perf_hooks';
import { LDAP_DEFAULT_PORT, LDAPS_DEFAULT_PORT, type LdapSettings } from '../../../../shared/kinds/ldap';
import { hostPort, type ServiceTarget } from '../service-target';
import { serviceTlsOptions } from '../service-tls';
import { PollError } from '../source';
import { toLdapPollError, type LdapStep } from './ldap-errors';

/** cn=Monitor as a map of entry DN (lower case, without ",cn=monitor") → attribute → first value. */
export type MonitorEntries = Map<string, Record<string, string>>;

export type MonitorReading =
  | { kind: 'read'; entries: MonitorEntries }
  /** The root DSE does not advertise a monitorContext: the server runs no monitor database. */
  | { kind: 'disabled' }
  /** Advertised, but this bind DN sees nothing there: an ACL hides it. */
  | { kind: 'denied' };

export interface LdapReading {
  bindMs: number | null;
  searchMs: number;
  responseMs: number;
  namingContexts: string[];
  monitor: MonitorReading;
}

const MONITOR_ATTRIBUTES = ['monitorCounter', 'monitorOpInitiated', 'monitorOpCompleted', 'monitoredInfo', 'monitorTimestamp'];

function first(value: Entry[string] | undefined): string | null {
  if (value === undefined) return null;
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined) return null;
  return typeof v === 'string' ? v : v.toString('utf8');
}

function all(value: Entry[string] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
}

/** "cn=Bind,cn=Operations,cn=Monitor" → "bind,operations" (the key the result builder reads). */
export function monitorKey(dn: string, context: string): string {
  const d = dn.toLowerCase().replace(/\s*,\s*/g, ',');
  const suffix = `,${context.toLowerCase()}`;
  const rel = d.endsWith(suffix) ? d.slice(0, -suffix.length) : d === context.toLowerCase() ? '' : d;
  return rel
    .split(',')
    .map((p) => p.replace(/^cn=/, ''))
    .join(',');
}

async function step<T>(name: LdapStep, where: string, bindDn: string | null, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toLdapPollError(error, name, where, bindDn);
  }
}

/**
 * One poll: connect (StartTLS or ldaps when asked), bind, a base search of the base DN, the root DSE, and
 * the monitor entries when the server has them. A fresh connection per poll, unbound after.
 */
export async function readLdap(target: ServiceTarget<LdapSettings>, signal: AbortSignal): Promise<LdapReading> {
  const { settings } = target;
  const port = target.port ?? (settings.scheme === 'ldaps' ? LDAPS_DEFAULT_PORT : LDAP_DEFAULT_PORT);
  const where = hostPort(target.host, port);
  const bindDn = settings.bindDn;
  // ldaps is TLS whatever the mode says; 'none' there means "encrypt, do not check".
  const tls = await serviceTlsOptions(settings.scheme === 'ldaps' && settings.tls.mode === 'none' ? { ...settings.tls, mode: 'require' } : settings.tls, target.host);
  const client = new Client({
    url: `${settings.scheme}://${where}`,
    timeout: settings.timeoutMs,
    connectTimeout: settings.timeoutMs,
    ...(tls && settings.scheme === 'ldaps' ? { tlsOptions: tls } : {}),
  });
  const abort = (): void => void client.unbind().catch(() => undefined);
  signal.addEventListener('abort', abort, { once: true });
  const started = performance.now();
  try {
    if (settings.scheme === 'ldap' && tls) await step('starttls', where, bindDn, () => client.startTLS(tls));
    let bindMs: number | null = null;
    if (bindDn !== null) {
      const bindStarted = performance.now();
      await step('bind', where, bindDn, () => client.bind(bindDn, target.password ?? ''));
      bindMs = performance.now() - bindStarted;
    }
    const searchStarted = performance.now();
    try {
      await client.search(settings.baseDn, { scope: 'base', attributes: ['1.1'] });
    } catch (error) {
      if (error instanceof NoSuchObjectError) throw new PollError('database', `Base DN ${settings.baseDn} does not exist on ${where} (or ${bindDn ?? 'anonymous'} may not see it)`);
      throw toLdapPollError(error, 'search', where, bindDn);
    }
    const searchMs = performance.now() - searchStarted;
    const responseMs = performance.now() - started;
    const root = await step('search', where, bindDn, () => client.search('', { scope: 'base', attributes: ['monitorContext', 'namingContexts'] }));
    const dse = root.searchEntries[0];
    const context = first(dse?.monitorContext);
    const monitor = context === null ? ({ kind: 'disabled' } as const) : await readMonitor(client, context, where, bindDn);
    return { bindMs, searchMs, responseMs, namingContexts: all(dse?.namingContexts), monitor };
  } catch (error) {
    if (signal.aborted) throw new PollError('timeout', `Poll of ${where} stopped before it answered`);
    throw error instanceof PollError ? error : toLdapPollError(error, 'connect', where, bindDn);
  } finally {
    signal.removeEventListener('abort', abort);
    await client.unbind().catch(() => undefined);
  }
}

async function readMonitor(client: Client, context: string, where: string, bindDn: string | null): Promise<MonitorReading> {
  let entries: Entry[];
  try {
    // Connection entries (one per client) are left out: a busy directory has thousands.
    ({ searchEntries: entries } = await client.search(context, {
      scope: 'sub',
      filter: '(!(objectClass=monitorConnection))',
      attributes: MONITOR_ATTRIBUTES,
    }));
  } catch (error) {
    if (error instanceof NoSuchObjectError || error instanceof InsufficientAccessError) return { kind: 'denied' };
    throw toLdapPollError(error, 'search', where, bindDn);
  }
  if (entries.length === 0) return { kind: 'denied' };
  const out: MonitorEntries = new Map();
  for (const e of entries) {
    const attrs: Record<string, string> = {};
    for (const a of MONITOR_ATTRIBUTES) {
      const v = first(e[a]);
      if (v !== null) attrs[a] = v;
    }
    out.set(monitorKey(e.dn, context), attrs);
  }
  // An ACL may let the base entry through and hide its children: no counters is "denied" too.
  return out.has('total,connections') ? { kind: 'read', entries: out } : { kind: 'denied' };
}

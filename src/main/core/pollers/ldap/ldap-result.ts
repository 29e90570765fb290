import { type CounterRates } from '../counter-rates';
import { MetricList } from '../metric-list';
import type { PollResult, Row } from '../source';
import type { LdapReading, MonitorEntries } from './ldap-read';

/** Operation types under cn=Operations,cn=Monitor (OpenLDAP 2.4–2.6). */
export const LDAP_OPERATIONS = ['bind', 'unbind', 'search', 'compare', 'modify', 'modrdn', 'add', 'delete', 'abandon', 'extended'] as const;

function attr(entries: MonitorEntries, key: string, name: string): string | null {
  return entries.get(key)?.[name] ?? null;
}

function count(entries: MonitorEntries, key: string, name: string): number | null {
  const v = attr(entries, key, name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : null;
}

/** LDAP GeneralizedTime (20261203054724Z) as ISO 8601, which the page formats in the reader's locale. */
export function generalizedTimeToIso(value: string | null): string | null {
  const m = value === null ? null : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : value;
}

export const MONITOR_DISABLED = 'The monitor backend (cn=Monitor) is not enabled on this server: only bind and search times are watched';

/** One reading as the monitor stores and shows it; `rates` keeps the previous counters between polls. */
export function ldapPollResult(reading: LdapReading, rates: CounterRates, at: number, name: string, bindDn: string | null): PollResult {
  const m = new MetricList();
  m.add('ldap.bind.time', reading.bindMs, 'milliseconds');
  m.add('ldap.search.time', reading.searchMs, 'milliseconds');
  m.add('ldap.response.time', reading.responseMs, 'milliseconds');
  const problems: PollResult['problems'] = [];
  const operations: Row[] = [];
  const identity: PollResult['identity'] = {
    name,
    namingContexts: reading.namingContexts.join('; ') || null,
    bindDn: bindDn ?? 'anonymous',
    responseMs: reading.responseMs,
  };
  let uptime: number | null = null;
  const mon = reading.monitor;
  if (mon.kind === 'disabled') {
    identity.monitor = 'not enabled';
    problems.push({ severity: 'warning', message: MONITOR_DISABLED });
  } else if (mon.kind === 'denied') {
    identity.monitor = 'access denied';
    problems.push({ severity: 'warning', message: `Access to cn=Monitor denied for ${bindDn ?? 'anonymous'}: grant it read access (access to dn.subtree="cn=Monitor")` });
  } else {
    const e = mon.entries;
    identity.monitor = 'enabled';
    uptime = count(e, 'uptime,time', 'monitoredInfo');
    const rate = (key: string, value: number | null, max?: number): number | null =>
      value === null ? null : rates.rate(key, { value, at, bits: 64, agentUptime: uptime, ...(max ? { maxRate: max } : {}) });
    const current = count(e, 'current,connections', 'monitorCounter');
    const total = count(e, 'total,connections', 'monitorCounter');
    m.add('ldap.connections.current', current, 'count');
    m.add('ldap.connections.rate', rate('connections', total), 'perSecond');
    const entriesSent = count(e, 'entries,statistics', 'monitorCounter');
    m.add('ldap.entries.rate', rate('entries', entriesSent), 'perSecond');
    m.add('ldap.bytes.rate', rate('bytes', count(e, 'bytes,statistics', 'monitorCounter')), 'bytesPerSecond');
    for (const t of ['open', 'active', 'pending'] as const) m.add(`ldap.threads.${t}`, count(e, `${t},threads`, 'monitoredInfo'), 'count');
    m.add('ldap.operations.initiated.rate', rate('ops.initiated', count(e, 'operations', 'monitorOpInitiated')), 'perSecond');
    m.add('ldap.operations.completed.rate', rate('ops.completed', count(e, 'operations', 'monitorOpCompleted')), 'perSecond');
    for (const op of LDAP_OPERATIONS) {
      const initiated = count(e, `${op},operations`, 'monitorOpInitiated');
      const completed = count(e, `${op},operations`, 'monitorOpCompleted');
      if (initiated === null && completed === null) continue;
      const perSecond = rate(`op.${op}`, completed);
      m.add('ldap.operations.rate', perSecond, 'perSecond', op);
      operations.push({ operation: op, initiated, completed, perSecond });
    }
    Object.assign(identity, {
      version: attr(e, '', 'monitoredInfo'),
      startedAt: generalizedTimeToIso(attr(e, 'start,time', 'monitorTimestamp')),
      connectionsCurrent: current,
      connectionsTotal: total,
      entriesSent,
      threadsMax: count(e, 'max,threads', 'monitoredInfo'),
    });
  }
  return { family: 'ldap', identity, metrics: m.values, tables: { operations }, problems, uptimeSeconds: uptime };
}

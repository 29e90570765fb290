import { describe, expect, it } from 'vitest';
import { CounterRates } from '../counter-rates';
import type { PollResult } from '../source';
import { monitorKey, type MonitorEntries } from './ldap-read';
import { generalizedTimeToIso, ldapPollResult, MONITOR_DISABLED } from './ldap-result';

const value = (r: PollResult, name: string, instance = ''): number | undefined => r.metrics.find((m) => m.name === name && m.instance === instance)?.value;

function entries(total: number, binds: number, sent: number, uptime: number): MonitorEntries {
  return new Map<string, Record<string, string>>([
    ['', { monitoredInfo: 'OpenLDAP: slapd 2.5.13' }],
    ['total,connections', { monitorCounter: String(total) }],
    ['current,connections', { monitorCounter: '7' }],
    ['operations', { monitorOpInitiated: String(binds + 1), monitorOpCompleted: String(binds) }],
    ['bind,operations', { monitorOpInitiated: String(binds), monitorOpCompleted: String(binds) }],
    ['entries,statistics', { monitorCounter: String(sent) }],
    ['open,threads', { monitoredInfo: '4' }],
    ['active,threads', { monitoredInfo: '1' }],
    ['pending,threads', { monitoredInfo: '0' }],
    ['uptime,time', { monitoredInfo: String(uptime) }],
  ]);
}

describe('LDAP poll result', () => {
  it('turns the start time into ISO 8601', () => {
    expect(generalizedTimeToIso('20261203054724Z')).toBe('2026-12-03T05:47:24Z');
    expect(generalizedTimeToIso('not a time')).toBe('not a time');
  });

  it('keys monitor entries by their relative DN', () => {
    expect(monitorKey('cn=Bind,cn=Operations,cn=Monitor', 'cn=Monitor')).toBe('bind,operations');
    expect(monitorKey('cn=Monitor', 'cn=Monitor')).toBe('');
    expect(monitorKey('cn=Max Pending, cn=Threads, cn=Monitor', 'cn=Monitor')).toBe('max pending,threads');
  });

  it('reads connections, threads and per-operation rates from cn=Monitor', () => {
    const rates = new CounterRates();
    const base = { bindMs: 1.5, searchMs: 0.5, responseMs: 3, namingContexts: ['dc=example,dc=com'] };
    ldapPollResult({ ...base, monitor: { kind: 'read', entries: entries(100, 50, 1000, 600) } }, rates, 0, 'dir', 'cn=monitor');
    const r = ldapPollResult({ ...base, monitor: { kind: 'read', entries: entries(160, 170, 7000, 660) } }, rates, 60_000, 'dir', 'cn=monitor');
    expect(value(r, 'ldap.connections.current')).toBe(7);
    expect(value(r, 'ldap.connections.rate')).toBe(1);
    expect(value(r, 'ldap.operations.rate', 'bind')).toBe(2);
    expect(value(r, 'ldap.entries.rate')).toBe(100);
    expect(value(r, 'ldap.threads.open')).toBe(4);
    expect(r.uptimeSeconds).toBe(660);
    expect(r.tables.operations).toEqual([{ operation: 'bind', initiated: 170, completed: 170, perSecond: 2 }]);
    expect(r.identity).toMatchObject({ monitor: 'enabled', version: 'OpenLDAP: slapd 2.5.13', connectionsTotal: 160, namingContexts: 'dc=example,dc=com' });
  });

  it('makes a missing or hidden monitor a warning, with bind and search times still measured', () => {
    const base = { bindMs: null, searchMs: 0.5, responseMs: 1, namingContexts: [] };
    const off = ldapPollResult({ ...base, monitor: { kind: 'disabled' } }, new CounterRates(), 0, 'dir', null);
    expect(off.problems).toEqual([{ severity: 'warning', message: MONITOR_DISABLED }]);
    expect(value(off, 'ldap.search.time')).toBe(0.5);
    expect(value(off, 'ldap.bind.time')).toBeUndefined();
    const hidden = ldapPollResult({ ...base, monitor: { kind: 'denied' } }, new CounterRates(), 0, 'dir', null);
    expect(hidden.problems[0]?.message).toContain('Access to cn=Monitor denied for anonymous');
  });
});

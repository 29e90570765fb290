import { describe, expect, it } from 'vitest';
import { ntp } from './ntp';
import { host, plainRows, snapshotOf } from './test-snapshot';

describe('ntp', () => {
  const s = snapshotOf({
    hosts: [
      host('ok', { skewSeconds: 1.2 }),
      host('empty', { ntpServers: [] }),
      host('other', { ntpServers: ['pool.ntp.org'] }),
      host('stopped', { ntpdRunning: false }),
      host('skewed', { skewSeconds: -12.34 }),
      host('kerberos', { skewSeconds: 400 }),
      host('off', { connectionState: 'disconnected', ntpServers: [] }),
    ],
    notes: new Map(),
  });

  it('lists empty or unexpected servers, ntpd stopped and skew over S seconds', () => {
    expect(plainRows(ntp.run(s, { servers: ['NTP2', 'ntp1'], maxSkewSeconds: 5 }))).toEqual([
      { severity: 'warning', host: 'empty', ntpServers: '', serviceRunning: true, skewSeconds: null, problem: 'no NTP server' },
      { severity: 'warning', host: 'other', ntpServers: 'pool.ntp.org', serviceRunning: true, skewSeconds: null, problem: 'servers differ from NTP2, ntp1' },
      { severity: 'warning', host: 'stopped', ntpServers: 'ntp1, ntp2', serviceRunning: false, skewSeconds: null, problem: 'ntpd not running' },
      { severity: 'warning', host: 'skewed', ntpServers: 'ntp1, ntp2', serviceRunning: true, skewSeconds: -12.3, problem: 'clock off by -12.3 s' },
      { severity: 'critical', host: 'kerberos', ntpServers: 'ntp1, ntp2', serviceRunning: true, skewSeconds: 400, problem: 'clock off by 400 s' },
    ]);
  });

  it('without an expected list only empty servers count; the skew note is passed on', () => {
    const noted = { ...s, notes: new Map([['ntp', 'clock skew not measured: unsupported']]) };
    const out = ntp.run(noted, { servers: [], maxSkewSeconds: 60 });
    expect(plainRows(out).map((r) => r.host)).toEqual(['empty', 'stopped', 'kerberos']);
    expect(out.status === 'rows' && out.message).toBe('clock skew not measured: unsupported');
  });

  it('the skew is optional: the check never becomes unsupported because of it', () => {
    expect(ntp.needs.calls ?? []).toEqual([]);
    expect(ntp.needs.optionalCalls).toEqual(['HostDateTimeSystem.QueryDateTime']);
  });
});

import { CALLS } from '../calls';
import type { SnapshotCheck } from '../snapshot';
import { round1, thresholdList, thresholdNumber } from '../thresholds';

/** Past this skew Kerberos (and so AD logins to the host) fails: worth more than a warning. */
const KERBEROS_SKEW_S = 300;

/**
 * Connected hosts with no NTP server, servers other than the expected list, ntpd not running, or a clock
 * off by more than S seconds. Servers and ntpd come from host properties; only the skew needs the host's
 * date-time manager, and without it the skew is blank with a note while the other problems are still listed.
 * Expected servers the console itself cannot reach (SNTP probe) are rows without a host.
 */
export const ntp: SnapshotCheck = {
  id: 'ntp',
  title: { en: 'NTP configuration and clock skew over {maxSkewSeconds} s', fr: 'Configuration NTP et décalage d’horloge au-delà de {maxSkewSeconds} s' },
  defaults: { servers: [], maxSkewSeconds: 5 },
  columns: ['host', 'ntpServers', 'serviceRunning', 'skewSeconds', 'problem'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    ntpServers: { en: 'NTP servers', fr: 'Serveurs NTP' },
    serviceRunning: { en: 'ntpd running', fr: 'ntpd actif' },
    skewSeconds: { en: 'Skew (s)', fr: 'Décalage (s)' },
    problem: { en: 'Problem', fr: 'Problème' },
  },
  needs: {
    properties: [{ type: 'HostSystem', paths: ['config.dateTimeInfo', 'config.service'] }],
    optionalCalls: [CALLS.hostClock],
    probes: { ntp: (t) => thresholdList(t, 'servers') },
  },
  // The servers are part of a finding: a host whose servers change is a new problem.
  identity: ['host', 'ntpServers'],
  subjects: { host: 'host' },
  run(snapshot, t) {
    const configured = thresholdList(t, 'servers');
    const expected = configured.map((s) => s.toLowerCase());
    const maxSkew = thresholdNumber(t, 'maxSkewSeconds', 5);
    const rows = [];
    for (const h of snapshot.hosts) {
      if (h.connectionState !== 'connected') continue;
      const servers = h.ntpServers ?? [];
      const problems: string[] = [];
      let critical = false;
      if (h.ntpServers !== null && servers.length === 0) problems.push('no NTP server');
      else if (expected.length > 0) {
        const have = servers.map((s) => s.toLowerCase()).sort();
        const want = [...expected].sort();
        if (have.join(',') !== want.join(',')) problems.push(`servers differ from ${configured.join(', ')}`);
      }
      if (h.ntpdRunning === false) problems.push('ntpd not running');
      if (h.skewSeconds !== null && Math.abs(h.skewSeconds) > maxSkew) {
        problems.push(`clock off by ${round1(h.skewSeconds)} s`);
        critical = Math.abs(h.skewSeconds) > KERBEROS_SKEW_S;
      }
      if (problems.length === 0) continue;
      rows.push({
        severity: critical ? ('critical' as const) : ('warning' as const),
        cells: {
          host: h.name,
          ntpServers: servers.join(', '),
          serviceRunning: h.ntpdRunning,
          skewSeconds: h.skewSeconds === null ? null : round1(h.skewSeconds),
          problem: problems.join('; '),
        },
      });
    }
    for (const p of snapshot.ntpProbes ?? []) {
      if (p.error === null) continue;
      rows.push({
        severity: 'critical' as const,
        cells: { host: null, ntpServers: p.server, serviceRunning: null, skewSeconds: null, problem: `not reachable from the console: ${p.error}` },
      });
    }
    return { status: 'rows', rows, message: snapshot.notes.get('ntp') ?? null };
  },
};

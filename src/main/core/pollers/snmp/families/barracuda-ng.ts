import { barracudaNgDescriptor } from '../../../../../shared/families/barracuda-ng';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { readFirewallSessions } from '../mibs/barracuda';
import { MetricList } from '../../metric-list';
import { optional } from '../optional';
import { HOST_RULES } from './host-parts';
import { linuxFamily } from './linux';

const BARRACUDA_NG = '1.3.6.1.4.1.10704';

export function detectBarracudaNg(system: SystemInfo): number {
  if (oidUnder(system.sysObjectID, BARRACUDA_NG)) return 30;
  if (/Barracuda (NG |CloudGen )?Firewall/i.test(system.sysDescr) && !/Spam/i.test(system.sysDescr)) return 25;
  return 0;
}

/** Barracuda CloudGen (NG) Firewall: a Linux host (net-snmp: CPU, memory, load, disks, interfaces) plus firewall sessions. */
export const barracudaNg: SnmpFamily = {
  descriptor: barracudaNgDescriptor,
  rules: HOST_RULES.filter((r) => r.id !== 'process'),
  detect: detectBarracudaNg,
  async poll(ctx) {
    const host = await linuxFamily.poll(ctx);
    const sessions = await optional(() => readFirewallSessions(ctx.session), null);
    const metrics = new MetricList();
    metrics.add('firewall.sessions', sessions, 'count');
    return {
      ...host,
      identity: { ...host.identity, firewallSessions: sessions },
      metrics: [...host.metrics, ...metrics.values],
    };
  },
};

import { barracudaSpamDescriptor } from '../../../../../shared/families/barracuda-spam';
import type { Rule } from '../../../alerting/rule';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { readBarracudaMail } from '../mibs/barracuda';
import { MetricList } from '../../metric-list';
import { optional } from '../optional';
import { HOST_RULES } from './host-parts';
import { linuxFamily } from './linux';

const BARRACUDA_MAIL_ENTERPRISE = '1.3.6.1.4.1.20632';
const SPAM_DESCR = /Barracuda (Spam|Email Security|Message)/i;

/** The appliance hides behind net-snmp's Linux sysObjectID (8072.3.2.10): its description gives it away. */
export function detectBarracudaSpam(system: SystemInfo): number {
  if (oidUnder(system.sysObjectID, BARRACUDA_MAIL_ENTERPRISE)) return 40;
  if (SPAM_DESCR.test(system.sysDescr)) return 40;
  return 0;
}

export const SPAM_RULES: Rule[] = [
  { id: 'mail-inbound-queue', label: 'Inbound queue > 80 / 100', labelCode: 'rule.mail-inbound-queue', metric: 'mail.queue.inbound', op: '>', warning: 80, critical: 100 },
  { id: 'mail-outbound-queue', label: 'Outbound queue > 80 / 100', labelCode: 'rule.mail-outbound-queue', metric: 'mail.queue.outbound', op: '>', warning: 80, critical: 100 },
  { id: 'mail-deferred-queue', label: 'Deferred queue > 80 / 100', labelCode: 'rule.mail-deferred-queue', metric: 'mail.queue.deferred', op: '>', warning: 80, critical: 100 },
  { id: 'mail-latency', label: 'Average latency > 40 s / 60 s', labelCode: 'rule.mail-latency', metric: 'mail.latency', op: '>', warning: 40, critical: 60 },
  { id: 'cpu', label: 'CPU > 80 % / 90 %', labelCode: 'rule.cpu-80-90', metric: 'cpu.total', op: '>', warning: 80, critical: 90 },
  ...HOST_RULES.filter((r) => r.id !== 'cpu' && r.id !== 'process'),
];

/**
 * Barracuda Spam & Virus Firewall: mail queues, latency, CPU and mails of the day from the Barracuda MIB,
 * and the host figures of the net-snmp agent it runs (memory, load, interfaces) through the Linux family.
 */
export const barracudaSpam: SnmpFamily = {
  descriptor: barracudaSpamDescriptor,
  rules: SPAM_RULES,
  detect: detectBarracudaSpam,
  async poll(ctx) {
    const host = await linuxFamily.poll(ctx);
    const mail = await optional(() => readBarracudaMail(ctx.session), null);
    const metrics = new MetricList();
    if (mail) {
      metrics.add('mail.queue.inbound', mail.inboundQueue, 'count');
      metrics.add('mail.queue.outbound', mail.outboundQueue, 'count');
      metrics.add('mail.queue.deferred', mail.deferredQueue, 'count');
      metrics.add('mail.latency', mail.latencySeconds, 'seconds');
      metrics.add('mail.sent.today', mail.sentToday, 'count');
      metrics.add('cpu.total', mail.cpuPercent, 'percent');
    }
    // The appliance's own CPU figure replaces the one derived from the net-snmp counters.
    const own = new Set(metrics.values.map((m) => `${m.name}|${m.instance}`));
    const hostMetrics = host.metrics.filter((m) => !own.has(`${m.name}|${m.instance}`));
    return {
      ...host,
      identity: {
        ...host.identity,
        mailStatistics: mail ? 'Barracuda MIB' : 'not answered (enterprise 20632): no queue or latency figures',
      },
      metrics: [...hostMetrics, ...metrics.values],
    };
  },
};

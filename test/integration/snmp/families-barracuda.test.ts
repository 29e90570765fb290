import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnmprec, snmprecColumn, snmprecNumber, type Snmprec } from '../../helpers/snmprec';
import { LAB_SNMPREC, SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { evaluateRules, metric, pollOnce, raised, rulesOf } from './families-harness';

const SPAM = `${SHARED_SNMPREC}barracuda-spam-firewall.snmprec`;
const SPAM_QUEUES = `${LAB_SNMPREC}barracuda-spam-queues.snmprec`;
const NG = `${SHARED_SNMPREC}barracuda-ngfirewall.snmprec`;

const MAIL = '1.3.6.1.4.1.20632.2';
const UCD_MEM_TOTAL = '1.3.6.1.4.1.2021.4.5.0';

/** A Barracuda statistic, served with or without the ".0" instance. */
function mail(rec: Snmprec, arc: number): number | null {
  return snmprecNumber(rec.get(`${MAIL}.${arc}`) ?? rec.get(`${MAIL}.${arc}.0`));
}

describe('Barracuda families against recordings', () => {
  let peer: SnmpsimPeer;

  beforeAll(async () => {
    peer = await startSnmpsim([SPAM, SPAM_QUEUES, NG]);
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it('Spam Firewall without the Barracuda MIB: detected from sysDescr, host figures, no made-up queues', async () => {
    const rec = readSnmprec(SPAM);
    const r = await pollOnce(peer, 'barracuda-spam-firewall');
    expect(r.family).toBe('barracuda-spam');
    expect(r.identity.mailStatistics).toMatch(/not answered/);
    expect(r.metrics.filter((m) => m.name.startsWith('mail.'))).toEqual([]);
    expect(metric(r, 'memory.total')).toBe((snmprecNumber(rec.get(UCD_MEM_TOTAL)) ?? NaN) * 1024);
    expect(r.tables.interfaces?.map((i) => i.name)).toEqual(['lo', 'eth0']);
  });

  it('Spam Firewall with queues: figures from the Barracuda MIB, queue and latency rules raised', async () => {
    const rec = readSnmprec(SPAM_QUEUES);
    const r = await pollOnce(peer, 'barracuda-spam-queues');
    expect(r.family).toBe('barracuda-spam');
    expect(metric(r, 'mail.queue.inbound')).toBe(mail(rec, 2));
    expect(metric(r, 'mail.queue.outbound')).toBe(mail(rec, 3));
    expect(metric(r, 'mail.queue.deferred')).toBe(mail(rec, 4));
    expect(metric(r, 'mail.latency')).toBe(mail(rec, 5));
    expect(metric(r, 'cpu.total')).toBe(mail(rec, 13));
    expect(metric(r, 'mail.sent.today')).toBe(mail(rec, 60));
    expect(r.metrics.filter((m) => m.name === 'cpu.total')).toHaveLength(1);
    expect(raised(evaluateRules(rulesOf('barracuda-spam'), r.metrics))).toEqual([
      ['mail-deferred-queue|', 'critical'],
      ['mail-inbound-queue|', 'warning'],
      ['mail-latency|', 'warning'],
    ]);
  });

  it('CloudGen (NG) Firewall: firewall sessions and the Linux host figures', async () => {
    const rec = readSnmprec(NG);
    const r = await pollOnce(peer, 'barracuda-ngfirewall');
    expect(r.family).toBe('barracuda-ng');
    expect(metric(r, 'firewall.sessions')).toBe(snmprecNumber(rec.get('1.3.6.1.4.1.10704.1.10.1.4.8.102.119.83.116.97.116.115.0')));
    expect(metric(r, 'memory.total')).toBe((snmprecNumber(rec.get(UCD_MEM_TOTAL)) ?? NaN) * 1024);
    const fixedDisks = [...rec].filter(([oid, e]) => oid.startsWith('1.3.6.1.2.1.25.2.3.1.2.') && e.value === '1.3.6.1.2.1.25.2.1.4').length;
    expect(fixedDisks).toBeGreaterThan(0);
    expect(r.tables.filesystems).toHaveLength(fixedDisks);
    expect(r.tables.interfaces).toHaveLength(snmprecColumn(rec, '1.3.6.1.2.1.2.2.1', 2).size);
  });
});

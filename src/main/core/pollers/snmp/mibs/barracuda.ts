import { toNumber } from '../session/decode';
import type { SnmpSession, SnmpVarbind } from '../session/types';

/**
 * Barracuda Spam & Virus Firewall statistics (enterprise 20632, subtree .2). The appliance serves them as
 * leaves without the usual ".0" instance (".1.3.6.1.4.1.20632.2.2  0" in Checkmk's walks), some firmwares
 * with it: the subtree is walked and both forms accepted. Values may come as integers or numeric strings.
 */
export const BARRACUDA_MAIL = '1.3.6.1.4.1.20632.2';
const ARC = { inbound: 2, outbound: 3, deferred: 4, latency: 5, cpu: 13, sentToday: 60 } as const;

export interface BarracudaMail {
  inboundQueue: number | null;
  outboundQueue: number | null;
  deferredQueue: number | null;
  /** Average delivery latency, seconds. */
  latencySeconds: number | null;
  cpuPercent: number | null;
  sentToday: number | null;
}

export function parseBarracudaMail(varbinds: readonly SnmpVarbind[]): BarracudaMail | null {
  const byArc = new Map<number, number>();
  const prefix = `${BARRACUDA_MAIL}.`;
  for (const vb of varbinds) {
    if (!vb.oid.startsWith(prefix)) continue;
    const rest = vb.oid.slice(prefix.length).split('.');
    if (rest.length > 2 || (rest.length === 2 && rest[1] !== '0')) continue;
    const arc = Number(rest[0]);
    const value = toNumber(vb);
    if (Number.isInteger(arc) && value !== null && !byArc.has(arc)) byArc.set(arc, value);
  }
  if (byArc.size === 0) return null;
  const get = (arc: number): number | null => byArc.get(arc) ?? null;
  return {
    inboundQueue: get(ARC.inbound),
    outboundQueue: get(ARC.outbound),
    deferredQueue: get(ARC.deferred),
    latencySeconds: get(ARC.latency),
    cpuPercent: get(ARC.cpu),
    sentToday: get(ARC.sentToday),
  };
}

export async function readBarracudaMail(session: SnmpSession): Promise<BarracudaMail | null> {
  return parseBarracudaMail(await session.walk(BARRACUDA_MAIL));
}

/**
 * Barracuda CloudGen (NG) Firewall, PHION-MIB (1.3.6.1.4.1.10704.1.10.1): firewall sessions, 64-bit column
 * (.4) first, else the 32-bit one (.1); rows are indexed by the statistics set name ("fwStats").
 */
export const PHION_FIREWALL = '1.3.6.1.4.1.10704.1.10.1';

export async function readFirewallSessions(session: SnmpSession): Promise<number | null> {
  const t = await session.table(PHION_FIREWALL, [1, 4]);
  let total: number | null = null;
  for (const col of t.values()) {
    const v = toNumber(col.get(4)) ?? toNumber(col.get(1));
    if (v !== null) total = (total ?? 0) + v;
  }
  return total;
}

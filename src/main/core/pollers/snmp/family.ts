import type { CounterSample } from '../counter-rates';
import type { DeviceTarget, FamilyModule, PollResult } from '../source';
import type { SnmpSession } from './session/types';

/** The SNMPv2-MIB system group, read before anything else: it identifies the device and its family. */
export interface SystemInfo {
  sysDescr: string;
  sysObjectID: string;
  /** Agent uptime in seconds (sysUpTime / 100): a smaller value than last poll means the agent restarted. */
  sysUpTime: number | null;
  sysContact: string;
  sysName: string;
  sysLocation: string;
}

export interface SnmpPollContext {
  session: SnmpSession;
  system: SystemInfo;
  device: DeviceTarget['device'];
  /** Poll time (ms). */
  now: number;
  /**
   * Counter → per-second rate for this device (key it by metric and instance); null on the first poll,
   * after a wrap it cannot prove, or after an agent restart. sysUpTime is applied for you.
   */
  rate(key: string, sample: Omit<CounterSample, 'at' | 'agentUptime'>): number | null;
}

/** The family's part of a poll: everything but the family id, which the engine fills in. */
export type FamilyPoll = Omit<PollResult, 'family'>;

/**
 * One device family over SNMP. Adding a family is adding one file that exports one of these (plus its
 * descriptor in src/shared/families/) and listing it in ./families/index.ts.
 */
export interface SnmpFamily extends FamilyModule {
  /**
   * How well this family matches the device: 0 = not at all; higher wins (ties: the first in SNMP_FAMILIES).
   * Scale shared by every family:
   *    1  any agent (generic-snmp)
   *   10-15  a sysDescr pattern of a broad class ("Linux ...", "Software: Windows", "Cisco IOS")
   *   20  a sysObjectID prefix of a broad class (net-snmp on Linux 8072.3.2.10, Microsoft 311.1.1.3, Cisco 9.1)
   *   25-30  a specific product by sysDescr / sysObjectID (ESXi 6876.4, NetApp 789, APC 318, Barracuda 10704)
   *   40+  proven by a vendor object read here (AirPort's sysConfName, a Barracuda queue...), or a product
   *        that hides behind a broad sysObjectID (Barracuda Spam Firewall answers net-snmp's 8072.3.2.10)
   * May read more objects through the session when the system group is not enough; a throw counts as 0.
   */
  detect(system: SystemInfo, session: SnmpSession): Promise<number> | number;
  poll(ctx: SnmpPollContext): Promise<FamilyPoll>;
}

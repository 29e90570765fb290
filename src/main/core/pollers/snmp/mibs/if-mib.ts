import { MetricList } from '../../metric-list';
import type { MetricValue } from '../../../../../shared/contract/devices';
import type { Row } from '../../source';
import { toCounter, toNumber, toText } from '../session/decode';
import type { SnmpPollContext } from '../family';
import { optional } from '../optional';
import type { SnmpTable, SnmpVarbind } from '../session/types';

const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';
const OPER_STATUS = ['', 'up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];
/** A saturated ifSpeed (Gauge32 max) means "faster than 4.29 Gbit/s, see ifHighSpeed": treat as unknown. */
const SATURATED = 4_294_967_295;
/** ifType of software interfaces: softwareLoopback, propVirtual, tunnel, l2vlan, l3ipvlan, ieee8023adLag, bridge. */
const VIRTUAL_TYPES = new Set([24, 53, 131, 135, 136, 161, 209]);

export interface InterfacesResult {
  rows: Row[];
  metrics: MetricValue[];
}

export interface InterfaceOptions {
  /** Keep only some interfaces (e.g. Dot11Radio on an access point). */
  filter?: (name: string, type: number | null) => boolean;
}

/**
 * IF-MIB for every SNMP family: names from ifXTable (ifName, alias, high speed) when the agent has it, else
 * ifDescr; traffic from the 64-bit HC counters, falling back to the 32-bit ones per interface (many switches
 * have HC counters only on some ports); errors and discards as rates; rows for the page's ports table.
 */
export async function collectInterfaces(ctx: SnmpPollContext, options: InterfaceOptions = {}): Promise<InterfacesResult> {
  const { session } = ctx;
  const none: SnmpTable = new Map();
  // Either table may be missing or refused: some agents (Aironet access points among them) answer ifXTable
  // and no ifTable. The interfaces are those of ifTable, else those of ifXTable.
  const base = await optional(() => session.table(IF_ENTRY, [2, 3, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20]), none);
  const ext = await optional(() => session.table(IFX_ENTRY, [1, 6, 7, 10, 11, 15, 18]), none);
  const indexes = base.size > 0 ? [...base.keys()] : [...ext.keys()];
  if (indexes.length === 0) return { rows: [], metrics: [] };
  const rows: Row[] = [];
  const metrics = new MetricList();
  const seen = new Map<string, number>();

  for (const index of indexes) {
    const col = base.get(index) ?? new Map<number, SnmpVarbind>();
    const x = ext.get(index);
    // ifName, else ifDescr, else the index: a name is never empty.
    let name = toText(x?.get(1)) || toText(col.get(2)) || `if${index}`;
    const type = toNumber(col.get(3));
    if (options.filter && !options.filter(name, type)) continue;
    // Two interfaces may share a name (e.g. on NetApp VLANs): keep instances unique by suffixing the index.
    const dup = seen.get(name) ?? 0;
    seen.set(name, dup + 1);
    if (dup > 0) name = `${name} #${index}`;

    const highSpeed = toNumber(x?.get(15));
    const speed32 = toNumber(col.get(5));
    const speedBits = highSpeed && highSpeed > 0 ? highSpeed * 1_000_000 : speed32 && speed32 !== SATURATED ? speed32 : null;

    const hcIn = toCounter(x?.get(6));
    const hcOut = toCounter(x?.get(10));
    const useHc = hcIn !== null && hcOut !== null && hcIn.bits === 64;
    const inOctets = useHc ? hcIn : toCounter(col.get(10));
    const outOctets = useHc ? hcOut : toCounter(col.get(16));
    // The speed ceiling tells a 32-bit wrap from a reset. 64-bit counters need none (a reset goes backwards),
    // and virtual interfaces (loopback, tunnels, VLANs, bonds, bridges) announce a nominal speed they exceed.
    const maxBytesRate = speedBits && !useHc && !VIRTUAL_TYPES.has(type ?? 0) ? (speedBits / 8) * 1.5 : undefined;
    const inPkts = (useHc ? toCounter(x?.get(7)) : null) ?? toCounter(col.get(11));
    const outPkts = (useHc ? toCounter(x?.get(11)) : null) ?? toCounter(col.get(17));

    const rate = (metric: string, c: ReturnType<typeof toCounter>, max?: number): number | null =>
      c ? ctx.rate(`${metric}|${index}`, { value: c.value, bits: c.bits, ...(max !== undefined ? { maxRate: max } : {}) }) : null;

    const inBytes = rate('if.in', inOctets, maxBytesRate);
    const outBytes = rate('if.out', outOctets, maxBytesRate);
    const inErr = rate('if.in.errors', toCounter(col.get(14)));
    const outErr = rate('if.out.errors', toCounter(col.get(20)));
    const inDisc = rate('if.in.discards', toCounter(col.get(13)));
    const outDisc = rate('if.out.discards', toCounter(col.get(19)));
    const inPps = rate('if.in.packets', inPkts);
    const outPps = rate('if.out.packets', outPkts);

    const oper = toNumber(col.get(8));
    const admin = toNumber(col.get(7));
    const push = (metricName: string, value: number | null, unit: MetricValue['unit']): void =>
      metrics.add(metricName, value, unit, name);
    push('if.in.bps', inBytes === null ? null : inBytes * 8, 'bitsPerSecond');
    push('if.out.bps', outBytes === null ? null : outBytes * 8, 'bitsPerSecond');
    push('if.in.errors', inErr, 'perSecond');
    push('if.out.errors', outErr, 'perSecond');
    push('if.in.discards', inDisc, 'perSecond');
    push('if.out.discards', outDisc, 'perSecond');
    push('if.in.packets', inPps, 'perSecond');
    push('if.out.packets', outPps, 'perSecond');
    push('if.up', oper === null ? null : oper === 1 ? 1 : 0, '');

    rows.push({
      index: Number(index),
      name,
      alias: toText(x?.get(18)) ?? '',
      type: type ?? null,
      admin: admin === 1 ? 'up' : admin === 2 ? 'down' : admin === 3 ? 'testing' : null,
      status: oper === null ? null : (OPER_STATUS[oper] ?? String(oper)),
      speed: speedBits,
      inBps: inBytes === null ? null : inBytes * 8,
      outBps: outBytes === null ? null : outBytes * 8,
      inErrors: inErr,
      outErrors: outErr,
      counters: useHc ? 64 : 32,
    });
  }
  return { rows, metrics: metrics.values };
}

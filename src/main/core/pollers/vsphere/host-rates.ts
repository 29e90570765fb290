import type { CallOptions } from '../../vsphere/client';
import { REALTIME_INTERVAL, type PerfCounter, type PerfManager, type PerfMetricId } from '../../vsphere/perf';
import type { MoRef } from '../../vsphere/xml-build';
import { refKey } from '../../vsphere/xml-parse';

/** The realtime counters read per host device; values already rates (or counts over the 20 s interval). */
const COUNTERS = {
  rx: 'net.received.average',
  tx: 'net.transmitted.average',
  rxPackets: 'net.packetsRx.summation',
  txPackets: 'net.packetsTx.summation',
  read: 'storageAdapter.read.average',
  write: 'storageAdapter.write.average',
  reads: 'storageAdapter.numberReadAveraged.average',
  writes: 'storageAdapter.numberWriteAveraged.average',
} as const;
type Field = keyof typeof COUNTERS;

export interface NicRates {
  host: string;
  device: string;
  /** Bytes per second (vSphere reports KBps). */
  rx: number | null;
  tx: number | null;
  /** Packets per second (vSphere reports packets per sampling interval). */
  rxPackets: number | null;
  txPackets: number | null;
}

export interface AdapterRates {
  host: string;
  device: string;
  read: number | null;
  write: number | null;
  reads: number | null;
  writes: number | null;
}

export interface HostRates {
  nics: NicRates[];
  adapters: AdapterRates[];
}

const NIC_FIELDS: Field[] = ['rx', 'tx', 'rxPackets', 'txPackets'];
const ADAPTER_FIELDS: Field[] = ['read', 'write', 'reads', 'writes'];
/** Available metrics are re-read this often (a host gains a NIC or an HBA rarely). */
const AVAILABLE_TTL_MS = 60 * 60 * 1000;

/**
 * Host NIC and storage-adapter rates from realtime performance counters: which devices each host has comes
 * from QueryAvailablePerfMetric (cached), the latest 20 s sample of every host from one batched QueryPerf.
 */
export class HostRateReader {
  private readonly available = new Map<string, { at: number; ids: PerfMetricId[] }>();

  constructor(
    private readonly perf: PerfManager,
    private readonly now: () => number,
  ) {}

  async read(hosts: readonly { ref: MoRef; name: string }[], opts: CallOptions): Promise<HostRates> {
    const out: HostRates = { nics: [], adapters: [] };
    if (hosts.length === 0) return out;
    const catalog = await this.perf.counters(opts);
    const byKey = new Map<number, Field>();
    for (const [field, fullName] of Object.entries(COUNTERS) as [Field, string][]) {
      const c: PerfCounter | undefined = catalog.get(fullName);
      if (c) byKey.set(c.key, field);
    }
    if (byKey.size === 0) return out;

    // The first poll of a large vCenter asks every host for its devices: a few at a time, not all at once.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < hosts.length) {
        const h = hosts[next++];
        if (h) await this.availableFor(h.ref, opts);
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, hosts.length) }, worker));
    const queries = [];
    for (const h of hosts) {
      const ids = (await this.availableFor(h.ref, opts)).filter((m) => byKey.has(m.counterId) && m.instance !== '');
      if (ids.length) queries.push({ entity: h.ref, metrics: ids, intervalId: REALTIME_INTERVAL, maxSample: 1 });
    }
    const names = new Map(hosts.map((h) => [refKey(h.ref), h.name]));
    for (const result of await this.perf.query(queries, opts)) {
      const host = names.get(refKey(result.entity)) ?? result.entity.value;
      const interval = result.samples.at(-1)?.interval ?? REALTIME_INTERVAL;
      const devices = new Map<string, Partial<Record<Field, number | null>>>();
      for (const s of result.series) {
        const field = byKey.get(s.counterId);
        if (!field) continue;
        const raw = s.values.at(-1);
        let value: number | null = raw === undefined || raw < 0 ? null : raw;
        if (value !== null && (field === 'rx' || field === 'tx' || field === 'read' || field === 'write')) value *= 1024;
        if (value !== null && (field === 'rxPackets' || field === 'txPackets')) value /= interval > 0 ? interval : REALTIME_INTERVAL;
        const d = devices.get(s.instance) ?? {};
        d[field] = value;
        devices.set(s.instance, d);
      }
      for (const [device, d] of [...devices].sort(([a], [b]) => a.localeCompare(b))) {
        if (NIC_FIELDS.some((f) => f in d)) {
          out.nics.push({ host, device, rx: d.rx ?? null, tx: d.tx ?? null, rxPackets: d.rxPackets ?? null, txPackets: d.txPackets ?? null });
        }
        if (ADAPTER_FIELDS.some((f) => f in d)) {
          out.adapters.push({ host, device, read: d.read ?? null, write: d.write ?? null, reads: d.reads ?? null, writes: d.writes ?? null });
        }
      }
    }
    return out;
  }

  private async availableFor(host: MoRef, opts: CallOptions): Promise<PerfMetricId[]> {
    const key = refKey(host);
    const cached = this.available.get(key);
    if (cached && this.now() - cached.at < AVAILABLE_TTL_MS) return cached.ids;
    const ids = await this.perf.availableMetrics(host, REALTIME_INTERVAL, opts);
    this.available.set(key, { at: this.now(), ids });
    return ids;
  }
}

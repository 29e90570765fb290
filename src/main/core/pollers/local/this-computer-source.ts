import { cpus, hostname, loadavg, uptime, type CpuInfo } from 'node:os';
import si from 'systeminformation';
import type { TestResult } from '../../../../shared/contract/devices';
import { CounterRates } from '../counter-rates';
import { MetricList } from '../metric-list';
import type { DevicePoller, PollResult, Row, Source } from '../source';

/**
 * Filesystem sizes change slowly, and systeminformation reads the mount table with a blocking child process
 * (execSync on Linux): asked every 10 s in a process holding 1,000 devices, each fork held the event loop
 * for tens of milliseconds (issue 18, soak). Read once a minute, the table reused in between.
 */
const FS_EVERY_MS = 60_000;

type CpuTimes = CpuInfo['times'];

/** Busy share (%) of the CPU time between two readings of a core's counters; since boot for the first one. */
function busyPercent(now: CpuTimes, before: CpuTimes | undefined): number {
  const total = (t: CpuTimes): number => t.user + t.nice + t.sys + t.idle + t.irq;
  const spent = total(now) - (before ? total(before) : 0);
  const idle = now.idle - (before?.idle ?? 0);
  return spent > 0 ? Math.min(100, Math.max(0, ((spent - idle) / spent) * 100)) : 0;
}

/** Filesystems that are not storage an administrator manages. */
const PSEUDO_FS = /^(tmpfs|devtmpfs|overlay|squashfs|proc|sysfs|cgroup2?|devpts|autofs|nsfs|tracefs|ramfs|efivarfs)$/i;

/**
 * "This computer": the workstation itself, read from the OS with systeminformation (memory, swap,
 * filesystems, network counters) and node:os (CPU total and per core, load, uptime). On by default so that a
 * fresh install shows live data at once.
 */
class ThisComputerPoller implements DevicePoller {
  private readonly rates = new CounterRates();
  /**
   * The cores' time counters at the last poll. CPU load comes from node:os rather than systeminformation's
   * currentLoad, which spawns a blocking `cat /proc/stat` at every call.
   */
  private cpuTimes: CpuTimes[] = [];
  private filesystemsRead: { at: number; list: Promise<si.Systeminformation.FsSizeData[]> } | null = null;
  private static identity: Promise<Record<string, string | number>> | null = null;

  private identity(): Promise<Record<string, string | number>> {
    ThisComputerPoller.identity ??= Promise.all([si.osInfo(), si.cpu()]).then(([os, cpu]) => ({
      os: `${os.distro} ${os.release} (${os.arch})`.trim(),
      cpuModel: `${cpu.manufacturer} ${cpu.brand}`.trim(),
      cores: cpu.cores,
    }));
    return ThisComputerPoller.identity;
  }

  async poll(): Promise<PollResult> {
    const [ident, mem, fs, net] = await Promise.all([this.identity(), si.mem(), this.filesystems(), si.networkStats('*')]);
    const now = Date.now();
    const metrics = new MetricList();
    const push = metrics.add.bind(metrics);

    const times = cpus().map((c) => c.times);
    const perCore = times.map((t, i) => busyPercent(t, this.cpuTimes[i]));
    const sum = (list: CpuTimes[]): CpuTimes =>
      list.reduce((a, t) => ({ user: a.user + t.user, nice: a.nice + t.nice, sys: a.sys + t.sys, idle: a.idle + t.idle, irq: a.irq + t.irq }), { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 });
    push('cpu.total', busyPercent(sum(times), this.cpuTimes.length === times.length ? sum(this.cpuTimes) : undefined), 'percent');
    this.cpuTimes = times;
    perCore.forEach((load, i) => push('cpu.core', load, 'percent', String(i)));
    const [l1, l5, l15] = loadavg();
    push('load.1', l1, 'ratio');
    push('load.5', l5, 'ratio');
    push('load.15', l15, 'ratio');
    push('load.15.per.core', (l15 ?? 0) / Math.max(1, times.length), 'ratio');

    const used = mem.total - mem.available;
    push('memory.total', mem.total, 'bytes');
    push('memory.used', used, 'bytes');
    push('memory.cached', mem.cached, 'bytes');
    push('memory.buffers', mem.buffers, 'bytes');
    push('memory.available.percent', (mem.available / mem.total) * 100, 'percent');
    push('memory.used.percent', (used / mem.total) * 100, 'percent');
    push('swap.total', mem.swaptotal, 'bytes');
    push('swap.used', mem.swapused, 'bytes');
    if (mem.swaptotal > 0) push('swap.used.percent', (mem.swapused / mem.swaptotal) * 100, 'percent');

    const filesystems: Row[] = [];
    const seenMounts = new Set<string>();
    for (const f of fs) {
      if (PSEUDO_FS.test(f.type) || !f.size || seenMounts.has(f.mount)) continue;
      seenMounts.add(f.mount);
      const pct = (f.used / f.size) * 100;
      push('fs.size', f.size, 'bytes', f.mount);
      push('fs.used', f.used, 'bytes', f.mount);
      push('fs.used.percent', pct, 'percent', f.mount);
      filesystems.push({
        mount: f.mount,
        device: f.fs,
        type: f.type,
        size: f.size,
        used: f.used,
        free: f.available,
        usedPercent: Math.round(pct * 10) / 10,
      });
    }

    const interfaces: Row[] = [];
    for (const n of net) {
      const rx = this.rates.rate(`rx|${n.iface}`, { value: n.rx_bytes, at: now, bits: 64 });
      const tx = this.rates.rate(`tx|${n.iface}`, { value: n.tx_bytes, at: now, bits: 64 });
      push('if.in.bps', rx === null ? null : rx * 8, 'bitsPerSecond', n.iface);
      push('if.out.bps', tx === null ? null : tx * 8, 'bitsPerSecond', n.iface);
      interfaces.push({ name: n.iface, status: n.operstate, inBps: rx === null ? null : rx * 8, outBps: tx === null ? null : tx * 8 });
    }

    const up = uptime();
    push('uptime', up, 'seconds');
    return {
      family: 'this-computer',
      identity: { hostname: hostname(), ...ident, bootTime: new Date(now - up * 1000).toISOString() },
      metrics: metrics.values,
      tables: { filesystems, interfaces },
      problems: [],
      uptimeSeconds: up,
    };
  }

  private filesystems(): Promise<si.Systeminformation.FsSizeData[]> {
    const now = Date.now();
    if (!this.filesystemsRead || now - this.filesystemsRead.at >= FS_EVERY_MS) {
      const list = si.fsSize();
      this.filesystemsRead = { at: now, list };
      // A failed read is asked again at the next poll, not a minute later.
      list.catch(() => (this.filesystemsRead = null));
    }
    return this.filesystemsRead.list;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export const thisComputerSource: Source = {
  kind: 'local',
  async test(): Promise<TestResult> {
    const started = Date.now();
    const result = await new ThisComputerPoller().poll();
    return {
      ok: true,
      stage: 'ok',
      message: `Reading ${String(result.identity.hostname)} from the operating system`,
      durationMs: Date.now() - started,
      detected: { family: 'this-computer', identity: result.identity },
      certificate: null,
    };
  },
  open: () => new ThisComputerPoller(),
};

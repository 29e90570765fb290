import { hostname, loadavg, uptime } from 'node:os';
import si from 'systeminformation';
import type { TestResult } from '../../../../shared/contract/devices';
import { CounterRates } from '../counter-rates';
import { MetricList } from '../metric-list';
import type { DevicePoller, PollResult, Row, Source } from '../source';

/** Filesystems that are not storage an administrator manages. */
const PSEUDO_FS = /^(tmpfs|devtmpfs|overlay|squashfs|proc|sysfs|cgroup2?|devpts|autofs|nsfs|tracefs|ramfs|efivarfs)$/i;

/**
 * "This computer": the workstation itself, read from the OS with systeminformation (CPU total and per core,
 * memory, swap, filesystems, network counters) and node:os (load, uptime). On by default so that a fresh
 * install shows live data at once.
 */
class ThisComputerPoller implements DevicePoller {
  private readonly rates = new CounterRates();
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
    const [ident, load, mem, fs, net] = await Promise.all([
      this.identity(),
      si.currentLoad(),
      si.mem(),
      si.fsSize(),
      si.networkStats('*'),
    ]);
    const now = Date.now();
    const metrics = new MetricList();
    const push = metrics.add.bind(metrics);

    push('cpu.total', load.currentLoad, 'percent');
    load.cpus.forEach((c, i) => push('cpu.core', c.load, 'percent', String(i)));
    const [l1, l5, l15] = loadavg();
    push('load.1', l1, 'ratio');
    push('load.5', l5, 'ratio');
    push('load.15', l15, 'ratio');
    push('load.15.per.core', (l15 ?? 0) / Math.max(1, load.cpus.length), 'ratio');

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

import { readdirSync, readFileSync, statfsSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import type { DevicePoller, PollResult } from '../../../src/main/core/pollers/source';
import { createSnmpSession } from '../../../src/main/core/pollers/snmp/session/net-snmp-session';
import { hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';
import { metric, signal, snmpTarget, testDeps } from './engine-target';
import { missingPeer } from '../../helpers/peer';

const available = await hasSnmpd();

/** The agent's own counters the test waits on: lo's HC in-octets and the idle CPU ticks. */
async function counters(agent: SnmpdPeer): Promise<{ loIn: number; idle: number }> {
  const session = createSnmpSession({ host: '127.0.0.1', port: agent.port, version: '2c', community: agent.community, timeoutMs: 2000, retries: 1 });
  try {
    const names = await session.walk('1.3.6.1.2.1.31.1.1.1.1');
    const lo = names.find((v) => String(v.value) === 'lo')?.oid.split('.').pop() ?? '1';
    const inOid = `1.3.6.1.2.1.31.1.1.1.6.${lo}`;
    const idleOid = '1.3.6.1.4.1.2021.11.53.0';
    const got = await session.get([inOid, idleOid]);
    return { loIn: Number(got.get(inOid)?.value ?? 0), idle: Number(got.get(idleOid)?.value ?? 0) };
  } finally {
    session.close();
  }
}

/** Polls `check` until true; fails naming what it waited for after a deadline far above the usual 5 s. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function meminfo(key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/meminfo', 'utf8'));
  if (!m?.[1]) throw new Error(`no ${key} in /proc/meminfo`);
  return Number(m[1]) * 1024;
}

/** Pushes `bytes` through a TCP connection on loopback (both directions of lo see them). */
async function loopbackTraffic(bytes: number): Promise<void> {
  const server = createServer((socket) => socket.resume());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const c = connect(port, '127.0.0.1', () => {
      const chunk = Buffer.alloc(1 << 20, 7);
      let sent = 0;
      const pump = (): void => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!c.write(chunk)) return void c.once('drain', pump);
        }
        c.end(resolve);
      };
      pump();
    });
    c.on('error', reject);
  });
  await new Promise((r) => server.close(r));
}

describe.skipIf(missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('linux family against this machine through Debian snmpd', () => {
  let agent: SnmpdPeer;
  let poller: DevicePoller;
  let first: PollResult;
  let second: PollResult;
  let trafficBytes = 0;
  let seconds = 0;

  beforeAll(async () => {
    agent = await startSnmpd();
    // A fresh snmpd answers 0 for its CPU tick counters until its first refresh (every 5 s): wait for that.
    await until(async () => ((await counters(agent)).idle) > 0, 'snmpd to publish its CPU counters');
    poller = snmpSource.open(snmpTarget({ port: agent.port, community: agent.community, watched: ['snmpd'], timeoutMs: 2000 }), testDeps());
    first = await poller.poll(signal());
    const before = await counters(agent);
    const t0 = Date.now();
    trafficBytes = 64 << 20;
    await loopbackTraffic(trafficBytes);
    // net-snmp caches interface and CPU counters for a few seconds: wait until the agent shows the traffic
    // and new CPU ticks, the two things the second poll is judged on.
    await until(async () => {
      const now = await counters(agent);
      return now.loIn - before.loIn >= trafficBytes && now.idle > before.idle;
    }, 'snmpd to count the loopback traffic');
    second = await poller.poll(signal());
    seconds = (Date.now() - t0) / 1000;
  });
  afterAll(async () => {
    await poller?.close();
    await agent?.dispose();
  });

  it('is detected as linux', () => {
    expect(first.family).toBe('linux');
  });

  it("reports this machine's real memory and swap (/proc/meminfo)", () => {
    expect(metric(second, 'memory.total')).toBe(meminfo('MemTotal'));
    expect(metric(second, 'swap.total')).toBe(meminfo('SwapTotal'));
    const available = metric(second, 'memory.available') ?? -1;
    // MemAvailable moves while others work on the machine: within 10 % of the total.
    expect(Math.abs(available - meminfo('MemAvailable'))).toBeLessThan(meminfo('MemTotal') * 0.1);
  });

  it("reports / with the size statfs gives and about its used space", () => {
    const fs = statfsSync('/');
    const size = fs.blocks * fs.bsize;
    expect(metric(second, 'fs.size', '/')).toBe(size);
    const used = (fs.blocks - fs.bfree) * fs.bsize;
    expect(Math.abs((metric(second, 'fs.used', '/') ?? -1) - used)).toBeLessThan(Math.max(size * 0.01, 256 << 20));
    expect(second.tables.filesystems?.some((r) => r.mount === '/')).toBe(true);
  });

  it('lists the kernel interfaces, lo included', () => {
    const names = (second.tables.interfaces ?? []).map((r) => r.name);
    expect(names).toContain('lo');
    expect(new Set(names)).toEqual(new Set(readdirSync('/sys/class/net')));
  });

  it('turns loopback traffic into a rate between two polls', () => {
    const inBps = metric(second, 'if.in.bps', 'lo') ?? 0;
    // At least the bits pushed through lo over the whole interval (the counter also saw other traffic).
    expect(inBps).toBeGreaterThanOrEqual(((trafficBytes * 8) / seconds) * 0.9);
    expect(inBps).toBeLessThan(100e9);
    expect(metric(first, 'if.in.bps', 'lo')).toBeUndefined();
  });

  it('splits the CPU from the UCD counters, with parts that add up to 100 %', () => {
    const parts = ['cpu.user', 'cpu.nice', 'cpu.system', 'cpu.iowait', 'cpu.irq', 'cpu.steal', 'cpu.idle'].map((n) => metric(second, n) ?? NaN);
    expect(parts.every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(metric(second, 'cpu.total')).toBeCloseTo(100 - (parts[3] ?? 0) - (parts[6] ?? 0), 6);
  });

  it('reads the load average and counts the watched snmpd process', () => {
    const [l1] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
    expect(Math.abs((metric(second, 'load.1') ?? -1) - (l1 ?? 0))).toBeLessThan(3);
    expect(metric(second, 'process.count', 'snmpd')).toBeGreaterThanOrEqual(1);
    expect(metric(second, 'process.memory', 'snmpd')).toBeGreaterThan(0);
    expect(second.tables.processes?.some((r) => r.name === 'snmpd' && r.pid === agent.pid)).toBe(true);
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    expect(Math.abs((second.uptimeSeconds ?? 0) - uptime)).toBeLessThan(10);
  });
});

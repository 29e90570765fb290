import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Scheduler } from '../src/main/core/monitor/scheduler';
import { REDIAGNOSE_AFTER_MS } from '../src/main/core/pollers/snmp/diagnosis-memory';
import type { SnmpFamily } from '../src/main/core/pollers/snmp/family';
import { toCounter, toNumber, toText } from '../src/main/core/pollers/snmp/session/decode';
import { snmpLimiter } from '../src/main/core/pollers/snmp/session/limiter';
import { createSnmpSource } from '../src/main/core/pollers/snmp/snmp-source';
import type { DevicePoller, DeviceTarget } from '../src/main/core/pollers/source';
import { genericSnmp } from '../src/shared/families/generic-snmp';
import { startSnmpd, type SnmpdPeer } from '../test/helpers/snmpd';
import { ratioOf, type Benchmark, type BenchResult, type BenchSize } from './bench';

/**
 * quality.md "SNMP poll cycle" and "poller isolation": N devices on 127.0.0.1 served by Debian's snmpd (one
 * session each), the quality.md object set (system scalars, ifXTable names and HC octets, ifOperStatus,
 * hrStorageTable, UCD memory and load), polled by Vigie's engine through the scheduler, beside net-snmp's
 * snmpget + snmpbulkwalk forked per device for the same objects against the same agent in the same run.
 */
const PLAN: Record<BenchSize, { devices: number; toolConcurrency: number; cycles: number }> = {
  full: { devices: 500, toolConcurrency: 8, cycles: 3 },
  smoke: { devices: 20, toolConcurrency: 4, cycles: 2 },
};
const TIMEOUT_MS = 2000;
const RETRIES = 1;
const ONE_TIMEOUT_MS = TIMEOUT_MS * (RETRIES + 1);

const SYS = '1.3.6.1.2.1.1';
const SUBTREES = {
  ifName: '1.3.6.1.2.1.31.1.1.1.1',
  ifHCInOctets: '1.3.6.1.2.1.31.1.1.1.6',
  ifHCOutOctets: '1.3.6.1.2.1.31.1.1.1.10',
  ifOperStatus: '1.3.6.1.2.1.2.2.1.8',
  hrStorageEntry: '1.3.6.1.2.1.25.2.3.1',
  ucdMemory: '1.3.6.1.4.1.2021.4',
  ucdLoad: '1.3.6.1.4.1.2021.10',
};

/** The quality.md object set, read the way a family reads it, rates included. */
const benchFamily: SnmpFamily = {
  descriptor: { ...genericSnmp, id: 'bench-linux' },
  rules: [],
  detect: () => 1,
  async poll(ctx) {
    const s = ctx.session;
    const services = await s.get([`${SYS}.7.0`]);
    const ifx = await s.table('1.3.6.1.2.1.31.1.1.1', [1, 6, 10]);
    const oper = await s.table('1.3.6.1.2.1.2.2.1', [8]);
    const storage = await s.table(SUBTREES.hrStorageEntry, [1, 2, 3, 4, 5, 6, 7]);
    const memory = await s.walk(SUBTREES.ucdMemory);
    const load = await s.walk(SUBTREES.ucdLoad);
    const metrics: { name: string; instance: string; value: number; unit: 'bitsPerSecond' | 'bytes' | '' }[] = [];
    for (const [index, col] of ifx) {
      const name = toText(col.get(1)) ?? index;
      for (const [c, metric] of [[6, 'if.in.bps'], [10, 'if.out.bps']] as const) {
        const counter = toCounter(col.get(c));
        const r = counter ? ctx.rate(`${metric}|${index}`, counter) : null;
        if (r !== null) metrics.push({ name: metric, instance: name, value: r * 8, unit: 'bitsPerSecond' });
      }
      metrics.push({ name: 'if.up', instance: name, value: toNumber(oper.get(index)?.get(8)) === 1 ? 1 : 0, unit: '' });
    }
    for (const [, col] of storage) {
      const units = toNumber(col.get(4)) ?? 0;
      metrics.push({ name: 'fs.used', instance: toText(col.get(3)) ?? '', value: units * (toNumber(col.get(6)) ?? 0), unit: 'bytes' });
    }
    const values = services.size + ifx.size * 3 + oper.size + storage.size * 7 + memory.length + load.length;
    return { identity: { values }, metrics, tables: {}, problems: [], uptimeSeconds: null };
  },
};

function target(port: number, community: string, i: number): DeviceTarget {
  return {
    device: {
      name: `bench-${i}`,
      kind: 'snmp',
      family: 'bench-linux',
      host: '127.0.0.1',
      port,
      intervalSeconds: 60,
      enabled: true,
      snmp: { version: '2c', timeoutMs: TIMEOUT_MS, retries: RETRIES, user: '', level: 'authPriv', authProtocol: 'sha', privProtocol: 'aes', context: '' },
      vsphere: null,
      http: null,
      watchedProcesses: [],
      parentId: null,
    },
    secret: { community },
  };
}

/** CPU seconds of a process (utime + stime), or of this process's waited-for children (cutime + cstime). */
function cpuTicks(pid: number | 'self', children = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const at = children ? 13 : 11;
  return (Number(fields[at]) + Number(fields[at + 1])) / 100;
}

interface Cycle {
  wallMs: number;
  cpuMs: number;
  agentCpuMs: number;
  /** Completion time of each device from the cycle start (ms), NaN for failures. */
  done: number[];
  failures: number;
  pdus: number;
  values: number;
}

async function vigieCycle(pollers: DevicePoller[], agent: SnmpdPeer): Promise<Cycle> {
  const scheduler = new Scheduler({ initialJitterMs: 0 });
  const done = new Array<number>(pollers.length).fill(Number.NaN);
  let failures = 0;
  let values = 0;
  const pdus0 = snmpLimiter.sent;
  const agent0 = cpuTicks(agent.pid);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    let left = pollers.length;
    pollers.forEach((poller, i) => {
      scheduler.add(String(i), 3_600_000, async (signal) => {
        try {
          const r = await poller.poll(signal);
          values += Number(r.identity.values ?? 0);
          done[i] = performance.now() - t0;
        } catch {
          failures++;
        } finally {
          if (--left === 0) resolve();
        }
      });
    });
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await scheduler.stop();
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    agentCpuMs: (cpuTicks(agent.pid) - agent0) * 1000,
    done,
    failures,
    pdus: snmpLimiter.sent - pdus0,
    values,
  };
}

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, MIBS: '' } });
    c.on('error', reject);
    c.on('exit', (code) => resolve(code ?? 1));
  });
}

/** The classic poller: per device, one snmpget for the system scalars and one snmpbulkwalk per subtree. */
async function toolsCycle(devices: number, agent: SnmpdPeer, concurrency: number): Promise<{ wallMs: number; cpuMs: number; processes: number; failures: number }> {
  const addr = `127.0.0.1:${agent.port}`;
  const base = ['-v2c', '-c', agent.community, '-On', '-t', String(TIMEOUT_MS / 1000), '-r', String(RETRIES)];
  const scalars = [1, 2, 3, 4, 5, 6, 7].map((n) => `${SYS}.${n}.0`);
  const jobs: [string, string[]][] = [];
  for (let d = 0; d < devices; d++) {
    jobs.push(['snmpget', [...base, addr, ...scalars]]);
    for (const oid of Object.values(SUBTREES)) jobs.push(['snmpbulkwalk', [...base, addr, oid]]);
  }
  let failures = 0;
  const cpu0 = cpuTicks('self', true);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job && (await run(job[0], job[1])) !== 0) failures++;
      }
    }),
  );
  return { wallMs: performance.now() - t0, cpuMs: (cpuTicks('self', true) - cpu0) * 1000, processes: jobs.length, failures };
}

const fmt = (n: number, d = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: d });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const benchmark: Benchmark = {
  name: 'snmp-poll',
  requires: ['snmpd', 'snmpget', 'snmpbulkwalk'],
  async run(size) {
    const plan = PLAN[size];
    const agent = await startSnmpd({ users: [] });
    const silent = dgram.createSocket('udp4');
    silent.on('message', () => undefined);
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', r));
    const source = createSnmpSource({ families: [benchFamily] });
    const deps = { clock: { now: () => Date.now() }, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
    const open = (dead: (i: number) => boolean): DevicePoller[] =>
      Array.from({ length: plan.devices }, (_, i) => source.open(target(dead(i) ? silent.address().port : agent.port, agent.community, i), deps));
    try {
      // Healthy: a warm-up cycle (sessions, first samples), then measured cycles with rates.
      const healthy = open(() => false);
      await vigieCycle(healthy, agent);
      const cycles: Cycle[] = [];
      for (let c = 0; c < plan.cycles; c++) cycles.push(await vigieCycle(healthy, agent));
      const tools = await toolsCycle(plan.devices, agent, plan.toolConcurrency);
      for (const p of healthy) await p.close();

      // 20 % not answering, interleaved.
      const dead = (i: number): boolean => i % 5 === 4;
      const mixed = open(dead);
      // The first cycle diagnoses each dead device (diagnosis-memory.ts); the measured one reuses that cause.
      const diagnosing = await vigieCycle(mixed, agent);
      const withDead = await vigieCycle(mixed, agent);
      for (const p of mixed) await p.close();

      const best = cycles.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
      const cpuPerPoll = median(cycles.map((c) => c.cpuMs)) / plan.devices;
      const toolCpuPerPoll = tools.cpuMs / plan.devices;
      const healthyWall = median(cycles.map((c) => c.wallMs));
      const worstDelay = Math.max(...withDead.done.map((t, i) => (dead(i) ? 0 : t - (best.done[i] ?? 0))).filter(Number.isFinite));
      const perPoll = (n: number): string => fmt(n / plan.devices, 1);
      const common = [
        `${plan.devices} devices, one snmpd (pid ${agent.pid}), ${perPoll(best.values)} values and ${perPoll(best.pdus)} PDUs per Vigie poll; tools: ${fmt(tools.processes / plan.devices, 0)} processes per device, ${tools.failures} failed`,
        `agent CPU per poll: ${fmt(best.agentCpuMs / plan.devices, 2)} ms (Vigie cycle); failures in healthy cycles: ${cycles.map((c) => c.failures).join(', ')}`,
      ];
      const results: BenchResult[] = [
        {
          name: `SNMP poll, console CPU per device poll (${plan.devices} devices)`,
          vigie: { label: 'Vigie (net-snmp JS, shared scheduler)', value: cpuPerPoll, unit: 'ms CPU/poll' },
          baseline: { label: 'snmpget + snmpbulkwalk forked per device', value: toolCpuPerPoll, unit: 'ms CPU/poll' },
          ratio: ratioOf(cpuPerPoll, toolCpuPerPoll),
          better: 'lower',
          target: '≤ 0.05× (1/20 of the tools)',
          pass: cpuPerPoll <= toolCpuPerPoll / 20,
          notes: common,
        },
        {
          name: `SNMP poll cycle wall time (${plan.devices} devices, 2 cores)`,
          vigie: { label: 'Vigie cycle', value: healthyWall / 1000, unit: 's' },
          baseline: { label: `tools, ${plan.toolConcurrency} processes at a time`, value: tools.wallMs / 1000, unit: 's' },
          ratio: ratioOf(healthyWall, tools.wallMs),
          better: 'lower',
          target: 'Vigie cycle ≤ 2 s',
          pass: healthyWall <= 2000,
          notes: [`cycles: ${cycles.map((c) => fmt(c.wallMs / 1000, 2)).join(' s, ')} s`],
        },
        {
          name: `Poller isolation: ${plan.devices} devices, 20 % not answering (timeout ${TIMEOUT_MS / 1000} s, ${RETRIES} retry)`,
          vigie: { label: 'cycle with dead devices', value: withDead.wallMs / 1000, unit: 's' },
          baseline: { label: 'healthy cycle', value: healthyWall / 1000, unit: 's' },
          ratio: ratioOf(withDead.wallMs, healthyWall),
          better: 'lower',
          target: `≤ 2 × healthy + one timeout (${ONE_TIMEOUT_MS / 1000} s = ${TIMEOUT_MS / 1000} s × ${RETRIES + 1} tries); worst healthy delay ≤ one timeout`,
          pass: withDead.wallMs <= 2 * healthyWall + ONE_TIMEOUT_MS && worstDelay <= ONE_TIMEOUT_MS,
          notes: [
            `worst delay of a healthy device vs the healthy cycle: ${fmt(worstDelay, 0)} ms; dead devices failed: ${withDead.failures} of ${plan.devices / 5}`,
            `console CPU per poll with dead devices: ${fmt(withDead.cpuMs / plan.devices, 2)} ms`,
            `first cycle, dead devices diagnosed (then reused for ${REDIAGNOSE_AFTER_MS / 60_000} min): ${fmt(diagnosing.wallMs / 1000, 2)} s`,
          ],
        },
      ];
      return results;
    } finally {
      silent.close();
      await agent.dispose();
    }
  },
};

export default benchmark;

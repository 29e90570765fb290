import { cpus } from 'node:os';
import si from 'systeminformation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { thisComputerSource } from './this-computer-source';
import type { DeviceTarget, SourceDeps } from '../source';

const open = () => thisComputerSource.open({} as DeviceTarget, {} as SourceDeps);

describe('This computer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads CPU load per core from the OS counters, as a share between 0 and 100 %', async () => {
    const poller = open();
    const first = await poller.poll(new AbortController().signal);
    // Some CPU time passes between the two readings.
    let x = 0;
    for (let i = 0; i < 2e6; i++) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    const second = await poller.poll(new AbortController().signal);
    for (const result of [first, second]) {
      const total = result.metrics.find((m) => m.name === 'cpu.total');
      expect(total?.value).toBeGreaterThanOrEqual(0);
      expect(total?.value).toBeLessThanOrEqual(100);
      const cores = result.metrics.filter((m) => m.name === 'cpu.core');
      expect(cores.map((c) => c.instance)).toEqual(cpus().map((_, i) => String(i)));
      for (const c of cores) expect(c.value).toBeGreaterThanOrEqual(0);
    }
    await poller.close();
  });

  it('reads the filesystem table once a minute, not at every poll', async () => {
    const fsSize = vi.spyOn(si, 'fsSize');
    const now = vi.spyOn(Date, 'now');
    let t = 1_800_000_000_000;
    now.mockImplementation(() => t);
    const poller = open();
    await poller.poll(new AbortController().signal);
    t += 10_000;
    const again = await poller.poll(new AbortController().signal);
    expect(fsSize).toHaveBeenCalledTimes(1);
    // The table read first still fills the filesystem rows.
    expect(again.tables?.filesystems).toBeDefined();
    t += 60_000;
    await poller.poll(new AbortController().signal);
    expect(fsSize).toHaveBeenCalledTimes(2);
    await poller.close();
  });
});

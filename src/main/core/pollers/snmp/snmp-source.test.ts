import { beforeEach, describe, expect, it, vi } from 'vitest';
import { genericSnmp } from '../../../../shared/families/generic-snmp';
import { PollError, type DeviceTarget, type SourceDeps } from '../source';
import { REDIAGNOSE_AFTER_MS } from './diagnosis-memory';
import type { SnmpFamily } from './family';
import { scalars, str, vb } from './mibs/test-varbinds';
import { SYSTEM_OIDS } from './mibs/system';
import type { ProbeOutcome } from './session/alive-probe';
import type { SnmpSession, SnmpTargetOptions } from './session/types';
import { createSnmpSource } from './snmp-source';

// The SNMPv3 discovery probe opens its own UDP socket: replaced here so that each follow-up probe is counted.
const probe = vi.hoisted((): { outcome: ProbeOutcome; calls: number } => ({ outcome: 'silent', calls: 0 }));
vi.mock('./session/alive-probe', () => ({
  probeAgent: (): Promise<ProbeOutcome> => {
    probe.calls++;
    return Promise.resolve(probe.outcome);
  },
}));

const HOST = '192.0.2.10';
const WHERE = `${HOST}:161`;
const WRONG_VERSION = `${WHERE} answers SNMP version 1 only with this community: choose that version`;
const WRONG_COMMUNITY = `The agent on ${WHERE} is alive but does not answer this community (wrong community, or this address is not allowed)`;
const PLAIN_TIMEOUT = `No SNMP answer from ${WHERE} (timeout): host down, port filtered, or wrong community`;

/** A device whose agent answers the SNMP versions listed in `answers` (read when each request is made). */
const world = { answers: new Set<SnmpTargetOptions['version']>(), opened: [] as SnmpTargetOptions[] };

function fakeSession(options: SnmpTargetOptions): SnmpSession {
  world.opened.push(options);
  const system = scalars({
    [SYSTEM_OIDS.sysDescr]: str('Linux box 6.1'),
    [SYSTEM_OIDS.sysObjectID]: vb('', 'oid', '1.3.6.1.4.1.8072.3.2.10'),
    [SYSTEM_OIDS.sysUpTime]: vb('', 'timeticks', 12_345_600),
    [SYSTEM_OIDS.sysName]: str('box'),
  });
  return {
    get: () =>
      world.answers.has(options.version)
        ? Promise.resolve(system)
        : Promise.reject(new PollError('timeout', `No SNMP answer from ${options.host}:${options.port} (timeout)`)),
    walk: () => Promise.resolve([]),
    table: () => Promise.resolve(new Map()),
    close: () => undefined,
  };
}

const family: SnmpFamily = {
  descriptor: { ...genericSnmp, id: 'test-box' },
  rules: [],
  detect: () => 1,
  poll: () =>
    Promise.resolve({ identity: {}, metrics: [{ name: 'sys.uptime', instance: '', value: 123_456, unit: 'seconds' }], tables: {}, problems: [], uptimeSeconds: null }),
};

const target: DeviceTarget = {
  device: {
    name: 'box',
    kind: 'snmp',
    family: 'auto',
    host: HOST,
    port: 161,
    intervalSeconds: 60,
    enabled: true,
    snmp: { version: '2c', timeoutMs: 1000, retries: 1, user: '', level: 'authPriv', authProtocol: 'sha', privProtocol: 'aes', context: '' },
    vsphere: null,
    http: null,
    watchedProcesses: [],
    parentId: null,
  },
  secret: { community: 'public' },
};

const clock = { at: 1_800_000_000_000, now: (): number => clock.at };
const deps: SourceDeps = { clock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
const source = createSnmpSource({ families: [family], createSession: fakeSession });
const live = (): AbortSignal => new AbortController().signal;
/** Follow-up reads the diagnosis made with the other SNMP version (the poller's own session is v2c). */
const otherVersionReads = (): number => world.opened.filter((o) => o.version === '1').length;

async function failure(run: Promise<unknown>): Promise<PollError> {
  const error: unknown = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PollError)) throw new Error(`expected a PollError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  world.answers = new Set();
  world.opened = [];
  probe.outcome = 'silent';
  probe.calls = 0;
});

describe('SNMP poller: a device that keeps timing out is diagnosed once, not at every poll', () => {
  it('diagnoses the first timeout, then reuses the cause without the follow-up requests', async () => {
    world.answers.add('1');
    const poller = source.open(target, deps);
    const first = await failure(poller.poll(live()));
    expect([first.stage, first.message]).toEqual(['protocol', WRONG_VERSION]);
    expect([probe.calls, otherVersionReads()]).toEqual([1, 1]);

    for (let i = 0; i < 3; i++) {
      clock.at += 60_000;
      const again = await failure(poller.poll(live()));
      expect([again.stage, again.message]).toEqual(['protocol', WRONG_VERSION]);
    }
    expect([probe.calls, otherVersionReads()]).toEqual([1, 1]);
    await poller.close();
  });

  it('a poll that succeeds resets it: the next timeout is diagnosed again', async () => {
    probe.outcome = 'answered';
    const poller = source.open(target, deps);
    expect((await failure(poller.poll(live()))).message).toBe(WRONG_COMMUNITY);
    world.answers.add('2c');
    const ok = await poller.poll(live());
    expect(ok.family).toBe('test-box');
    expect(ok.identity.sysName).toBe('box');
    world.answers.delete('2c');
    probe.outcome = 'silent';
    clock.at += 60_000;
    const after = await failure(poller.poll(live()));
    expect([after.stage, after.message]).toEqual(['timeout', PLAIN_TIMEOUT]);
    expect([probe.calls, otherVersionReads()]).toEqual([2, 2]);
    await poller.close();
  });

  it('re-diagnoses when the interval has passed, so a changed cause corrects the message', async () => {
    const poller = source.open(target, deps);
    expect((await failure(poller.poll(live()))).message).toBe(PLAIN_TIMEOUT);
    // The host comes back with an agent that does not know this community: still silent to our polls.
    probe.outcome = 'answered';
    clock.at += REDIAGNOSE_AFTER_MS - 60_000;
    expect((await failure(poller.poll(live()))).message).toBe(PLAIN_TIMEOUT);
    expect(probe.calls).toBe(1);
    clock.at += 60_000;
    const changed = await failure(poller.poll(live()));
    expect([changed.stage, changed.message]).toEqual(['community', WRONG_COMMUNITY]);
    expect([probe.calls, otherVersionReads()]).toEqual([2, 2]);
    await poller.close();
  });

  it('Test connection always asks, even right after a poll diagnosed the same device', async () => {
    probe.outcome = 'answered';
    const poller = source.open(target, deps);
    expect((await failure(poller.poll(live()))).stage).toBe('community');
    for (let i = 1; i <= 2; i++) {
      const tested = await source.test(target, deps, live());
      expect([tested.ok, tested.stage, tested.message]).toEqual([false, 'community', WRONG_COMMUNITY]);
      expect([probe.calls, otherVersionReads()]).toEqual([1 + i, 1 + i]);
    }
    await poller.close();
  });
});

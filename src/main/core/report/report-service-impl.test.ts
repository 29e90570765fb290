import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigieError } from '../../../shared/contract/envelope';
import { DeviceConfigSchema, type DeviceConfig } from '../../../shared/contract/devices';
import type { ReportDocument, ReportProgress } from '../../../shared/contract/report';
import type { Logger } from '../ports';
import { defaultSettings, type Settings } from '../settings/schema';
import type { SettingsStore } from '../settings/settings-store';
import { ReportHistory } from './history';
import { testDocument } from './render/test-document';
import type { ReportRunner } from './report-runner';
import type { RunReportInput as ReportRunInput } from './run-report';
import { ReportServiceImpl } from './report-service-impl';

const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function memorySettings(): SettingsStore {
  let current: Settings = defaultSettings();
  return {
    get: () => current,
    update: (change) => (current = change(current)),
    notices: [],
  };
}

const vc: DeviceConfig = DeviceConfigSchema.parse({
  id: 'dev-vc1',
  name: 'vc1.lab',
  kind: 'vsphere',
  family: 'vsphere',
  host: 'vc1.lab',
  port: 443,
  vsphere: { user: 'administrator@vsphere.local' },
  hasSecret: true,
  createdAt: 1,
});

/** A runner the test drives: each call waits until the test releases it (or its signal aborts). */
function fakeRunner(): {
  runner: ReportRunner;
  calls: ReportRunInput[];
  release: (doc?: ReportDocument) => void;
} {
  const calls: ReportRunInput[] = [];
  const waiting: ((doc: ReportDocument) => void)[] = [];
  const runner: ReportRunner = (input) => {
    calls.push(input);
    input.onProgress?.({ vcenter: 'vc1.lab', step: 'connect', state: 'running', fraction: 0, message: null });
    input.onProgress?.({
      vcenter: 'vc1.lab',
      step: 'inventory',
      state: 'running',
      fraction: 0.5,
      message: null,
    });
    return new Promise<ReportDocument>((resolve, reject) => {
      waiting.push(resolve);
      input.signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')), {
        once: true,
      });
    });
  };
  const release = (doc = testDocument()): void => waiting.shift()?.(doc);
  return { runner, calls, release };
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'vigie-reports-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function service(runner: ReportRunner): ReportServiceImpl {
  const s = new ReportServiceImpl({
    settings: memorySettings(),
    devices: {
      find: (id) => (id === vc.id ? vc : undefined),
      secret: () => Promise.resolve({ password: 'pw-vc1' }),
    },
    history: new ReportHistory(join(dir, 'reports'), log),
    runner,
    pdf: { render: () => Promise.resolve(new TextEncoder().encode('%PDF-1.4 fake')) },
    checks: [],
    clock: { now: () => Date.UTC(2026, 11, 3, 6) },
    log,
  });
  s.saveProfile({ name: 'daily', vcenters: [vc.id] });
  return s;
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('ReportServiceImpl', () => {
  it('runs a profile with its vCenter target and keychain password, then keeps the report', async () => {
    const fake = fakeRunner();
    const s = service(fake.runner);
    const running = s.run('daily');
    await until(() => fake.calls.length === 1, 'the runner call');
    expect(fake.calls[0]?.targets).toEqual([
      {
        name: 'vc1.lab',
        host: 'vc1.lab',
        port: 443,
        user: 'administrator@vsphere.local',
        password: 'pw-vc1',
        tlsFingerprint: null,
      },
    ]);
    expect(fake.calls[0]?.previous).toBeNull();
    fake.release();
    const doc = await running;
    expect(s.history('daily').map((e) => e.id)).toEqual([doc.id]);
    expect(s.html(doc.id)).toContain('vCenter daily report');
    expect(s.html(doc.id, 'fr')).toContain('Rapport quotidien vCenter');
    // The next run gets this one as its previous report, for the "new" marker.
    const second = s.run('daily');
    await until(() => fake.calls.length === 2, 'the second runner call');
    expect(fake.calls[1]?.previous?.id).toBe(doc.id);
    fake.release(testDocument({ generatedAt: '2026-12-04T06:00:00.000Z' }));
    await second;
    expect(s.history('daily')).toHaveLength(2);
  });

  it('never runs one profile twice at once', async () => {
    const fake = fakeRunner();
    const s = service(fake.runner);
    const { runId } = s.start('daily');
    expect(() => s.start('daily')).toThrow(/already running/);
    await expect(s.run('daily')).rejects.toThrow(/already running/);
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => fake.calls.length === 1, 'the runner call');
    fake.release();
    await until(() => s.history('daily').length === 1, 'the kept report');
    expect(() => s.start('daily')).not.toThrow();
    await until(() => fake.calls.length === 2, 'the next run');
    expect(fake.calls).toHaveLength(2);
    fake.release();
    await until(() => s.history('daily').length === 2, 'the second kept report');
  });

  it('cancels a run: state cancelled, nothing kept, the profile free again', async () => {
    const fake = fakeRunner();
    const s = service(fake.runner);
    const seen: ReportProgress[] = [];
    s.onProgress((p) => seen.push(p));
    const { runId } = s.start('daily');
    await until(() => fake.calls.length === 1, 'the runner call');
    expect(s.cancel(runId)).toBe(true);
    await until(() => seen.some((p) => p.state === 'cancelled'), 'the cancelled progress');
    expect(fake.calls[0]?.signal?.aborted).toBe(true);
    expect(s.history()).toEqual([]);
    expect(s.cancel(runId)).toBe(false);
    expect(s.cancel('no-such-run')).toBe(false);
    await until(() => {
      try {
        s.start('daily');
        return true;
      } catch {
        return false;
      }
    }, 'the profile to be free');
  });

  it('reports progress in order with the run id, ending with render done', async () => {
    const fake = fakeRunner();
    const s = service(fake.runner);
    const seen: ReportProgress[] = [];
    const off = s.onProgress((p) => seen.push(p));
    const { runId } = s.start('daily');
    await until(() => fake.calls.length === 1, 'the runner call');
    fake.release();
    await until(() => seen.some((p) => p.state === 'done'), 'done');
    off();
    expect(seen.map((p) => `${p.step}:${p.state}:${p.fraction}`)).toEqual([
      'connect:running:0',
      'inventory:running:0.5',
      'render:running:0',
      'render:done:1',
    ]);
    expect(seen.every((p) => p.runId === runId && p.profile === 'daily')).toBe(true);
    expect(seen.at(-1)?.message).toBe(s.history()[0]?.id);
  });

  it('says failed with the reason when the runner throws', async () => {
    const s = service(() => Promise.reject(new Error('cannot connect to vc1.lab: ECONNREFUSED')));
    const seen: ReportProgress[] = [];
    s.onProgress((p) => seen.push(p));
    await expect(s.run('daily')).rejects.toThrow('ECONNREFUSED');
    expect(seen.at(-1)).toMatchObject({
      state: 'failed',
      message: 'cannot connect to vc1.lab: ECONNREFUSED',
    });
  });

  it('validates profiles: known vCenters only, unique names, rename in place', () => {
    const s = service(fakeRunner().runner);
    expect(() => s.saveProfile({ name: 'x', vcenters: ['nope'] })).toThrow(/not a vCenter/);
    expect(() => s.saveProfile({ name: 'bad/name', vcenters: [vc.id] })).toThrow(/Report profile: name/);
    s.saveProfile({ name: 'weekly', vcenters: [vc.id] });
    expect(() => s.saveProfile({ name: 'weekly', vcenters: [vc.id] }, 'daily')).toThrow(/already exists/);
    s.saveProfile({ name: 'morning', vcenters: [vc.id], language: 'fr' }, 'daily');
    expect(s.profiles().map((p) => [p.name, p.language])).toEqual([
      ['morning', 'fr'],
      ['weekly', 'en'],
    ]);
    expect(s.removeProfile('weekly')).toBe(true);
    expect(s.removeProfile('weekly')).toBe(false);
  });

  it('refuses a cron expression croner cannot run, naming the field and the reason, and keeps nothing', () => {
    const s = service(fakeRunner().runner);
    const save = (expression: string): Pick<VigieError, 'code' | 'message' | 'issues'> | null => {
      try {
        s.saveProfile({ name: 'nightly', vcenters: [vc.id], schedule: { kind: 'cron', expression } });
        return null;
      } catch (e) {
        if (!(e instanceof VigieError)) throw e;
        return { code: e.code, message: e.message, issues: e.issues };
      }
    };
    const reason = 'invalid cron expression "61 25 * * *": CronPattern: Invalid value for minute: 61';
    expect(save('61 25 * * *')).toEqual({
      code: 'invalid_request',
      message: `Report profile: schedule.expression: ${reason}`,
      issues: [{ path: 'schedule.expression', message: reason }],
    });
    const words = save('every day 7h');
    expect(words?.issues.map((i) => i.path)).toEqual(['schedule.expression']);
    expect(words?.issues[0]?.message).toMatch(/^invalid cron expression "every day 7h": .*exactly five, six, or seven/);
    expect(s.profiles().map((p) => p.name)).toEqual(['daily']);
    expect(save('30 6 * * 1-5')).toBeNull();
    expect(s.profiles().find((p) => p.name === 'nightly')?.schedule).toEqual({ kind: 'cron', expression: '30 6 * * 1-5' });
  });

  it('exports a kept report in the four formats, CSV per check too', async () => {
    const fake = fakeRunner();
    const s = service(fake.runner);
    const running = s.run('daily');
    await until(() => fake.calls.length === 1, 'the runner call');
    fake.release();
    const doc = await running;
    const text = (u: Uint8Array): string => new TextDecoder().decode(u);
    const json = await s.export(doc.id, 'json');
    expect((JSON.parse(text(json.data)) as ReportDocument).id).toBe(doc.id);
    expect(json.filename).toBe('vigie-report-daily-20261203-0600.json');
    expect(text((await s.export(doc.id, 'html')).data)).toContain('<!DOCTYPE html>');
    expect(text((await s.export(doc.id, 'pdf')).data)).toBe('%PDF-1.4 fake');
    const one = await s.export(doc.id, 'csv', 'snapshots-old');
    expect(one.filename).toBe('vigie-report-daily-20261203-0600-snapshots-old.csv');
    expect(text(one.data).split('\r\n')[0]).toContain('"vm"');
    await expect(s.export(doc.id, 'csv', 'nope')).rejects.toThrow(/no check nope/);
    await expect(s.export('missing', 'json')).rejects.toThrow(/No kept report/);
  });
});

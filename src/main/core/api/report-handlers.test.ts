import { describe, expect, it } from 'vitest';
import { VigieError } from '../../../shared/contract/envelope';
import type { ReportService } from '../report/report-service';
import { createReportHandlers } from './report-handlers';

const fail = (): never => {
  throw new Error('not expected in this test');
};

/** A service that knows one report, 'daily-20261203-0600', and nothing else. */
const service: ReportService = {
  checks: () => [],
  profiles: () => [],
  saveProfile: fail,
  removeProfile: (name) => name === 'daily',
  start: () => ({ runId: 'run-1' }),
  cancel: (runId) => runId === 'run-1',
  run: fail,
  onProgress: () => () => undefined,
  history: () => [],
  get: () => null,
  html: (id) => (id === 'daily-20261203-0600' ? '<p>ok</p>' : null),
  export: (id, format) =>
    Promise.resolve({ filename: `${id}.${format}`, mime: 'application/pdf', data: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]) }),
};

describe('report handlers', () => {
  it('answer unavailable when the host built no report service', async () => {
    const h = createReportHandlers(undefined);
    const error = await h['reports:profiles']({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).code).toBe('unavailable');
  });

  it('turn a missing report into not_found, with its id', async () => {
    const h = createReportHandlers(service);
    await expect(h['reports:get']({ id: 'gone' })).rejects.toMatchObject({ code: 'not_found', message: 'No report with id gone' });
    await expect(h['reports:html']({ id: 'gone' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(h['reports:html']({ id: 'daily-20261203-0600' })).resolves.toEqual({ html: '<p>ok</p>' });
  });

  it('send exported bytes as base64, every byte kept', async () => {
    const h = createReportHandlers(service);
    const out = await h['reports:export']({ id: 'daily-20261203-0600', format: 'pdf' });
    expect(out).toEqual({ filename: 'daily-20261203-0600.pdf', mime: 'application/pdf', base64: 'JVBERgD/' });
    expect([...Buffer.from(out.base64, 'base64')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  });

  it('wrap booleans of remove and cancel in objects', async () => {
    const h = createReportHandlers(service);
    await expect(h['reports:remove-profile']({ name: 'daily' })).resolves.toEqual({ removed: true });
    await expect(h['reports:cancel']({ runId: 'nope' })).resolves.toEqual({ cancelled: false });
  });
});

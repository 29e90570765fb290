import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNtpServer, startSilentUdp, type LoopbackUdp } from '../../../../../test/helpers/ntp-server';
import { probeNtp } from './ntp-probe';

describe('NTP probe', () => {
  let server: LoopbackUdp;
  let silent: LoopbackUdp;
  beforeAll(async () => {
    server = await startNtpServer(30_000);
    silent = await startSilentUdp();
  });
  afterAll(() => {
    server.close();
    silent.close();
  });

  it('reads the offset of a server that answers', async () => {
    const p = await probeNtp(server.address, 10_000);
    expect(p.error).toBeNull();
    expect(p.offsetSeconds).toBeGreaterThan(29);
    expect(p.offsetSeconds).toBeLessThan(31);
  });

  it('says when a server does not answer', async () => {
    expect(await probeNtp(silent.address, 300)).toEqual({ server: silent.address, offsetSeconds: null, error: 'no answer within 0.3 s' });
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createSnmpSession } from '../../src/main/core/pollers/snmp/session/net-snmp-session';
import { freeUdpPort } from './free-port';

export interface SnmpsimPeer {
  port: number;
  /** Community for a recording: its file base name (linux-netsnmp.snmprec → "linux-netsnmp"). */
  community(recording: string): string;
  stop(): Promise<void>;
}

export const SHARED_SNMPREC = new URL('../../../shared/snmprec/', import.meta.url).pathname;
export const LAB_SNMPREC = new URL('../../lab/snmprec/', import.meta.url).pathname;

/**
 * Starts Debian's snmpsimd on 127.0.0.1 serving the given .snmprec files (each answers to its base name as
 * community), waits until it answers, and stops it on request. Files are copied to a private data dir so
 * that several test files can run simulators at once. `port`: serve on this one (a restart on the same
 * address, for a recovery).
 */
export async function startSnmpsim(files: string[], options: { port?: number } = {}): Promise<SnmpsimPeer> {
  const root = mkdtempSync(join(tmpdir(), 'vigie-snmpsim-'));
  const data = join(root, 'data');
  const cache = join(root, 'cache');
  mkdirSync(data);
  mkdirSync(cache);
  chmodSync(root, 0o755);
  chmodSync(data, 0o755);
  chmodSync(cache, 0o777);
  for (const f of files) copyFileSync(f, join(data, basename(f)));
  for (const f of readdirSync(data)) chmodSync(join(data, f), 0o644);
  const port = options.port ?? (await freeUdpPort());
  const args = [
    `--data-dir=${data}`,
    `--cache-dir=${cache}`,
    `--agent-udpv4-endpoint=127.0.0.1:${port}`,
    '--v2c-arch',
    '--logging-method=null',
  ];
  if (process.getuid?.() === 0) args.push('--process-user=nobody', '--process-group=nogroup');
  const child: ChildProcess = spawn('snmpsimd', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = basename(files[0] ?? 'x.snmprec', '.snmprec');
  const deadline = Date.now() + 60_000;
  // snmpsimd indexes every recording before answering; large ones take seconds.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`snmpsimd exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    const s = createSnmpSession({ host: '127.0.0.1', port, version: '2c', community: first, timeoutMs: 500, retries: 0 });
    try {
      const r = await s.get(['1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.1.0']);
      if (r.size > 0) break;
    } catch {
      /* not ready yet */
    } finally {
      s.close();
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`snmpsimd did not answer within 60 s: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    port,
    community: (recording) => basename(recording, '.snmprec'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSnapshotSchema } from '../../../src/shared/contract/devices';
import { missingPeer } from '../../helpers/peer';
import { PG_PASSWORD, postgresMissing, startPostgres, type PostgresPeer } from '../../helpers/postgres';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = 'src/main/cli/probe-main.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function probe(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'probe', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(missingPeer('postgresql', postgresMissing()))('vigie probe --kind postgres (child process) against PostgreSQL', () => {
  let server: PostgresPeer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.dispose());

  it('prints what Vigie sees, as JSON and as tables', async () => {
    const args = ['--kind', 'postgres', '127.0.0.1', '--port', String(server.port), '--user', 'postgres', '--password-env', 'PGPW'];
    const json = await probe([...args, '--json'], { PGPW: PG_PASSWORD });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const snapshot = DeviceSnapshotSchema.omit({ at: true }).parse(JSON.parse(json.stdout));
    expect(snapshot.family).toBe('postgres');
    expect(snapshot.identity.role).toBe('primary');
    expect(snapshot.identity.maxConnections).toBe(40);
    expect(snapshot.tables.databases?.map((d) => d.name)).toContain('postgres');
    expect(snapshot.state).toBe('ok');
    const human = await probe(args, { PGPW: PG_PASSWORD });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/PostgreSQL/);
    expect(human.stdout).toMatch(/Databases/);
  }, 90_000);

  it('exits 1 with the precise reason when it cannot log in or connect, 2 on a bad command line', async () => {
    const wrong = await probe(['--kind', 'postgres', '127.0.0.1', '--port', String(server.port), '--password-env', 'PGPW'], { PGPW: 'wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/\(auth\): Authentication failed for user "postgres": wrong password/);
    const db = await probe(['--kind', 'postgres', '127.0.0.1', '--port', String(server.port), '--password-env', 'PGPW', '--database', 'nope'], { PGPW: PG_PASSWORD });
    expect(db.code).toBe(1);
    expect(db.stderr).toMatch(/\(database\): Database "nope" does not exist/);
    const usage = await probe(['--kind', 'postgres', '127.0.0.1', '--tls', 'verify']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--tls verify needs --ca-file/);
    const kind = await probe(['--kind', 'gopher', '127.0.0.1']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/--kind must be one of snmp, .*postgres/);
  }, 90_000);
});

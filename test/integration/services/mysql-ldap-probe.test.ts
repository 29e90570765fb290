import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSnapshotSchema } from '../../../src/shared/contract/devices';
import { mariadbMissing, startMariadb, type MariadbPeer } from '../../helpers/mariadb';
import { missingPeer } from '../../helpers/peer';
import { MONITOR_DN, SUFFIX, USER_PASSWORD, slapdMissing, startSlapd, type SlapdPeer } from '../../helpers/slapd';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = 'src/main/cli/probe-main.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function probe(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', ENTRY, 'probe', ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(missingPeer('mariadb', mariadbMissing()))('vigie probe --kind mysql (child process) against MariaDB', () => {
  let server: MariadbPeer;
  beforeAll(async () => {
    server = await startMariadb();
    const root = await server.root();
    await root.query("CREATE USER vigie@'%' IDENTIFIED BY 'probe-pass'; GRANT PROCESS, SLAVE MONITOR ON *.* TO vigie@'%'");
    await root.end();
  }, 120_000);
  afterAll(() => server?.dispose());

  it('prints what Vigie sees, and exits 1 with the precise reason on a wrong password or a missing database', async () => {
    const args = ['--kind', 'mysql', '127.0.0.1', '--port', String(server.port), '--user', 'vigie', '--password-env', 'MYPW'];
    const json = await probe([...args, '--json'], { MYPW: 'probe-pass' });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const snapshot = DeviceSnapshotSchema.omit({ at: true }).parse(JSON.parse(json.stdout));
    expect(snapshot).toMatchObject({ family: 'mysql', state: 'ok', identity: { product: 'MariaDB', replication: 'not a replica', maxConnections: 151 } });
    const human = await probe(args, { MYPW: 'probe-pass' });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/MariaDB/);
    expect(human.stdout).toMatch(/Sessions/);

    const wrong = await probe(args, { MYPW: 'wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/\(auth\): Authentication failed for user vigie/);
    const db = await probe([...args, '--database', 'nope'], { MYPW: 'probe-pass' });
    expect(db.code).toBe(1);
    expect(db.stderr).toMatch(/\(database\): Database nope does not exist/);
  }, 120_000);
});

describe.skipIf(missingPeer('slapd', slapdMissing()))('vigie probe --kind ldap (child process) against OpenLDAP', () => {
  let server: SlapdPeer;
  beforeAll(async () => {
    server = await startSlapd();
  }, 120_000);
  afterAll(() => server?.dispose());

  it('prints the monitor figures, and says what is wrong on a bad bind or a missing --base-dn', async () => {
    const args = ['--kind', 'ldap', '127.0.0.1', '--port', String(server.port), '--user', MONITOR_DN, '--password-env', 'LDAPPW', '--base-dn', SUFFIX];
    const json = await probe([...args, '--json'], { LDAPPW: USER_PASSWORD });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const snapshot = DeviceSnapshotSchema.omit({ at: true }).parse(JSON.parse(json.stdout));
    expect(snapshot).toMatchObject({ family: 'ldap', state: 'ok', identity: { monitor: 'enabled', namingContexts: SUFFIX } });
    expect(snapshot.tables.operations?.find((o) => o.operation === 'bind')?.completed).toBeGreaterThanOrEqual(1);

    const wrong = await probe(args, { LDAPPW: 'wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/\(auth\): Authentication failed for uid=monitor/);
    const usage = await probe(['--kind', 'ldap', '127.0.0.1']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--base-dn is required for ldap/);
  }, 120_000);
});

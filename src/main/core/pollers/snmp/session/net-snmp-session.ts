import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import snmp from 'net-snmp';
import { PollError } from '../../source';
import { bufferToBigInt, TYPE_BY_TAG } from './decode';
import type { SnmpSession, SnmpTable, SnmpTargetOptions, SnmpVarbind } from './types';

const GET_BATCH = 30;

const AUTH: Record<string, snmp.AuthProtocols> = {
  md5: snmp.AuthProtocols.md5,
  sha: snmp.AuthProtocols.sha,
  sha224: snmp.AuthProtocols.sha224,
  sha256: snmp.AuthProtocols.sha256,
  sha384: snmp.AuthProtocols.sha384,
  sha512: snmp.AuthProtocols.sha512,
};
const PRIV: Record<string, snmp.PrivProtocols> = {
  des: snmp.PrivProtocols.des,
  aes: snmp.PrivProtocols.aes,
  aes256b: snmp.PrivProtocols.aes256b,
  aes256r: snmp.PrivProtocols.aes256r,
};
const LEVEL: Record<string, snmp.SecurityLevel> = {
  noAuthNoPriv: snmp.SecurityLevel.noAuthNoPriv,
  authNoPriv: snmp.SecurityLevel.authNoPriv,
  authPriv: snmp.SecurityLevel.authPriv,
};

function decodeVarbind(vb: snmp.Varbind): SnmpVarbind | null {
  if (snmp.isVarbindError(vb)) return null;
  const type = TYPE_BY_TAG[vb.type as number] ?? 'opaque';
  let value: SnmpVarbind['value'] = vb.value as SnmpVarbind['value'];
  if (type === 'counter64' && Buffer.isBuffer(vb.value)) value = bufferToBigInt(vb.value);
  else if (type === 'counter64' && typeof vb.value === 'number') value = BigInt(vb.value);
  return { oid: vb.oid, type, value };
}

/** Maps net-snmp's errors to the stages Test connection and the device state speak. */
export function toPollError(error: unknown, target: string): PollError {
  const e = error as { name?: string; message?: string; code?: string | number };
  const message = e.message ?? String(error);
  if (e.name === 'RequestTimedOutError') {
    return new PollError('timeout', `No SNMP answer from ${target} (timeout): host down, port filtered, or wrong community/credentials`);
  }
  if (/authenticat|digest|unknown user|usmStatsUnknownUserNames|usmStatsWrongDigests/i.test(message)) {
    return new PollError('auth', `SNMPv3 authentication failed on ${target}: ${message}`);
  }
  if (/decrypt|privacy|usmStatsDecryptionErrors/i.test(message)) {
    return new PollError('privacy', `SNMPv3 privacy (encryption) failed on ${target}: ${message}`);
  }
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(message)) {
    return new PollError('refused', `${target} refused the SNMP request (port closed)`);
  }
  return new PollError('protocol', `SNMP error from ${target}: ${message}`);
}

async function resolveHost(host: string): Promise<string> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host)).address;
  } catch (error) {
    throw new PollError('dns', `Cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

class NetSnmpSession implements SnmpSession {
  private session: snmp.Session | null = null;
  private opening: Promise<snmp.Session> | null = null;
  private readonly label: string;

  constructor(private readonly options: SnmpTargetOptions) {
    this.label = `${options.host}:${options.port}`;
  }

  private async open(): Promise<snmp.Session> {
    if (this.session) return this.session;
    this.opening ??= (async () => {
      const address = await resolveHost(this.options.host);
      const o = this.options;
      const common = {
        port: o.port,
        retries: o.retries,
        timeout: o.timeoutMs,
        backoff: 1,
        transport: (isIP(address) === 6 ? 'udp6' : 'udp4') as 'udp4' | 'udp6',
        idBitsSize: 32,
      };
      let s: snmp.Session;
      if (o.version === '3') {
        const v3 = o.v3;
        if (!v3?.user) throw new PollError('auth', 'SNMPv3 needs a user name');
        const user: snmp.User = {
          name: v3.user,
          level: LEVEL[v3.level] ?? snmp.SecurityLevel.authPriv,
          authProtocol: AUTH[v3.authProtocol],
          authKey: v3.authKey,
          privProtocol: PRIV[v3.privProtocol],
          privKey: v3.privKey,
        } as snmp.User;
        s = snmp.createV3Session(address, user, { ...common, version: snmp.Version3, context: v3.context ?? '' });
      } else {
        s = snmp.createSession(address, o.community ?? 'public', {
          ...common,
          version: o.version === '1' ? snmp.Version1 : snmp.Version2c,
        });
      }
      // Socket errors (e.g. ICMP unreachable) arrive as events; without a listener they would crash the process.
      s.on('error', () => undefined);
      this.session = s;
      return s;
    })();
    try {
      return await this.opening;
    } finally {
      this.opening = null;
    }
  }

  async get(oids: readonly string[]): Promise<Map<string, SnmpVarbind>> {
    const s = await this.open();
    const out = new Map<string, SnmpVarbind>();
    for (let i = 0; i < oids.length; i += GET_BATCH) {
      const batch = oids.slice(i, i + GET_BATCH);
      const varbinds = await new Promise<snmp.Varbind[]>((resolve, reject) => {
        s.get([...batch], (error, vbs) => (error ? reject(toPollError(error, this.label)) : resolve(vbs ?? [])));
      }).catch(async (error: unknown) => {
        // SNMPv1 fails the whole PDU on one missing object (noSuchName): fall back to one object per request.
        if (this.options.version === '1' && error instanceof PollError && error.stage === 'protocol' && batch.length > 1) {
          const single: snmp.Varbind[] = [];
          for (const oid of batch) {
            const one = await new Promise<snmp.Varbind[]>((res) => s.get([oid], (err, vbs) => res(err ? [] : (vbs ?? []))));
            single.push(...one);
          }
          return single;
        }
        throw error;
      });
      for (const vb of varbinds) {
        const decoded = decodeVarbind(vb);
        if (decoded) out.set(decoded.oid, decoded);
      }
    }
    return out;
  }

  async walk(baseOid: string): Promise<SnmpVarbind[]> {
    const s = await this.open();
    const out: SnmpVarbind[] = [];
    await new Promise<void>((resolve, reject) => {
      s.subtree(
        baseOid,
        this.options.maxRepetitions ?? 25,
        (vbs: snmp.Varbind[]) => {
          for (const vb of vbs) {
            const decoded = decodeVarbind(vb);
            if (decoded) out.push(decoded);
          }
        },
        (error: Error | null) => (error ? reject(toPollError(error, this.label)) : resolve()),
      );
    });
    return out;
  }

  async table(entryOid: string, columns: readonly number[]): Promise<SnmpTable> {
    const table: SnmpTable = new Map();
    for (const column of columns) {
      const prefix = `${entryOid}.${column}.`;
      for (const vb of await this.walk(`${entryOid}.${column}`)) {
        if (!vb.oid.startsWith(prefix)) continue;
        const index = vb.oid.slice(prefix.length);
        let row = table.get(index);
        if (!row) table.set(index, (row = new Map()));
        row.set(column, vb);
      }
    }
    return table;
  }

  close(): void {
    this.session?.close();
    this.session = null;
  }
}

export function createSnmpSession(options: SnmpTargetOptions): SnmpSession {
  return new NetSnmpSession(options);
}

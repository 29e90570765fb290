import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import snmp from 'net-snmp';
import { PollError } from '../../source';
import { walkColumns, type WalkStep } from './column-walk';
import { bufferToBigInt, TYPE_BY_TAG } from './decode';
import { ensureDesPrivacy } from './des-compat';
import { ERROR_STATUS, toPollError } from './errors';
import { guardedDgram } from './guarded-dgram';
import { snmpLimiter } from './limiter';
import type { SnmpSession, SnmpTable, SnmpTargetOptions, SnmpVarbind } from './types';

/** Scalars per GET: large enough to need few round trips, small enough for old agents' message size. */
const GET_BATCH = 40;
/** Varbinds per GETBULK by default, shared between the columns walked together; halved on tooBig. */
const DEFAULT_BULK_BUDGET = 40;

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

/** null for noSuchObject / noSuchInstance / endOfMibView: "absent", never an error. */
export function decodeVarbind(vb: snmp.Varbind | undefined): SnmpVarbind | null {
  if (!vb || typeof vb.oid !== 'string' || snmp.isVarbindError(vb)) return null;
  const type = TYPE_BY_TAG[vb.type as number] ?? 'opaque';
  const raw: unknown = vb.value;
  let value: SnmpVarbind['value'];
  if (type === 'counter64') {
    value = Buffer.isBuffer(raw) ? bufferToBigInt(raw) : typeof raw === 'number' ? BigInt(Math.trunc(raw)) : null;
  } else if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'string' || Buffer.isBuffer(raw) || raw === null) {
    value = raw;
  } else if (typeof raw === 'boolean') {
    value = raw ? 1 : 0;
  } else {
    value = null;
  }
  return { oid: vb.oid, type, value };
}

async function resolveHost(host: string): Promise<string> {
  if (isIP(host)) return host;
  try {
    return (await lookup(host)).address;
  } catch (error) {
    throw new PollError('dns', `Cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

type Callback<T> = (error: Error | null, result?: T) => void;

function closeQuietly(s: snmp.Session): void {
  try {
    s.close();
  } catch {
    /* already closed */
  }
}

class NetSnmpSession implements SnmpSession {
  private session: snmp.Session | null = null;
  /** Requests in flight per net-snmp session (the current one, and detached ones finishing). */
  private readonly pending = new Map<snmp.Session, number>();
  private opening: Promise<snmp.Session> | null = null;
  private closed = false;
  private readonly label: string;
  private bulkBudget: number;
  /** Last undecodable datagram since the current request started. */
  private malformed: string | null = null;

  constructor(private readonly options: SnmpTargetOptions) {
    this.label = `${options.host}:${options.port}`;
    this.bulkBudget = Math.max(1, options.maxRepetitions ?? DEFAULT_BULK_BUDGET);
  }

  private async open(): Promise<snmp.Session> {
    if (this.closed) throw new PollError('internal', `SNMP session to ${this.label} is closed`);
    if (this.session) return this.session;
    this.opening ??= (async () => {
      const address = await resolveHost(this.options.host);
      const o = this.options;
      const common = {
        port: o.port,
        retries: o.retries,
        timeout: o.timeoutMs,
        backoff: 1,
        transport: isIP(address) === 6 ? ('udp6' as const) : ('udp4' as const),
        idBitsSize: 32 as const,
        dgramModule: guardedDgram((fault) => (this.malformed = fault), o.version === '3' ? 3 : o.version === '1' ? 0 : 1),
      };
      let s: snmp.Session;
      if (o.version === '3') {
        const v3 = o.v3;
        if (!v3?.user) throw new PollError('auth', 'SNMPv3 needs a user name');
        const level = LEVEL[v3.level] ?? snmp.SecurityLevel.authPriv;
        if (level === snmp.SecurityLevel.authPriv && v3.privProtocol === 'des' && ensureDesPrivacy() === 'unavailable') {
          throw new PollError('privacy', 'SNMPv3 DES privacy is not available in this runtime (no DES cipher)');
        }
        if (level !== snmp.SecurityLevel.noAuthNoPriv && !v3.authKey) throw new PollError('secrets', 'SNMPv3 authentication key missing');
        if (level === snmp.SecurityLevel.authPriv && !v3.privKey) throw new PollError('secrets', 'SNMPv3 privacy key missing');
        const user = {
          name: v3.user,
          level,
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
      // net-snmp reports undecodable datagrams as 'error' events: remember them for the error message.
      s.on('error', (error: unknown) => (this.malformed = error instanceof Error ? error.message : String(error)));
      if (this.closed) {
        s.close();
        throw new PollError('internal', `SNMP session to ${this.label} is closed`);
      }
      this.session = s;
      return s;
    })();
    try {
      return await this.opening;
    } finally {
      this.opening = null;
    }
  }

  /** One PDU through the global limiter; net-snmp errors become PollErrors with the device's address. */
  private async request<T>(send: (s: snmp.Session, done: Callback<T>) => void): Promise<T> {
    const s = await this.open();
    const release = await snmpLimiter.acquire();
    this.malformed = null;
    this.pending.set(s, (this.pending.get(s) ?? 0) + 1);
    try {
      return await new Promise<T>((resolve, reject) => {
        let settled = false;
        const done: Callback<T> = (error, result) => {
          if (settled) return;
          settled = true;
          release();
          if (error) reject(error);
          else resolve(result as T);
        };
        try {
          send(s, done);
        } catch (error) {
          done(error instanceof Error ? error : new Error(String(error)));
        }
      });
    } catch (error) {
      const mapped = toPollError(error, this.label, this.malformed);
      // A session that timed out or failed security may hold stale state (v3 engine time after an agent
      // restart): start a fresh one on the next request. Agent-side error statuses keep it.
      if ((error as { name?: string }).name !== 'RequestFailedError' && this.session === s) this.reset();
      throw Object.assign(mapped, { cause: error });
    } finally {
      release();
      const left = (this.pending.get(s) ?? 1) - 1;
      if (left > 0) this.pending.set(s, left);
      else this.pending.delete(s);
      if (left <= 0 && this.session !== s) closeQuietly(s);
    }
  }

  /**
   * Detaches the net-snmp session; it is closed once its last request ends, so that a request still in
   * flight (one a poll gave up on at its deadline) is not cancelled under a newer one.
   */
  private reset(): void {
    const s = this.session;
    this.session = null;
    if (s && !this.pending.has(s)) closeQuietly(s);
  }

  async get(oids: readonly string[]): Promise<Map<string, SnmpVarbind>> {
    const out = new Map<string, SnmpVarbind>();
    for (let i = 0; i < oids.length; i += GET_BATCH) {
      let batch = oids.slice(i, i + GET_BATCH);
      // SNMPv1 fails the whole PDU on one missing object (noSuchName, naming it): drop it and ask again.
      for (;;) {
        try {
          const vbs = await this.request<snmp.Varbind[]>((s, done) => s.get([...batch], done));
          for (const vb of vbs ?? []) {
            const decoded = decodeVarbind(vb);
            if (decoded) out.set(decoded.oid, decoded);
          }
          break;
        } catch (error) {
          const missing = this.v1MissingOid(error);
          if (missing === null || !batch.includes(missing)) throw error;
          batch = batch.filter((o) => o !== missing);
          if (batch.length === 0) break;
        }
      }
    }
    return out;
  }

  /** The OID a v1 noSuchName error names, if this is one. */
  private v1MissingOid(error: unknown): string | null {
    if (this.options.version !== '1') return null;
    const cause = (error as { cause?: { name?: string; status?: number; message?: string } }).cause;
    if (cause?.name !== 'RequestFailedError' || cause.status !== ERROR_STATUS.noSuchName) return null;
    const m = /:\s*([\d.]+)\s*$/.exec(cause.message ?? '');
    return m?.[1] ?? null;
  }

  private readonly bulkStep: WalkStep = async (oids, repetitions) => {
    for (;;) {
      try {
        const reps = Math.min(repetitions, this.bulkBudget);
        const res = await this.request<(snmp.Varbind | snmp.Varbind[])[]>((s, done) => s.getBulk(oids, 0, reps, done));
        return oids.map((_, i) => {
          const col = res?.[i];
          return (Array.isArray(col) ? col : col ? [col] : []).map(decodeVarbind);
        });
      } catch (error) {
        const cause = (error as { cause?: { name?: string; status?: number } }).cause;
        const tooBig = cause?.name === 'RequestFailedError' && cause.status === ERROR_STATUS.tooBig;
        if (!tooBig || Math.min(repetitions, this.bulkBudget) <= 1) throw error;
        // The agent's answer would not fit its message size: ask for fewer values, and remember it.
        this.bulkBudget = Math.max(1, Math.floor(Math.min(repetitions, this.bulkBudget) / 2));
      }
    }
  };

  private readonly nextStep: WalkStep = async (oids) => {
    const result: (SnmpVarbind | null)[][] = oids.map(() => []);
    let pending = oids.map((_, i) => i);
    while (pending.length > 0) {
      try {
        const ask = pending.map((i) => oids[i] ?? '');
        const vbs = await this.request<snmp.Varbind[]>((s, done) => s.getNext(ask, done));
        pending.forEach((idx, k) => (result[idx] = [decodeVarbind(vbs?.[k])]));
        break;
      } catch (error) {
        // v1 ends a walk with noSuchName on the column past the end of the MIB: that column is done.
        const missing = this.v1MissingOid(error);
        const k = missing === null ? -1 : pending.findIndex((i) => oids[i] === missing);
        const idx = pending[k];
        if (idx === undefined) throw error;
        result[idx] = [null];
        pending = pending.filter((i) => i !== idx);
      }
    }
    return result;
  };

  private walkMany(bases: readonly string[]): Promise<Map<string, SnmpVarbind[]>> {
    const v1 = this.options.version === '1';
    return walkColumns(bases, v1 ? this.nextStep : this.bulkStep, { budget: v1 ? bases.length : this.bulkBudget });
  }

  async walk(baseOid: string): Promise<SnmpVarbind[]> {
    return (await this.walkMany([baseOid])).get(baseOid) ?? [];
  }

  async table(entryOid: string, columns: readonly number[]): Promise<SnmpTable> {
    const bases = columns.map((c) => `${entryOid}.${c}`);
    const walked = await this.walkMany(bases);
    const table: SnmpTable = new Map();
    columns.forEach((column, i) => {
      const base = bases[i] ?? '';
      const prefix = `${base}.`;
      for (const vb of walked.get(base) ?? []) {
        const index = vb.oid.slice(prefix.length);
        let row = table.get(index);
        if (!row) table.set(index, (row = new Map<number, SnmpVarbind>()));
        row.set(column, vb);
      }
    });
    return table;
  }

  close(): void {
    this.closed = true;
    const s = this.session;
    this.session = null;
    if (s) closeQuietly(s);
  }
}

export function createSnmpSession(options: SnmpTargetOptions): SnmpSession {
  return new NetSnmpSession(options);
}

export { toPollError } from './errors';

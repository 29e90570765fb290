/**
 * The SNMP session the families poll through. Families never see net-snmp: they ask for scalars and table
 * columns and get decoded values, so a family can be tested against snmpsim recordings or a fake session.
 */
export type SnmpValueType =
  | 'integer'
  | 'octets'
  | 'oid'
  | 'ip'
  | 'counter32'
  | 'gauge32'
  | 'timeticks'
  | 'counter64'
  | 'opaque'
  | 'null';

export interface SnmpVarbind {
  oid: string;
  type: SnmpValueType;
  /** integer/counter32/gauge32/timeticks: number; counter64: bigint; octets/opaque: Buffer; oid/ip: string. */
  value: number | bigint | Buffer | string | null;
}

/** A table as index (the OID suffix after the column, e.g. "3" or "1.4.10.0.0.1") → column number → value. */
export type SnmpTable = Map<string, Map<number, SnmpVarbind>>;

export interface SnmpSession {
  /** Scalars by OID; objects the agent lacks (noSuchObject/noSuchInstance) are simply absent from the map. */
  get(oids: readonly string[]): Promise<Map<string, SnmpVarbind>>;
  /** Every object under a subtree, in OID order (GETBULK on v2c/v3, GETNEXT on v1). */
  walk(baseOid: string): Promise<SnmpVarbind[]>;
  /** Only the given columns of a table (entry OID, e.g. 1.3.6.1.2.1.2.2.1), rows keyed by index. */
  table(entryOid: string, columns: readonly number[]): Promise<SnmpTable>;
  close(): void;
}

export interface SnmpTargetOptions {
  host: string;
  port: number;
  version: '1' | '2c' | '3';
  community?: string;
  timeoutMs: number;
  retries: number;
  v3?: {
    user: string;
    level: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';
    authProtocol: 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
    privProtocol: 'des' | 'aes' | 'aes256b' | 'aes256r';
    authKey?: string;
    privKey?: string;
    context?: string;
  };
  /** Values per GETBULK; 25 suits most agents, old ones may need fewer. */
  maxRepetitions?: number;
}

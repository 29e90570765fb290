import { z } from 'zod';
import { HostSchema, PortSchema } from '../../shared/contract/common';
import type { DeviceTarget } from '../core/pollers/source';

/** A command line the probe cannot run: wrong option, missing environment variable. Exit code 2. */
export class ProbeUsageError extends Error {
  override name = 'ProbeUsageError';
}

/** A numeric command-line option, with a message naming the option. */
export const intFrom = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

const RawSchema = z.object({
  port: intFrom('--port', 1, 65535).optional(),
  version: z.enum(['1', '2c', '3'], { message: '--version must be 1, 2c or 3' }).optional(),
  communityEnv: z.string().min(1).optional(),
  user: z.string().min(1).max(64).optional(),
  authProtocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'], { message: '--auth-protocol must be md5, sha, sha224, sha256, sha384 or sha512' }).default('sha'),
  authKeyEnv: z.string().min(1).optional(),
  privProtocol: z.enum(['des', 'aes', 'aes256b', 'aes256r'], { message: '--priv-protocol must be des, aes, aes256b or aes256r' }).default('aes'),
  privKeyEnv: z.string().min(1).optional(),
  level: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv'], { message: '--level must be noAuthNoPriv, authNoPriv or authPriv' }).optional(),
  context: z.string().max(64).default(''),
  family: z.string().min(1).max(40).default('auto'),
  timeout: intFrom('--timeout', 100, 60_000).default(2000),
  retries: intFrom('--retries', 0, 5).default(1),
  interval: intFrom('--interval', 1, 3600).optional(),
  watch: z.array(z.string().min(1).max(128)).max(50).default([]),
  json: z.boolean().default(false),
});

export interface ProbeConfig {
  target: DeviceTarget;
  /** Seconds between the two polls that give rates; none = one poll. */
  intervalSeconds: number | null;
  json: boolean;
}

function fromEnv(variable: string, env: NodeJS.ProcessEnv, what: string): string {
  const value = env[variable];
  if (value === undefined || value === '') throw new ProbeUsageError(`${what}: environment variable ${variable} is not set`);
  return value;
}

/**
 * The probe's options → the same DeviceTarget the monitor polls. Secrets come only from environment
 * variables named on the command line (argv is visible to every user of the machine in `ps`).
 */
export function parseProbeOptions(host: string, raw: unknown, env: NodeJS.ProcessEnv = process.env): ProbeConfig {
  const hostCheck = HostSchema.safeParse(host);
  if (!hostCheck.success) throw new ProbeUsageError(`HOST "${host}": ${hostCheck.error.issues[0]?.message ?? 'invalid'}`);
  const parsed = RawSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProbeUsageError(`${issue?.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ` : ''}${issue?.message ?? 'invalid options'}`);
  }
  const o = parsed.data;
  const version = o.version ?? (o.user ? '3' : '2c');
  const port = PortSchema.parse(o.port ?? 161);
  let secret: DeviceTarget['secret'];
  let level: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv' = 'authPriv';
  if (version === '3') {
    if (!o.user) throw new ProbeUsageError('SNMPv3 needs --user');
    if (o.communityEnv) throw new ProbeUsageError('--community-env is for SNMP v1/v2c, not v3');
    const authKey = o.authKeyEnv ? fromEnv(o.authKeyEnv, env, '--auth-key-env') : undefined;
    const privKey = o.privKeyEnv ? fromEnv(o.privKeyEnv, env, '--priv-key-env') : undefined;
    level = o.level ?? (privKey ? 'authPriv' : authKey ? 'authNoPriv' : 'noAuthNoPriv');
    if (level !== 'noAuthNoPriv' && !authKey) throw new ProbeUsageError(`--level ${level} needs --auth-key-env`);
    if (level === 'authPriv' && !privKey) throw new ProbeUsageError('--level authPriv needs --priv-key-env');
    secret = { ...(authKey ? { authKey } : {}), ...(privKey ? { privKey } : {}) };
  } else {
    if (o.user || o.authKeyEnv || o.privKeyEnv) throw new ProbeUsageError('--user and the key options are for SNMPv3 (--version 3)');
    secret = { community: o.communityEnv ? fromEnv(o.communityEnv, env, '--community-env') : 'public' };
  }
  return {
    target: {
      device: {
        name: host,
        kind: 'snmp',
        family: o.family,
        host,
        port,
        intervalSeconds: Math.max(10, o.interval ?? 60),
        enabled: true,
        snmp: {
          version,
          timeoutMs: o.timeout,
          retries: o.retries,
          user: o.user ?? '',
          level,
          authProtocol: o.authProtocol,
          privProtocol: o.privProtocol,
          context: o.context,
        },
        vsphere: null,
        http: null,
        watchedProcesses: o.watch,
        parentId: null,
      },
      secret,
    },
    intervalSeconds: o.interval ?? null,
    json: o.json,
  };
}

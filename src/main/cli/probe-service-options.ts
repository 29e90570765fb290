import { z } from 'zod';
import { HostSchema, PortSchema } from '../../shared/contract/common';
import { LDAP_DEFAULT_PORT, LDAPS_DEFAULT_PORT, LdapSettingsSchema } from '../../shared/kinds/ldap';
import { MYSQL_DEFAULT_PORT, MysqlSettingsSchema } from '../../shared/kinds/mysql';
import type { ServiceTlsInput } from '../../shared/services/service-tls';
import type { DeviceTarget } from '../core/pollers/source';
import { PostgresSettingsSchema } from '../../shared/kinds/postgres';
import { intFrom, ProbeUsageError, type ProbeConfig } from './probe-options';

/** The options every service kind reads (MySQL, LDAP); each kind adds its own. */
const CommonSchema = z.object({
  port: intFrom('--port', 1, 65535).optional(),
  user: z.string().min(1).max(1024).optional(),
  passwordEnv: z.string().min(1).optional(),
  tls: z.enum(['require', 'verify'], { message: '--tls must be require or verify' }).optional(),
  caFile: z.string().min(1).optional(),
  certFile: z.string().min(1).optional(),
  keyFile: z.string().min(1).optional(),
  timeout: intFrom('--timeout', 100, 60_000).default(5000),
  interval: intFrom('--interval', 1, 3600).optional(),
  json: z.boolean().default(false),
});
type Common = z.output<typeof CommonSchema>;

function parse<S extends z.ZodType>(schema: S, host: string, raw: unknown): z.output<S> {
  const hostCheck = HostSchema.safeParse(host);
  if (!hostCheck.success) throw new ProbeUsageError(`HOST "${host}": ${hostCheck.error.issues[0]?.message ?? 'invalid'}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProbeUsageError(`${issue?.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ` : ''}${issue?.message ?? 'invalid options'}`);
  }
  return parsed.data;
}

function password(o: Common, env: NodeJS.ProcessEnv): string | undefined {
  if (!o.passwordEnv) return undefined;
  const value = env[o.passwordEnv];
  if (value === undefined || value === '') throw new ProbeUsageError(`--password-env: environment variable ${o.passwordEnv} is not set`);
  return value;
}

function tls(o: Common): ServiceTlsInput {
  if (Boolean(o.certFile) !== Boolean(o.keyFile)) throw new ProbeUsageError('--cert-file and --key-file go together');
  return { mode: o.tls ?? 'none', caFile: o.caFile ?? null, certFile: o.certFile ?? null, keyFile: o.keyFile ?? null };
}

function config(host: string, o: Common, port: number, settings: Partial<DeviceTarget['device']>, secret: string | undefined): ProbeConfig {
  return {
    target: {
      device: {
        name: host,
        kind: 'snmp',
        family: 'auto',
        host,
        port: PortSchema.parse(port),
        intervalSeconds: Math.max(10, o.interval ?? 60),
        enabled: true,
        snmp: null,
        vsphere: null,
        http: null,
        watchedProcesses: [],
        parentId: null,
        ...settings,
      },
      secret: secret === undefined ? null : { password: secret },
    },
    intervalSeconds: o.interval ?? null,
    json: o.json,
  };
}

/** `vigie probe --kind postgres HOST [--user U] [--password-env VAR] [--database DB] [--tls require|verify …]`. */
export function parsePostgresProbeOptions(host: string, raw: unknown, env: NodeJS.ProcessEnv = process.env): ProbeConfig {
  const o = parse(CommonSchema.extend({ database: z.string().min(1).max(128).default('postgres') }), host, raw);
  if (o.tls === 'verify' && !o.caFile) throw new ProbeUsageError('--tls verify needs --ca-file');
  const postgres = PostgresSettingsSchema.parse({ user: o.user ?? 'postgres', database: o.database, tls: tls(o), timeoutMs: o.timeout });
  return config(host, o, o.port ?? 5432, { kind: 'postgres', family: 'postgres', postgres }, password(o, env));
}

/** `vigie probe --kind mysql HOST [--user U] [--password-env VAR] [--database DB] [--tls …]`. */
export function parseMysqlProbeOptions(host: string, raw: unknown, env: NodeJS.ProcessEnv = process.env): ProbeConfig {
  const o = parse(CommonSchema.extend({ database: z.string().min(1).max(64).optional() }), host, raw);
  const mysql = MysqlSettingsSchema.parse({ user: o.user ?? 'root', database: o.database ?? null, tls: tls(o), timeoutMs: o.timeout });
  return config(host, o, o.port ?? MYSQL_DEFAULT_PORT, { kind: 'mysql', family: 'mysql', mysql }, password(o, env));
}

/** `vigie probe --kind ldap HOST --base-dn DN [--user BIND_DN] [--password-env VAR] [--ldaps] [--tls …]`. */
export function parseLdapProbeOptions(host: string, raw: unknown, env: NodeJS.ProcessEnv = process.env): ProbeConfig {
  const o = parse(CommonSchema.extend({ baseDn: z.string({ message: '--base-dn is required for ldap' }).min(1).max(1024), ldaps: z.boolean().default(false) }), host, raw);
  const ldap = LdapSettingsSchema.parse({ scheme: o.ldaps ? 'ldaps' : 'ldap', bindDn: o.user ?? null, baseDn: o.baseDn, tls: tls(o), timeoutMs: o.timeout });
  return config(host, o, o.port ?? (o.ldaps ? LDAPS_DEFAULT_PORT : LDAP_DEFAULT_PORT), { kind: 'ldap', family: 'ldap', ldap }, password(o, env));
}

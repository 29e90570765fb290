import { z } from 'zod';
import { HostSchema, PortSchema } from '../../shared/contract/common';
import { PostgresSettingsSchema } from '../../shared/kinds/postgres';
import { ProbeUsageError, type ProbeConfig } from './probe-options';

const intFrom = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

const RawSchema = z.object({
  port: intFrom('--port', 1, 65535).optional(),
  user: z.string().min(1).max(128).default('postgres'),
  passwordEnv: z.string().min(1).optional(),
  database: z.string().min(1).max(128).default('postgres'),
  tls: z.enum(['require', 'verify'], { message: '--tls must be require or verify' }).optional(),
  caFile: z.string().min(1).optional(),
  certFile: z.string().min(1).optional(),
  keyFile: z.string().min(1).optional(),
  timeout: intFrom('--timeout', 100, 60_000).default(5000),
  interval: intFrom('--interval', 1, 3600).optional(),
  json: z.boolean().default(false),
});

/** `vigie probe --kind postgres HOST ...` → the DeviceTarget the monitor would poll. */
export function parsePostgresProbeOptions(host: string, raw: unknown, env: NodeJS.ProcessEnv = process.env): ProbeConfig {
  const hostCheck = HostSchema.safeParse(host);
  if (!hostCheck.success) throw new ProbeUsageError(`HOST "${host}": ${hostCheck.error.issues[0]?.message ?? 'invalid'}`);
  const parsed = RawSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProbeUsageError(`${issue?.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ` : ''}${issue?.message ?? 'invalid options'}`);
  }
  const o = parsed.data;
  if (o.tls === 'verify' && !o.caFile) throw new ProbeUsageError('--tls verify needs --ca-file');
  if (Boolean(o.certFile) !== Boolean(o.keyFile)) throw new ProbeUsageError('--cert-file and --key-file go together');
  let password: string | undefined;
  if (o.passwordEnv) {
    password = env[o.passwordEnv];
    if (password === undefined || password === '') throw new ProbeUsageError(`--password-env: environment variable ${o.passwordEnv} is not set`);
  }
  const postgres = PostgresSettingsSchema.parse({
    user: o.user,
    database: o.database,
    tls: { mode: o.tls ?? 'none', caFile: o.caFile ?? null, certFile: o.certFile ?? null, keyFile: o.keyFile ?? null },
    timeoutMs: o.timeout,
  });
  return {
    target: {
      device: {
        name: host,
        kind: 'postgres',
        family: 'postgres',
        host,
        port: PortSchema.parse(o.port ?? 5432),
        intervalSeconds: Math.max(10, o.interval ?? 60),
        enabled: true,
        snmp: null,
        vsphere: null,
        http: null,
        postgres,
        watchedProcesses: [],
        parentId: null,
      },
      secret: password === undefined ? null : { password },
    },
    intervalSeconds: o.interval ?? null,
    json: o.json,
  };
}

import { z } from 'zod';
import { FingerprintSchema } from '../../shared/contract/devices';
import { ReportFormatSchema, ReportProfileNameSchema } from '../../shared/contract/report';
import type { ReportTarget } from '../core/report/run-report';

/** A command line the report cannot run: wrong or missing option, unset variable. Exit code 2. */
export class ReportUsageError extends Error {
  override name = 'ReportUsageError';
}

const RawSchema = z.object({
  profile: ReportProfileNameSchema.optional(),
  data: z.string().min(1).optional(),
  secrets: z.enum(['keychain', 'file'], { message: 'must be keychain or file' }).default('keychain'),
  vcenter: z.string().min(1).optional(),
  user: z.string().trim().min(1).max(256).optional(),
  passwordEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
    .optional(),
  format: ReportFormatSchema.optional(),
  out: z.string().min(1).optional(),
  lang: z.enum(['en', 'fr'], { message: 'must be en or fr' }).optional(),
  trustFingerprint: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(FingerprintSchema)
    .optional(),
  chromium: z.string().min(1).optional(),
});

interface Common {
  format: z.infer<typeof ReportFormatSchema>;
  /** null: standard output. */
  out: string | null;
  language: 'en' | 'fr' | null;
  chromium: string | null;
}

export type ReportConfig =
  | (Common & { mode: 'profile'; profile: string; dataDir: string | null; secrets: 'keychain' | 'file' })
  | (Common & { mode: 'vcenter'; target: ReportTarget });

const optionName = (key: PropertyKey): string =>
  `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** https://vc.example:8443/sdk, vc.example, http://127.0.0.1:8989 (a lab simulator) → where to connect. */
function parseVcenter(value: string): Pick<ReportTarget, 'host' | 'port' | 'protocol'> {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    throw new ReportUsageError(`--vcenter: "${value}" is not a URL or host name`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ReportUsageError(
      '--vcenter: the URL must start with https:// (or http:// for a lab simulator)',
    );
  if (url.username || url.password)
    throw new ReportUsageError('--vcenter: no credentials in the URL; use --user and --password-env');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : null,
    protocol: url.protocol === 'http:' ? 'http' : 'https',
  };
}

/**
 * `vigie report` options → what to run. The password only ever comes from the environment variable named
 * by --password-env: argv is visible to every user of the machine in `ps`.
 */
export function parseReportOptions(raw: unknown, env: NodeJS.ProcessEnv = process.env): ReportConfig {
  const parsed = RawSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportUsageError(
      `${issue?.path.length ? `${optionName(issue.path[0] ?? '')}: ` : ''}${issue?.message ?? 'invalid options'}`,
    );
  }
  const o = parsed.data;
  const common: Common = {
    format: o.format ?? 'html',
    out: o.out ?? null,
    language: o.lang ?? null,
    chromium: o.chromium ?? null,
  };
  if (o.profile !== undefined) {
    const extra = (['vcenter', 'user', 'passwordEnv', 'trustFingerprint'] as const).find(
      (k) => o[k] !== undefined,
    );
    if (extra)
      throw new ReportUsageError(
        `${optionName(extra)} is for --vcenter; a profile uses the vCenters and credentials of the inventory`,
      );
    return { ...common, mode: 'profile', profile: o.profile, dataDir: o.data ?? null, secrets: o.secrets };
  }
  if (o.vcenter === undefined)
    throw new ReportUsageError(
      'say what to report on: --profile NAME, or --vcenter URL --user USER --password-env VAR',
    );
  if (o.data !== undefined) throw new ReportUsageError('--data is for --profile');
  if (!o.user) throw new ReportUsageError('--vcenter needs --user');
  if (!o.passwordEnv)
    throw new ReportUsageError(
      '--vcenter needs --password-env VAR (the password is read from that environment variable)',
    );
  const password = env[o.passwordEnv];
  if (password === undefined || password === '')
    throw new ReportUsageError(`--password-env: environment variable ${o.passwordEnv} is not set`);
  const where = parseVcenter(o.vcenter);
  return {
    ...common,
    mode: 'vcenter',
    target: {
      name: where.host,
      ...where,
      user: o.user,
      password,
      tlsFingerprint: o.trustFingerprint ?? null,
    },
  };
}

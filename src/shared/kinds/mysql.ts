import { z } from 'zod';
import { label } from '../families/descriptor';
import { ServiceTlsSchema } from '../services/service-tls';
import { csvFromFields, defineKind, type KindField } from './kind-definition';
import { SERVICE_TLS_FIELDS } from './service-tls';

/**
 * How Vigie reaches a MySQL / MariaDB server; the password is a secret, never here. 'verify' without a CA
 * file checks against the system's roots (a server with a public certificate).
 */
export const MysqlSettingsSchema = z
  .strictObject({
    user: z.string().trim().min(1).max(80).default('vigie'),
    /** Connect to this database too, so a dropped database shows; null: no default database. */
    database: z.string().trim().min(1).max(64).nullable().default(null),
    tls: ServiceTlsSchema.default({ mode: 'none', caFile: null, certFile: null, keyFile: null }),
    timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  })
  .superRefine((s, ctx) => {
    if (Boolean(s.tls.certFile) !== Boolean(s.tls.keyFile))
      ctx.addIssue({ code: 'custom', path: ['tls', s.tls.certFile ? 'keyFile' : 'certFile'], message: 'client certificate and key go together' });
  });
export type MysqlSettings = z.output<typeof MysqlSettingsSchema>;

export const MYSQL_DEFAULT_PORT = 3306;

const fields: readonly KindField[] = [
  { key: 'user', type: 'text', label: label('User', 'Utilisateur'), placeholder: 'vigie' },
  { key: 'database', type: 'text', label: label('Database (optional)', 'Base de données (facultatif)') },
  ...SERVICE_TLS_FIELDS,
  { key: 'timeoutMs', type: 'number', label: label('Timeout (ms)', 'Délai (ms)'), min: 100, max: 60_000 },
];

export const mysqlKind = defineKind({
  kind: 'mysql',
  label: label('MySQL / MariaDB', 'MySQL / MariaDB'),
  addable: true,
  settings: MysqlSettingsSchema,
  defaultPort: MYSQL_DEFAULT_PORT,
  defaultFamily: 'mysql',
  group: 'services',
  downState: 'critical',
  secretFields: ['password'],
  // Accounts authenticated by unix socket or certificate have no password.
  requiredSecrets: () => [],
  fields,
  csv: csvFromFields<MysqlSettings>('mysql', fields, ['password']),
});

import { z } from 'zod';
import { label } from '../families/descriptor';
import { csvFromFields, defineKind, type KindField } from './kind-definition';
import { SERVICE_TLS_FIELDS, ServiceTlsSchema } from './service-tls';

export const PostgresSettingsSchema = z
  .strictObject({
    user: z.string().trim().min(1).max(128).default('postgres'),
    database: z.string().trim().min(1).max(128).default('postgres'),
    tls: ServiceTlsSchema.default({ mode: 'none', caFile: null, certFile: null, keyFile: null }),
    timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  })
  .superRefine((s, ctx) => {
    if (s.tls.mode === 'verify' && !s.tls.caFile) ctx.addIssue({ code: 'custom', path: ['tls', 'caFile'], message: 'a CA file is needed to verify' });
    if (Boolean(s.tls.certFile) !== Boolean(s.tls.keyFile))
      ctx.addIssue({ code: 'custom', path: ['tls', s.tls.certFile ? 'keyFile' : 'certFile'], message: 'client certificate and key go together' });
  });
export type PostgresSettings = z.output<typeof PostgresSettingsSchema>;

const fields: readonly KindField[] = [
  { key: 'user', type: 'text', label: label('User', 'Utilisateur'), placeholder: 'postgres' },
  { key: 'database', type: 'text', label: label('Database', 'Base de données'), placeholder: 'postgres' },
  ...SERVICE_TLS_FIELDS,
  { key: 'timeoutMs', type: 'number', label: label('Timeout (ms)', 'Délai (ms)'), min: 100, max: 60_000 },
];

export const postgresKind = defineKind({
  kind: 'postgres',
  label: label('PostgreSQL', 'PostgreSQL'),
  addable: true,
  settings: PostgresSettingsSchema,
  defaultPort: 5432,
  defaultFamily: 'postgres',
  group: 'services',
  downState: 'critical',
  secretFields: ['password'],
  // A server may trust the monitoring host (trust / cert authentication): no password needed.
  requiredSecrets: () => [],
  fields,
  csv: csvFromFields<PostgresSettings>('postgres', fields, ['password']),
});

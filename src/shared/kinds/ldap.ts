import { z } from 'zod';
import { label } from '../families/descriptor';
import { ServiceTlsSchema } from '../services/service-tls';
import { csvFromFields, defineKind, type KindField } from './kind-definition';
import { SERVICE_TLS_FIELDS } from './service-tls';

/**
 * How Vigie reaches an LDAP directory. `ldaps` is TLS from the first byte (port 636); on `ldap` a TLS mode
 * other than none means StartTLS. No bind DN: anonymous. The bind password is a secret.
 */
export const LdapSettingsSchema = z
  .strictObject({
    scheme: z.enum(['ldap', 'ldaps']).default('ldap'),
    bindDn: z.string().trim().min(1).max(1024).nullable().default(null),
    baseDn: z.string().trim().min(1).max(1024),
    tls: ServiceTlsSchema.default({ mode: 'none', caFile: null, certFile: null, keyFile: null }),
    timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  })
  .superRefine((s, ctx) => {
    if (Boolean(s.tls.certFile) !== Boolean(s.tls.keyFile))
      ctx.addIssue({ code: 'custom', path: ['tls', s.tls.certFile ? 'keyFile' : 'certFile'], message: 'client certificate and key go together' });
  });
export type LdapSettings = z.output<typeof LdapSettingsSchema>;

export const LDAP_DEFAULT_PORT = 389;
export const LDAPS_DEFAULT_PORT = 636;

const fields: readonly KindField[] = [
  {
    key: 'scheme',
    type: 'select',
    label: label('Protocol', 'Protocole'),
    options: [
      { value: 'ldap', label: label('ldap:// (StartTLS when TLS is on)', 'ldap:// (StartTLS si TLS actif)') },
      { value: 'ldaps', label: label('ldaps:// (TLS from the start)', 'ldaps:// (TLS dès la connexion)') },
    ],
  },
  { key: 'bindDn', type: 'text', label: label('Bind DN (empty: anonymous)', 'DN de connexion (vide : anonyme)'), placeholder: 'cn=monitor,dc=example,dc=com' },
  { key: 'baseDn', type: 'text', label: label('Base DN', 'DN de base'), placeholder: 'dc=example,dc=com' },
  ...SERVICE_TLS_FIELDS,
  { key: 'timeoutMs', type: 'number', label: label('Timeout (ms)', 'Délai (ms)'), min: 100, max: 60_000 },
];

export const ldapKind = defineKind({
  kind: 'ldap',
  label: label('LDAP directory', 'Annuaire LDAP'),
  addable: true,
  settings: LdapSettingsSchema,
  defaultPort: LDAP_DEFAULT_PORT,
  defaultFamily: 'ldap',
  group: 'services',
  downState: 'critical',
  secretFields: ['password'],
  requiredSecrets: (s) => (s?.bindDn ? ['password'] : []),
  fields,
  csv: csvFromFields<LdapSettings>('ldap', fields, ['password']),
});

import { z } from 'zod';
import { label } from '../families/descriptor';
import { blank, defineKind, num, type SecretField } from './kind-definition';

export const SnmpSettingsSchema = z.strictObject({
  version: z.enum(['1', '2c', '3']),
  timeoutMs: z.number().int().min(100).max(60_000).default(2000),
  retries: z.number().int().min(0).max(5).default(1),
  /** SNMPv3 user security model. */
  user: z.string().trim().max(64).default(''),
  level: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']).default('authPriv'),
  authProtocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']).default('sha'),
  privProtocol: z.enum(['des', 'aes', 'aes256b', 'aes256r']).default('aes'),
  context: z.string().max(64).default(''),
});
export type SnmpSettings = z.infer<typeof SnmpSettingsSchema>;

export const snmpKind = defineKind({
  kind: 'snmp',
  label: label('SNMP', 'SNMP'),
  addable: true,
  settings: SnmpSettingsSchema,
  defaultPort: 161,
  // Until the first poll detects it, an SNMP device is drawn as any SNMP agent.
  defaultFamily: 'generic-snmp',
  group: 'servers',
  secretFields: ['community', 'authKey', 'privKey'],
  requiredSecrets(s) {
    if (!s) return [];
    if (s.version !== '3') return ['community'];
    if (s.level === 'authPriv') return ['authKey', 'privKey'];
    return s.level === 'authNoPriv' ? ['authKey'] : [];
  },
  csv: {
    columns: [
      'snmp_version',
      'snmp_community',
      'snmp_user',
      'snmp_level',
      'snmp_auth_protocol',
      'snmp_auth_key',
      'snmp_priv_protocol',
      'snmp_priv_key',
      'snmp_timeout_ms',
      'snmp_retries',
    ],
    secretColumns: ['snmp_community', 'snmp_auth_key', 'snmp_priv_key'],
    read(row) {
      const settings = {
        version: blank(row.snmp_version) ?? '2c',
        ...(blank(row.snmp_user) ? { user: blank(row.snmp_user) } : {}),
        ...(blank(row.snmp_level) ? { level: blank(row.snmp_level) } : {}),
        ...(blank(row.snmp_auth_protocol) ? { authProtocol: blank(row.snmp_auth_protocol) } : {}),
        ...(blank(row.snmp_priv_protocol) ? { privProtocol: blank(row.snmp_priv_protocol) } : {}),
        ...(num(row.snmp_timeout_ms) !== undefined ? { timeoutMs: num(row.snmp_timeout_ms) } : {}),
        ...(num(row.snmp_retries) !== undefined ? { retries: num(row.snmp_retries) } : {}),
      };
      const secret: Partial<Record<SecretField, string>> = {};
      const community = blank(row.snmp_community);
      const authKey = blank(row.snmp_auth_key);
      const privKey = blank(row.snmp_priv_key);
      if (community) secret.community = community;
      if (authKey) secret.authKey = authKey;
      if (privKey) secret.privKey = privKey;
      return { settings, secret };
    },
    write(s) {
      return {
        snmp_version: s.version,
        snmp_user: s.user,
        ...(s.version === '3' && {
          snmp_level: s.level,
          snmp_auth_protocol: s.authProtocol,
          snmp_priv_protocol: s.privProtocol,
        }),
        snmp_timeout_ms: String(s.timeoutMs),
        snmp_retries: String(s.retries),
      };
    },
  },
});

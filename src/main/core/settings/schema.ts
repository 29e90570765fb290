import { z } from 'zod';
import { DeviceConfigSchema } from '../../../shared/contract/devices';
import { ReportProfileSchema } from '../../../shared/contract/report';
import { LanguageSchema, ThemeSchema } from '../../../shared/contract/settings';
import { defaultSmtpSettings, SmtpSettingsSchema } from '../../../shared/contract/mail';
import { AlertingConfigSchema } from '../alerting/alerting-config';
import { ChannelConfigSchema } from '../../../shared/contract/alerting';
import { defaultNotificationChannels } from '../alerting/channels/defaults';

export const SETTINGS_VERSION = 1;

/**
 * The settings document. Secrets are never here: devices say only `hasSecret`, the SecretStore holds the
 * value under `device:<id>`; the /metrics token lives under `metrics-token`.
 */
export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  language: LanguageSchema.default('system'),
  theme: ThemeSchema.default('auto'),
  devices: z.array(DeviceConfigSchema).default([]),
  metricsTokenSet: z.boolean().default(false),
  /** Set once "This computer" has been added, so that removing it is respected. */
  localDeviceSeeded: z.boolean().default(false),
  /** Mail transport (issue 13); the password lives in the SecretStore under `smtp-password`. */
  smtp: SmtpSettingsSchema.default(defaultSmtpSettings),
  /** Daily report profiles (defaulted: documents written before them read as none). */
  reportProfiles: z.array(ReportProfileSchema).default([]),
  /** Alerting (issue 14): custom rules, overrides of the defaults, noise control, maintenance windows. */
  alerting: AlertingConfigSchema.prefault({}),
  /** Where alert notifications go (defaulted: older documents read as the in-app browser + desktop channels). */
  notificationChannels: z.array(ChannelConfigSchema).max(20).default(defaultNotificationChannels),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ version: SETTINGS_VERSION });
}

/** Migrations from older versions, keyed by the version they upgrade from. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export type SettingsParse =
  | { ok: true; settings: Settings; migrated: boolean }
  | { ok: false; reason: string };

export function parseSettingsDocument(doc: unknown): SettingsParse {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, reason: 'not a JSON object' };
  let current = doc as Record<string, unknown>;
  let version = typeof current.version === 'number' ? current.version : 0;
  if (version === 0 && Object.keys(current).length === 0) return { ok: true, settings: defaultSettings(), migrated: true };
  if (version > SETTINGS_VERSION) {
    return { ok: false, reason: `written by a newer Vigie (settings version ${version}, this one reads ${SETTINGS_VERSION})` };
  }
  const migrated = version < SETTINGS_VERSION;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, reason: `no migration from settings version ${version}` };
    current = step(current);
    version += 1;
  }
  const parsed = SettingsSchema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, settings: parsed.data, migrated };
}

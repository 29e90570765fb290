import { z } from 'zod';
import { MessageSchema } from '../messages/message';
import { DEVICE_KINDS, kindDefinition, kindSettingsFields } from '../kinds/index';
import { FingerprintSchema } from '../kinds/vsphere';
import { DeviceIdSchema, HostSchema, PortSchema, StateSchema, Timestamp, UnitSchema } from './common';

export const DeviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

// Each kind's settings schema lives with its definition in src/shared/kinds/; re-exported for callers.
export { SnmpSettingsSchema, type SnmpSettings } from '../kinds/snmp';
export { FingerprintSchema, VsphereSettingsSchema } from '../kinds/vsphere';
export { HttpSettingsSchema } from '../kinds/http';
export { PostgresSettingsSchema, type PostgresSettings } from '../kinds/postgres';

/**
 * Secrets arrive with an add or update request and go straight to the SecretStore; they are never stored in
 * settings and never sent back to the renderer (the detail says only whether one is set).
 */
export const DeviceSecretSchema = z.strictObject({
  community: z.string().min(1).max(256).optional(),
  authKey: z.string().min(8).max(256).optional(),
  privKey: z.string().min(8).max(256).optional(),
  password: z.string().min(1).max(1024).optional(),
});
export type DeviceSecret = z.infer<typeof DeviceSecretSchema>;

const deviceFields = {
  name: z.string().trim().min(1, 'required').max(128),
  kind: DeviceKindSchema,
  /** A family id, or 'auto' to detect it from sysObjectID / sysDescr at the first poll. */
  family: z.string().min(1).max(40).default('auto'),
  host: HostSchema,
  port: PortSchema.nullable().default(null),
  intervalSeconds: z.number().int().min(10).max(86_400).default(60),
  enabled: z.boolean().default(true),
  ...kindSettingsFields(),
  watchedProcesses: z.array(z.string().trim().min(1).max(128)).max(50).default([]),
  parentId: DeviceIdSchema.nullable().default(null),
};

/** A kind with settings needs its own settings object; the other kinds' objects are ignored. */
function checkKindSettings(d: { kind: DeviceKind } & Partial<Record<string, unknown>>, ctx: z.RefinementCtx): void {
  const def = kindDefinition(d.kind);
  if (def.settings && !def.settingsOptional && !d[d.kind])
    ctx.addIssue({ code: 'custom', path: [d.kind], message: `${def.label.en} settings required` });
}

export const DeviceInputSchema = z
  .strictObject({ ...deviceFields, secret: DeviceSecretSchema.optional() })
  .superRefine(checkKindSettings);
export type DeviceInput = z.input<typeof DeviceInputSchema>;
export type DeviceInputParsed = z.output<typeof DeviceInputSchema>;

/** The stored and shown form of a device: no secret, only whether one is set. */
export const DeviceConfigSchema = z.strictObject({
  id: DeviceIdSchema,
  ...deviceFields,
  hasSecret: z.boolean(),
  /** Family found by detection when family is 'auto'. */
  detectedFamily: z.string().nullable().default(null),
  createdAt: Timestamp,
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;

export const WeatherSchema = z.strictObject({
  ok: z.number().min(0).max(1),
  warning: z.number().min(0).max(1),
  critical: z.number().min(0).max(1),
  unknown: z.number().min(0).max(1),
});
export type Weather = z.infer<typeof WeatherSchema>;

export const KeyFigureSchema = z.strictObject({
  value: z.number().nullable(),
  text: z.string().nullable(),
  unit: UnitSchema,
});

export const DeviceSummarySchema = z.strictObject({
  id: DeviceIdSchema,
  name: z.string(),
  kind: DeviceKindSchema,
  family: z.string(),
  group: z.string(),
  host: z.string(),
  enabled: z.boolean(),
  intervalSeconds: z.number().int().positive(),
  state: StateSchema,
  message: z.string().nullable(),
  /** `message` as a code (the checks' label and text codes inside), shown in the reader's language. */
  messageText: MessageSchema.optional(),
  /** Not polled for want of its credential (e.g. imported from a file): shown as such, not as unreachable. */
  credentialMissing: z.boolean().optional(),
  keyFigure: KeyFigureSchema.nullable(),
  /**
   * When the key figure was measured: the last answered poll. Older than lastPollAt after a failed poll,
   * and the tile then shows its age; absent means measured at lastPollAt.
   */
  keyFigureAt: Timestamp.nullable().optional(),
  lastPollAt: Timestamp.nullable(),
  uptimeSeconds: z.number().nonnegative().nullable(),
  weather: WeatherSchema,
});
export type DeviceSummary = z.infer<typeof DeviceSummarySchema>;

const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const MetricValueSchema = z.strictObject({
  name: z.string(),
  instance: z.string(),
  value: z.number(),
  unit: UnitSchema,
});
export type MetricValue = z.infer<typeof MetricValueSchema>;

export const ProblemSchema = z.strictObject({
  severity: z.enum(['warning', 'critical', 'unknown']),
  message: z.string(),
  /** The same in the reader's language, when the family words it as a code. */
  text: MessageSchema.optional(),
});

/** One poll's view of a device: the same shape `vigie probe --json` prints. */
export const DeviceSnapshotSchema = z.strictObject({
  at: Timestamp,
  family: z.string(),
  identity: z.record(z.string(), CellSchema),
  metrics: z.array(MetricValueSchema),
  tables: z.record(z.string(), z.array(z.record(z.string(), CellSchema))),
  state: StateSchema,
  problems: z.array(ProblemSchema),
});
export type DeviceSnapshot = z.infer<typeof DeviceSnapshotSchema>;

export const CheckStateSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  state: StateSchema,
  message: z.string(),
  value: z.number().nullable(),
  since: Timestamp,
  /** The label and message as codes, formatted in the reader's language (label/message stay in English). */
  labelText: MessageSchema.optional(),
  text: MessageSchema.optional(),
});
export type CheckState = z.infer<typeof CheckStateSchema>;

export const SeriesInfoSchema = z.strictObject({
  key: z.string(),
  metric: z.string(),
  instance: z.string(),
  unit: UnitSchema,
});
export type SeriesInfo = z.infer<typeof SeriesInfoSchema>;

export const UPTIME_PERIODS = ['day', 'week', 'month', 'year'] as const;

/** Availability and uptime between restarts over a period, as the original product's "Uptime" plugin. */
export const UptimePeriodSchema = z.strictObject({
  period: z.enum(UPTIME_PERIODS),
  /**
   * How much of the period monitoring actually covers (first poll in it → now), so a figure over five
   * minutes is not read as a year's; null without data.
   */
  observedSeconds: z.number().nonnegative().nullable(),
  /** Share of polls answered, in percent; null without data for the period. */
  availabilityPercent: z.number().min(0).max(100).nullable(),
  /** Separate spells of failed polls. */
  outages: z.number().int().nonnegative(),
  /** Restarts seen from the device's own uptime going backwards. */
  restarts: z.number().int().nonnegative(),
  minUptimeSeconds: z.number().nonnegative().nullable(),
  avgUptimeSeconds: z.number().nonnegative().nullable(),
  maxUptimeSeconds: z.number().nonnegative().nullable(),
});
export type UptimePeriod = z.infer<typeof UptimePeriodSchema>;

export const UptimeStatsSchema = z.strictObject({
  currentSeconds: z.number().nonnegative().nullable(),
  lastRestartAt: Timestamp.nullable(),
  periods: z.array(UptimePeriodSchema),
});
export type UptimeStats = z.infer<typeof UptimeStatsSchema>;

export const DeviceDetailSchema = z.strictObject({
  summary: DeviceSummarySchema,
  config: DeviceConfigSchema,
  snapshot: DeviceSnapshotSchema.nullable(),
  checks: z.array(CheckStateSchema),
  series: z.array(SeriesInfoSchema),
  uptime: UptimeStatsSchema,
});
export type DeviceDetail = z.infer<typeof DeviceDetailSchema>;

export const CertificateInfoSchema = z.strictObject({
  fingerprint: FingerprintSchema,
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfoSchema>;

export const TEST_STAGES = [
  'ok',
  'dns',
  'refused',
  'timeout',
  'community',
  'auth',
  'privacy',
  'tls-untrusted',
  'tls-changed',
  'tls',
  'permission',
  /** The database named in the settings does not exist (services). */
  'database',
  'protocol',
  'family',
  'secrets',
  'internal',
] as const;
export const TestStageSchema = z.enum(TEST_STAGES);
export type TestStage = z.infer<typeof TestStageSchema>;

export const TestResultSchema = z.strictObject({
  ok: z.boolean(),
  stage: TestStageSchema,
  message: z.string(),
  durationMs: z.number().nonnegative(),
  detected: z
    .strictObject({
      family: z.string().nullable(),
      identity: z.record(z.string(), CellSchema),
    })
    .nullable(),
  certificate: CertificateInfoSchema.nullable(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

export const ImportRequestSchema = z.strictObject({
  format: z.enum(['csv', 'json']),
  text: z.string().max(5_000_000),
  dryRun: z.boolean().default(false),
});
const ImportRowSchema = z.strictObject({ line: z.number().int(), name: z.string() });
const ImportRowWhySchema = z.strictObject({ line: z.number().int(), name: z.string(), reason: z.string() });
export const ImportResultSchema = z.strictObject({
  added: z.number().int().nonnegative(),
  /** Each row that went in (or would, on a dry run), by line: with `rejected`, every row of the file. */
  addedRows: z.array(ImportRowSchema),
  rejected: z.array(ImportRowWhySchema),
  /** Rows added without the credential their device needs (an export leaves credentials out). */
  missingCredential: z.array(ImportRowWhySchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

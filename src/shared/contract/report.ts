import { z } from 'zod';
import { DeviceIdSchema } from './common';
import { ReportMailSchema, ReportScheduleSchema } from './report-schedule';

/**
 * The daily report's output contract (spec: daily-report.md, "Output contract"). Every report exists as
 * one of these documents; HTML, PDF and CSV are rendered from it, and the history keeps it on disk.
 */

export const ReportFindingSeveritySchema = z.enum(['warning', 'critical']);
export type ReportFindingSeverity = z.infer<typeof ReportFindingSeveritySchema>;

export const ReportCheckStatusSchema = z.enum(['ok', 'findings', 'error', 'unsupported']);
export type ReportCheckStatus = z.infer<typeof ReportCheckStatusSchema>;

/** A cell: strings and numbers as vCenter gave them (escaped only by the renderers), null when unknown. */
export const ReportCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ReportCell = z.infer<typeof ReportCellSchema>;

/** One finding: the check's columns plus severity, isNew and which vCenter it came from. */
export const ReportRowSchema = z
  .object({
    severity: ReportFindingSeveritySchema,
    isNew: z.boolean(),
    vcenter: z.string(),
  })
  .catchall(ReportCellSchema);
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const ReportThresholdValueSchema = z.union([z.number(), z.string(), z.array(z.string())]);
export const ReportThresholdSchema = z.record(z.string(), ReportThresholdValueSchema);
export type ReportThreshold = z.infer<typeof ReportThresholdSchema>;

export const ReportCheckResultSchema = z.object({
  id: z.string(),
  /** English title with the threshold written in; renderers may re-title from `id` in another language. */
  title: z.string(),
  status: ReportCheckStatusSchema,
  threshold: ReportThresholdSchema.nullable(),
  /** Why it could not run (error), which call the server lacks (unsupported), or a note (e.g. skew unknown). */
  message: z.string().nullable(),
  durationMs: z.number().nonnegative(),
  /** Column ids in display order (the spec's columns), so CSV and HTML need no per-check code. */
  columns: z.array(z.string()),
  rows: z.array(ReportRowSchema),
});
export type ReportCheckResult = z.infer<typeof ReportCheckResultSchema>;

export const ReportSummarySchema = z.object({
  hosts: z.number().int().nonnegative(),
  vms: z.number().int().nonnegative(),
  vmsPoweredOn: z.number().int().nonnegative(),
  vmsPoweredOff: z.number().int().nonnegative(),
  vmsSuspended: z.number().int().nonnegative(),
  templates: z.number().int().nonnegative(),
  clusters: z.number().int().nonnegative(),
  datastores: z.number().int().nonnegative(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ReportVcenterSchema = z.object({
  name: z.string(),
  version: z.string(),
  build: z.string(),
  summary: ReportSummarySchema,
  /** Null when the vCenter was reached and read; else why not (its checks then say error). */
  error: z.string().nullable(),
});
export type ReportVcenter = z.infer<typeof ReportVcenterSchema>;

export const ReportDocumentSchema = z.object({
  /** History id: `<profile>-<generatedAt compact>`; stable file name of the JSON/HTML pair. */
  id: z.string(),
  profile: z.string(),
  generatedAt: z.string(),
  durationMs: z.number().nonnegative(),
  language: z.enum(['en', 'fr']),
  vcenters: z.array(ReportVcenterSchema),
  /** Totals over every vCenter. */
  summary: ReportSummarySchema,
  checks: z.array(ReportCheckResultSchema),
  /** Render and collection steps timed, for the footer. */
  timings: z.record(z.string(), z.number()),
});
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

/** Name patterns: `*` and `?` wildcards, case-insensitive; an empty pattern excludes nothing. */
export const NamePatternSchema = z.string().max(200);

export const ReportExclusionsSchema = z.object({
  vms: z.array(NamePatternSchema).default([]),
  hosts: z.array(NamePatternSchema).default([]),
  datastores: z.array(NamePatternSchema).default([]),
});
export type ReportExclusions = z.infer<typeof ReportExclusionsSchema>;

export const ReportCheckSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Overrides of the check's default thresholds (validated by the check itself). */
  thresholds: ReportThresholdSchema.default({}),
  exclusions: ReportExclusionsSchema.default({ vms: [], hosts: [], datastores: [] }),
});
export type ReportCheckSettings = z.infer<typeof ReportCheckSettingsSchema>;

export const ReportScopeSchema = z.object({
  /** Empty = everything. Names (patterns) of datacenters, clusters, folders to keep. */
  datacenters: z.array(NamePatternSchema).default([]),
  clusters: z.array(NamePatternSchema).default([]),
  folders: z.array(NamePatternSchema).default([]),
});
export type ReportScope = z.infer<typeof ReportScopeSchema>;

export const ReportProfileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9 _.-]+$/, 'letters, digits, space, . - and _ only');

export const ReportProfileSchema = z.object({
  name: ReportProfileNameSchema,
  /** vSphere devices of the inventory (their URL, user and keychain secret are reused). */
  vcenters: z.array(DeviceIdSchema).min(1),
  language: z.enum(['en', 'fr']).default('en'),
  scope: ReportScopeSchema.default({ datacenters: [], clusters: [], folders: [] }),
  exclusions: ReportExclusionsSchema.default({ vms: [], hosts: [], datastores: [] }),
  /** Per check id; a check absent here runs with its defaults. */
  checks: z.record(z.string(), ReportCheckSettingsSchema).default({}),
  /** Runs by itself when set (issue 13); absent = on demand only. */
  schedule: ReportScheduleSchema.optional(),
  /** Mails each run's report when set (issue 13). */
  mail: ReportMailSchema.optional(),
});
export type ReportProfile = z.infer<typeof ReportProfileSchema>;
export type ReportProfileInput = z.input<typeof ReportProfileSchema>;

export const ReportStepSchema = z.enum(['connect', 'inventory', 'events', 'performance', 'checks', 'render']);
export type ReportStep = z.infer<typeof ReportStepSchema>;

/** Pushed while a run goes on: one per step change per vCenter (vcenter null for render). */
export const ReportProgressSchema = z.object({
  runId: z.string(),
  profile: z.string(),
  vcenter: z.string().nullable(),
  step: ReportStepSchema,
  /** 0..1 within the step. */
  fraction: z.number().min(0).max(1),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  message: z.string().nullable(),
});
export type ReportProgress = z.infer<typeof ReportProgressSchema>;

/** One line of the history list (the document itself is fetched by id). */
export const ReportHistoryEntrySchema = z.object({
  id: z.string(),
  profile: z.string(),
  generatedAt: z.string(),
  findings: z.object({ warning: z.number().int(), critical: z.number().int() }),
  checksFailed: z.number().int(),
});
export type ReportHistoryEntry = z.infer<typeof ReportHistoryEntrySchema>;

export const ReportFormatSchema = z.enum(['html', 'pdf', 'json', 'csv']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/** What the check settings UI needs to draw any check with no special case. */
export const ReportCheckInfoSchema = z.object({
  id: z.string(),
  title: z.object({ en: z.string(), fr: z.string() }),
  defaults: ReportThresholdSchema,
  columns: z.array(z.string()),
});
export type ReportCheckInfo = z.infer<typeof ReportCheckInfoSchema>;

import { z } from 'zod';
import {
  ReportCheckInfoSchema,
  ReportDocumentSchema,
  ReportFormatSchema,
  ReportHistoryEntrySchema,
  ReportProfileNameSchema,
  ReportProfileSchema,
} from './report';

/**
 * Requests and answers of the `reports:*` calls (the document shapes live in `report.ts`). A report id is
 * also a file name in the history folder, so only a file-name-safe set of characters crosses the bridge.
 */
export const ReportIdSchema = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[A-Za-z0-9 _.-]+$/, 'letters, digits, space, . - and _ only')
  .refine((s) => s !== '.' && s !== '..', 'not a report id');

export const RunIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/);

const Empty = z.strictObject({});

export const reportCalls = {
  'reports:checks': { request: Empty, response: z.array(ReportCheckInfoSchema) },
  'reports:profiles': { request: Empty, response: z.array(ReportProfileSchema) },
  'reports:save-profile': {
    // previousName renames a profile (its history stays under the old name).
    request: z.strictObject({ profile: ReportProfileSchema, previousName: ReportProfileNameSchema.optional() }),
    response: ReportProfileSchema,
  },
  'reports:remove-profile': {
    request: z.strictObject({ name: ReportProfileNameSchema }),
    response: z.strictObject({ removed: z.boolean() }),
  },
  'reports:start': {
    request: z.strictObject({ profile: ReportProfileNameSchema }),
    response: z.strictObject({ runId: RunIdSchema }),
  },
  'reports:cancel': {
    request: z.strictObject({ runId: RunIdSchema }),
    response: z.strictObject({ cancelled: z.boolean() }),
  },
  'reports:history': {
    request: z.strictObject({ profile: ReportProfileNameSchema.optional() }),
    response: z.array(ReportHistoryEntrySchema),
  },
  'reports:get': { request: z.strictObject({ id: ReportIdSchema }), response: ReportDocumentSchema },
  'reports:html': {
    request: z.strictObject({ id: ReportIdSchema, language: z.enum(['en', 'fr']).optional() }),
    response: z.strictObject({ html: z.string() }),
  },
  'reports:export': {
    request: z.strictObject({ id: ReportIdSchema, format: ReportFormatSchema, checkId: z.string().max(64).optional() }),
    // Bytes as base64: JSON carries it over HTTP, and IPC gets the same shape so the renderer has one path.
    response: z.strictObject({
      filename: z.string().min(1).max(255),
      mime: z.string().min(1).max(100),
      base64: z.base64(),
    }),
  },
} as const;

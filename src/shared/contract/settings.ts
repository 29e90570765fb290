import { z } from 'zod';

export const LanguageSchema = z.enum(['system', 'en', 'fr']);
export const ThemeSchema = z.enum(['auto', 'light', 'dark']);

export const UiSettingsSchema = z.strictObject({
  language: LanguageSchema,
  theme: ThemeSchema,
  /** Whether /metrics is enabled; the token itself lives in the SecretStore and is never shown again. */
  metricsTokenSet: z.boolean(),
});
export type UiSettings = z.infer<typeof UiSettingsSchema>;

export const UiSettingsUpdateSchema = z.strictObject({
  language: LanguageSchema.optional(),
  theme: ThemeSchema.optional(),
  /** A new bearer token for /metrics (at least 16 characters), or null to disable the endpoint. */
  metricsToken: z.string().min(16).max(256).nullable().optional(),
});

export const AppInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'web']),
  startedAt: z.number(),
  secrets: z.strictObject({
    backend: z.enum(['keychain', 'file', 'memory', 'none']),
    available: z.boolean(),
    message: z.string().nullable(),
  }),
  /** Things the user must know about this start, e.g. a corrupt settings file that was set aside. */
  notices: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

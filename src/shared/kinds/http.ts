import { z } from 'zod';
import { label } from '../families/descriptor';
import { blank, defineKind } from './kind-definition';

export const HttpSettingsSchema = z.strictObject({
  scheme: z.enum(['http', 'https']).default('http'),
  path: z.string().startsWith('/').max(512).default('/index.htm?em'),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
});

export const httpKind = defineKind({
  kind: 'http',
  label: label('HTTP (EM01)', 'HTTP (EM01)'),
  addable: true,
  settings: HttpSettingsSchema,
  settingsOptional: true,
  defaultPort: 80,
  defaultFamily: 'sensor-em01',
  group: 'environment',
  secretFields: [],
  requiredSecrets: () => [],
  csv: {
    columns: ['http_scheme', 'http_path'],
    secretColumns: [],
    read: (row) => ({
      settings: {
        ...(blank(row.http_scheme) ? { scheme: blank(row.http_scheme) } : {}),
        ...(blank(row.http_path) ? { path: blank(row.http_path) } : {}),
      },
      secret: {},
    }),
    write: (s) => ({ http_scheme: s.scheme, http_path: s.path }),
  },
});

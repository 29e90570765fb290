import { z } from 'zod';
import { DeviceIdSchema } from './common';
import {
  DeviceDetailSchema,
  DeviceInputSchema,
  DeviceSummarySchema,
  ImportRequestSchema,
  ImportResultSchema,
  TestResultSchema,
} from './devices';
import { EventRecordSchema, EventsQuerySchema, NotificationSchema } from './events';
import { MetricsQuerySchema, MetricsResultSchema } from './metrics';
import { AppInfoSchema, UiSettingsSchema, UiSettingsUpdateSchema } from './settings';
import { ReportProgressSchema } from './report';
import { reportCalls } from './report-api';
import { mailCalls } from './mail-api';
import { alertingCalls } from './alerting-api';
import type { CallName, EventName } from './channels';

const Empty = z.strictObject({});
const ById = z.strictObject({ id: DeviceIdSchema });

/** Every call: request schema → response schema. The one declaration both bridges and the handlers derive from. */
export const calls = {
  'app:info': { request: Empty, response: AppInfoSchema },
  'settings:get': { request: Empty, response: UiSettingsSchema },
  'settings:update': { request: UiSettingsUpdateSchema, response: UiSettingsSchema },
  'devices:list': { request: Empty, response: z.array(DeviceSummarySchema) },
  'devices:get': { request: ById, response: DeviceDetailSchema },
  'devices:add': { request: DeviceInputSchema, response: DeviceSummarySchema },
  'devices:update': {
    request: z.strictObject({ id: DeviceIdSchema, device: DeviceInputSchema }),
    response: DeviceSummarySchema,
  },
  'devices:remove': { request: ById, response: z.strictObject({ removed: z.boolean() }) },
  'devices:test': {
    // Testing an existing device may reuse its stored secret when the form leaves the secret empty.
    request: z.strictObject({ device: DeviceInputSchema, id: DeviceIdSchema.optional() }),
    response: TestResultSchema,
  },
  'devices:poll': { request: ById, response: DeviceSummarySchema },
  'devices:import': { request: ImportRequestSchema, response: ImportResultSchema },
  'devices:export': {
    request: z.strictObject({ format: z.enum(['csv', 'json']) }),
    response: z.strictObject({ text: z.string(), filename: z.string() }),
  },
  'metrics:query': { request: MetricsQuerySchema, response: MetricsResultSchema },
  'events:list': { request: EventsQuerySchema, response: z.array(EventRecordSchema) },
  ...reportCalls,
  ...mailCalls,
  ...alertingCalls,
} as const satisfies Record<CallName, { request: z.ZodType; response: z.ZodType }>;

/** Every event pushed from the core to the renderer. */
export const events = {
  'devices:changed': DeviceSummarySchema,
  'devices:removed': z.strictObject({ id: DeviceIdSchema }),
  'events:appended': EventRecordSchema,
  'notify:show': NotificationSchema,
  'reports:progress': ReportProgressSchema,
  /** The active problems or incidents changed: the Alerts page asks again (one query). */
  'alerts:changed': z.strictObject({ active: z.number().int().nonnegative() }),
} as const satisfies Record<EventName, z.ZodType>;

// Compile-time check that channels.ts lists exactly the declared channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _callsAgree: Same<keyof typeof calls, CallName> = true;
const _eventsAgree: Same<keyof typeof events, EventName> = true;
void _callsAgree;
void _eventsAgree;

export type Req<K extends CallName> = z.input<(typeof calls)[K]['request']>;
export type ParsedReq<K extends CallName> = z.output<(typeof calls)[K]['request']>;
export type Res<K extends CallName> = z.output<(typeof calls)[K]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What the core implements: one function per call, receiving the validated request. */
export type Handlers = { [K in CallName]: (request: ParsedReq<K>) => Promise<Res<K>> };

/**
 * Channel names only, without schemas, so that the sandboxed preload can allow-list them without bundling
 * zod. `api.ts` checks at compile time that this list and the schemas agree.
 */
export const CALL_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'devices:list',
  'devices:get',
  'devices:add',
  'devices:update',
  'devices:remove',
  'devices:test',
  'devices:poll',
  'devices:import',
  'devices:export',
  'metrics:query',
  'events:list',
  'reports:checks',
  'reports:profiles',
  'reports:save-profile',
  'reports:remove-profile',
  'reports:start',
  'reports:cancel',
  'reports:history',
  'reports:get',
  'reports:html',
  'reports:export',
  'mail:settings',
  'mail:save',
  'mail:test',
  'mail:outbox',
  'mail:retry',
  'mail:discard',
  'schedule:next',
  'alerts:rules',
  'alerts:save-rule',
  'alerts:remove-rule',
  'alerts:save-override',
  'alerts:remove-override',
  'alerts:preview',
  'alerts:active',
  'alerts:ack',
  'alerts:unack',
  'alerts:silence',
  'alerts:incidents',
  'alerts:settings',
  'alerts:save-settings',
  'maintenance:list',
  'maintenance:save',
  'maintenance:remove',
  'notifications:channels',
  'notifications:save',
  'notifications:test',
] as const;

export const EVENT_CHANNELS = [
  'devices:changed',
  'devices:removed',
  'events:appended',
  'notify:show',
  'reports:progress',
  'alerts:changed',
] as const;

export type CallName = (typeof CALL_CHANNELS)[number];
export type EventName = (typeof EVENT_CHANNELS)[number];

const callSet: ReadonlySet<string> = new Set(CALL_CHANNELS);
const eventSet: ReadonlySet<string> = new Set(EVENT_CHANNELS);
export const isCallName = (s: string): s is CallName => callSet.has(s);
export const isEventName = (s: string): s is EventName => eventSet.has(s);

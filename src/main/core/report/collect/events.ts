import type { CallOptions, VimClient } from '../../vsphere/client';
import { readEvents, type VimEvent } from '../../vsphere/events';
import { readProperty } from '../../vsphere/property-collector';
import { children, refKey, text } from '../../vsphere/xml-parse';
import type { ReportEvent } from '../snapshot';
import { snapshotTaskEvent, type SnapshotTaskEvent } from './snapshot-task-events';

/**
 * Error-category types for servers whose event description does not list them (VMware's simulator lists
 * only info events). The server's own description wins where it has the type.
 */
const KNOWN_ERROR_TYPES = new Set([
  'GeneralHostErrorEvent',
  'GeneralVmErrorEvent',
  'HostConnectionLostEvent',
  'HostShutdownEvent',
  'VmFailedToPowerOnEvent',
  'VmFailedToPowerOffEvent',
  'VmFailoverFailed',
  'VmDiskFailedEvent',
  'DatastoreRemovedOnHostEvent',
  'HostIpConflictEvent',
  'VmUuidConflictEvent',
  'VmMacConflictEvent',
]);

/** Event type → category (error, warning, info, user) from EventManager.description. */
export async function eventCategories(client: VimClient, opts: CallOptions): Promise<Map<string, string>> {
  const sc = await client.serviceContent(opts);
  const out = new Map<string, string>();
  if (!sc.eventManager) return out;
  const desc = await readProperty(client, sc.eventManager, 'description', opts);
  for (const i of children(desc, 'eventInfo')) {
    const key = text(i, 'key');
    const cat = text(i, 'category');
    if (key && cat) out.set(key, cat);
  }
  return out;
}

export function categoryOf(ev: VimEvent, categories: ReadonlyMap<string, string>): string {
  if (ev.type === 'EventEx' || ev.type === 'ExtendedEvent') {
    const sev = text(ev.raw, 'severity');
    if (sev) return sev;
  }
  return categories.get(ev.type) ?? (KNOWN_ERROR_TYPES.has(ev.type) ? 'error' : 'info');
}

export function toReportEvent(ev: VimEvent, categories: ReadonlyMap<string, string>): ReportEvent {
  return {
    key: ev.key,
    type: ev.type,
    time: ev.createdTime,
    user: ev.userName,
    message: ev.message,
    vm: ev.vm?.name ?? null,
    vmRef: ev.vm?.ref ? refKey(ev.vm.ref) : null,
    host: ev.host?.name ?? null,
    hostRef: ev.host?.ref ? refKey(ev.host.ref) : null,
    sourceHost: text(ev.raw, 'sourceHost', 'name') ?? null,
    computeResource: ev.computeResource?.name ?? null,
    datacenter: ev.datacenter?.name ?? null,
    category: categoryOf(ev, categories),
  };
}

const COLLECTOR_MAX_COUNT = 1000;

export interface EventRead {
  events: ReportEvent[];
  /** CreateSnapshot_Task TaskEvents of the window (who created which VM's snapshot), from the same read. */
  snapshotTasks: SnapshotTaskEvent[];
  truncated: boolean;
}

/**
 * One EventHistoryCollector read over [now - days, now], page by page, bounded by maxEvents; the time and
 * type filters are applied here again because some servers ignore them. collectorMaxCount: VMware's
 * simulator keeps only that many events in a collector (vCenter ignores it when reading page by page).
 */
export async function readWindow(
  client: VimClient,
  q: { types: readonly string[] | null; days: number; now: number; maxEvents: number; categories: ReadonlyMap<string, string> } & CallOptions,
): Promise<EventRead> {
  const begin = new Date(q.now - q.days * 86_400_000);
  const end = new Date(q.now);
  const page = await readEvents(client, {
    types: q.types ?? undefined,
    begin,
    end,
    pageSize: 1000,
    maxEvents: q.maxEvents,
    collectorMaxCount: COLLECTOR_MAX_COUNT,
    signal: q.signal,
    timeoutMs: q.timeoutMs,
  });
  const wanted = q.types ? new Set(q.types) : null;
  const kept = page.events.filter((e) => wanted === null || wanted.has(e.type));
  const events = kept.map((e) => toReportEvent(e, q.categories));
  const snapshotTasks = kept.map(snapshotTaskEvent).filter((t): t is SnapshotTaskEvent => t !== null);
  events.sort((a, b) => a.time.getTime() - b.time.getTime() || a.key - b.key);
  // A server that keeps only `maxCount` events per collector (the simulator) stops there: say so, since
  // the window may hold more than were read.
  return { events, snapshotTasks, truncated: page.truncated || page.events.length + page.filteredOut >= COLLECTOR_MAX_COUNT };
}

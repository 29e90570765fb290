import type { CallOptions, VimClient } from './client';
import { VsphereProtocolError, VsphereUnsupportedError } from './errors';
import { struct, type MoRef } from './xml-build';
import { child, date, moRef, num, text, xsiType, type XmlElement, type XmlNode } from './xml-parse';

export interface EventEntity {
  name: string;
  ref: MoRef | undefined;
}

/** An event as the report needs it; `raw` keeps the whole element for type-specific fields. */
export interface VimEvent {
  key: number;
  /** The concrete event type (VmCreatedEvent, DrsVmMigratedEvent...). */
  type: string;
  createdTime: Date;
  userName: string;
  message: string;
  vm?: EventEntity;
  host?: EventEntity;
  computeResource?: EventEntity;
  datacenter?: EventEntity;
  datastore?: EventEntity;
  raw: XmlNode;
}

export interface EventQuery extends CallOptions {
  /** Event type ids (server-side filter; base types match their subtypes on vCenter). */
  types?: readonly string[];
  /** Time window, applied by the server and again here (some servers ignore it). */
  begin?: Date;
  end?: Date;
  entity?: { ref: MoRef; recursion: 'self' | 'children' | 'all' };
  /** ReadNextEvents page size (1..1000). */
  pageSize?: number;
  /** Stop after this many events read (bounded work whatever the server holds). */
  maxEvents?: number;
  /**
   * EventFilterSpec.maxCount, sent only when set. VMware's simulator keeps only that many events in a collector
   * (10 by default, at most 1000); vCenter reads its whole database page by page without it.
   */
  collectorMaxCount?: number;
}

export interface EventPage {
  events: VimEvent[];
  /** ReadNextEvents calls that returned events. */
  pages: number;
  /** True when maxEvents stopped the read before the collector was exhausted. */
  truncated: boolean;
  /** Events the server returned outside the time window (it ignored the filter). */
  filteredOut: number;
}

function entity(node: XmlNode | undefined, refName: string): EventEntity | undefined {
  if (node === undefined) return undefined;
  return { name: text(node, 'name') ?? '', ref: moRef(child(node, refName)) };
}

export function parseEvent(node: XmlNode): VimEvent | undefined {
  const created = date(node, 'createdTime');
  const key = num(node, 'key');
  if (!created || key === undefined) return undefined;
  return {
    key,
    type: xsiType(node) ?? 'Event',
    createdTime: created,
    userName: text(node, 'userName') ?? '',
    message: text(node, 'fullFormattedMessage') ?? '',
    vm: entity(child(node, 'vm'), 'vm'),
    host: entity(child(node, 'host'), 'host'),
    computeResource: entity(child(node, 'computeResource'), 'computeResource'),
    datacenter: entity(child(node, 'datacenter'), 'datacenter'),
    datastore: entity(child(node, 'ds'), 'datastore'),
    raw: node as XmlElement,
  };
}

/**
 * Reads events through an EventHistoryCollector: created with the type, entity and time filter, read page
 * by page with ReadNextEvents until it is exhausted (or maxEvents), then destroyed whatever happens.
 */
export function readEvents(client: VimClient, q: EventQuery = {}): Promise<EventPage> {
  return client.sessionScoped(() => readWithCollector(client, q));
}

async function readWithCollector(client: VimClient, q: EventQuery): Promise<EventPage> {
  const sc = await client.serviceContent(q);
  if (!sc.eventManager) throw new VsphereUnsupportedError('EventManager', 'no event manager in the service content');
  const pageSize = Math.min(Math.max(q.pageSize ?? 100, 1), 1000);
  const maxEvents = q.maxEvents ?? 10_000;
  const filter = struct({
    entity: q.entity ? struct({ entity: q.entity.ref, recursion: q.entity.recursion }) : undefined,
    time: q.begin || q.end ? struct({ beginTime: q.begin, endTime: q.end }) : undefined,
    eventTypeId: q.types && q.types.length ? q.types : undefined,
    maxCount: q.collectorMaxCount,
  });
  const [node] = await client.call('CreateCollectorForEvents', sc.eventManager, { filter }, q);
  const collector = moRef(node);
  if (!collector) throw new VsphereProtocolError('CreateCollectorForEvents returned no collector');
  const out: EventPage = { events: [], pages: 0, truncated: false, filteredOut: 0 };
  try {
    while (out.events.length + out.filteredOut < maxEvents) {
      const batch = await client.call('ReadNextEvents', collector, { maxCount: Math.min(pageSize, maxEvents - out.events.length - out.filteredOut) }, q);
      if (batch.length === 0) break;
      out.pages++;
      for (const n of batch) {
        const ev = parseEvent(n);
        if (!ev) continue;
        const t = ev.createdTime.getTime();
        if ((q.begin && t < q.begin.getTime()) || (q.end && t > q.end.getTime())) out.filteredOut++;
        else out.events.push(ev);
      }
    }
    out.truncated = out.events.length + out.filteredOut >= maxEvents;
  } finally {
    await client.call('DestroyCollector', collector, {}, { timeoutMs: 10_000 }).catch(() => undefined);
  }
  return out;
}

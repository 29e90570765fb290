import type { CallOptions, VimClient } from './client';
import { VsphereProtocolError } from './errors';
import { ManagedObjectNotFoundFault } from './faults';
import { createContainerView, destroyView, viewFilterSpec, type PropertySelection } from './property-collector';
import { struct, type MoRef } from './xml-build';
import { bool, child, children, moRef, refKey, text, type XmlNode } from './xml-parse';

export interface FollowedObject {
  obj: MoRef;
  props: Map<string, XmlNode>;
}

export interface SyncResult {
  /** True when the state was (re)read from scratch: first sync, or after the session was renewed. */
  full: boolean;
  /** Objects entered, modified or left in this sync. */
  changed: number;
  /** WaitForUpdatesEx calls made (more than one when the server truncates a large update). */
  calls: number;
}

export interface FollowerOptions {
  container?: MoRef;
  /** Per WaitForUpdatesEx answer (WaitOptions.maxObjectUpdates); the server truncates beyond it. */
  maxObjectUpdates?: number;
  /** Bound on the number of truncated answers chained in one sync. */
  maxCallsPerSync?: number;
}

/**
 * Keeps a local copy of selected properties of every object of some types, and follows changes with
 * WaitForUpdatesEx instead of re-reading everything: the first sync returns the full state (version ""),
 * later ones only what changed since the last version. It uses its own PropertyCollector (so that its
 * waits do not disturb other users of the session) over a ContainerView. Both die with the session: after
 * a re-login, or when the server no longer knows them, the follower starts again from a full read.
 */
export class PropertyFollower {
  readonly objects = new Map<string, FollowedObject>();
  private collector: MoRef | null = null;
  private view: MoRef | null = null;
  private version = '';
  private generation = -1;

  constructor(
    private readonly client: VimClient,
    private readonly selections: readonly PropertySelection[],
    private readonly opts: FollowerOptions = {},
  ) {}

  /** Applies what changed; maxWaitSeconds 0 returns at once with whatever is pending. */
  async sync(maxWaitSeconds: number, callOpts: CallOptions = {}): Promise<SyncResult> {
    try {
      return await this.syncOnce(maxWaitSeconds, callOpts);
    } catch (error) {
      // Our collector or view vanished (session renewed between calls, server restart): start over once.
      if (!(error instanceof ManagedObjectNotFoundFault)) throw error;
      this.forget();
      return this.syncOnce(maxWaitSeconds, callOpts);
    }
  }

  private async syncOnce(maxWaitSeconds: number, callOpts: CallOptions): Promise<SyncResult> {
    if (this.collector === null || this.generation !== this.client.sessionGeneration) await this.setUp(callOpts);
    const collector = this.collector;
    if (!collector) throw new VsphereProtocolError('no property collector');
    const full = this.version === '';
    let changed = 0;
    let calls = 0;
    const maxCalls = this.opts.maxCallsPerSync ?? 1000;
    // A wait must be allowed to last its full maxWaitSeconds before the call's own bound ends it.
    const timeoutMs = Math.max(callOpts.timeoutMs ?? 30_000, (maxWaitSeconds + 30) * 1000);
    for (;;) {
      calls++;
      const [set] = await this.client.call(
        'WaitForUpdatesEx',
        collector,
        {
          version: this.version,
          options: struct({ maxWaitSeconds, maxObjectUpdates: this.opts.maxObjectUpdates }),
        },
        { ...callOpts, timeoutMs },
      );
      // A session renewed during the call: our collector belongs to the old one.
      if (this.generation !== this.client.sessionGeneration) throw new ManagedObjectNotFoundFault('ManagedObjectNotFound', 'session renewed');
      if (set === undefined) return { full, changed, calls }; // nothing new within maxWaitSeconds
      changed += this.apply(set);
      this.version = text(set, 'version') ?? this.version;
      if (!bool(set, 'truncated') || calls >= maxCalls) return { full, changed, calls };
    }
  }

  private apply(set: XmlNode): number {
    let changed = 0;
    for (const filterUpdate of children(set, 'filterSet')) {
      for (const update of children(filterUpdate, 'objectSet')) {
        const obj = moRef(child(update, 'obj'));
        if (!obj) continue;
        const key = refKey(obj);
        const kind = text(update, 'kind');
        changed++;
        if (kind === 'leave') {
          this.objects.delete(key);
          continue;
        }
        let entry = this.objects.get(key);
        if (!entry || kind === 'enter') {
          entry = { obj, props: new Map() };
          this.objects.set(key, entry);
        }
        for (const change of children(update, 'changeSet')) {
          const name = text(change, 'name');
          if (name === undefined) continue;
          const op = text(change, 'op');
          const val = child(change, 'val');
          if (op === 'remove' || op === 'indirectRemove' || val === undefined) entry.props.delete(name);
          else entry.props.set(name, val);
        }
      }
    }
    return changed;
  }

  private async setUp(callOpts: CallOptions): Promise<void> {
    this.forget();
    const sc = await this.client.serviceContent(callOpts);
    this.generation = this.client.sessionGeneration;
    const [pc] = await this.client.call('CreatePropertyCollector', sc.propertyCollector, {}, callOpts);
    const collector = moRef(pc);
    if (!collector) throw new VsphereProtocolError('CreatePropertyCollector returned no collector');
    this.collector = collector;
    this.view = await createContainerView(this.client, [...new Set(this.selections.map((s) => s.type))], {
      ...callOpts,
      container: this.opts.container,
    });
    await this.client.call(
      'CreateFilter',
      collector,
      { spec: viewFilterSpec(this.view, this.selections), partialUpdates: false },
      callOpts,
    );
  }

  private forget(): void {
    this.collector = null;
    this.view = null;
    this.version = '';
    this.objects.clear();
  }

  /** Destroys the collector (and its filter) and the view; the local copy is dropped. */
  async close(): Promise<void> {
    const { collector, view } = this;
    this.forget();
    if (collector) await this.client.call('DestroyPropertyCollector', collector, {}, { timeoutMs: 10_000 }).catch(() => undefined);
    if (view) await destroyView(this.client, view);
  }
}

import type { DeviceSummary } from '../../../shared/contract/devices';

type Listener = () => void;

// One collator for every sort: localeCompare with options builds a new one per comparison.
const byName = new Intl.Collator(undefined, { numeric: true });

function sameSummary(a: DeviceSummary, b: DeviceSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * When listeners of the whole list hear of a change: once per animation frame where there are frames. A
 * large site sends thousands of updates a second, each its own task; rebuilding the list (and the header's
 * counts over it) for each one cost more than the tiles themselves. Without frames (unit tests): at once.
 */
export type Scheduler = (run: () => void) => void;

const oncePerFrame: Scheduler = (run) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else run();
};

/**
 * The live device list, kept outside React so that one device's update wakes only the components that
 * show that device: each tile subscribes to its own id, the dashboard to the list of ids (which changes only
 * when a device is added, removed or changes group). That is what keeps 2,000 tiles cheap.
 */
export class DeviceStore {
  private anyPending = false;

  constructor(private readonly scheduleAny: Scheduler = oncePerFrame) {}

  private readonly byId = new Map<string, DeviceSummary>();
  private readonly idListeners = new Map<string, Set<Listener>>();
  private readonly listListeners = new Set<Listener>();
  private readonly anyListeners = new Set<Listener>();
  private idsSnapshot: readonly string[] = [];
  private allSnapshot: readonly DeviceSummary[] | null = [];
  private loaded = false;

  isLoaded(): boolean {
    return this.loaded;
  }

  get(id: string): DeviceSummary | undefined {
    return this.byId.get(id);
  }

  /** Ids in a stable order (by name); a new array only when membership, order or grouping changes. */
  ids(): readonly string[] {
    return this.idsSnapshot;
  }

  /** Every summary; a new array after any change, built lazily. */
  all(): readonly DeviceSummary[] {
    this.allSnapshot ??= [...this.idsSnapshot].map((id) => this.byId.get(id)).filter((d) => d !== undefined);
    return this.allSnapshot;
  }

  /**
   * A full resync (first load, reconnection): only devices whose summary really changed are notified, so a
   * periodic resync does not re-render every tile.
   */
  replaceAll(list: readonly DeviceSummary[]): void {
    const incoming = new Set(list.map((d) => d.id));
    const gone = [...this.byId.keys()].filter((id) => !incoming.has(id));
    const changed: string[] = [];
    let membership = gone.length > 0 || !this.loaded;
    for (const d of list) {
      const before = this.byId.get(d.id);
      if (before && sameSummary(before, d)) continue;
      if (!before || before.name !== d.name || before.group !== d.group) membership = true;
      this.byId.set(d.id, d);
      changed.push(d.id);
    }
    for (const id of gone) this.byId.delete(id);
    this.loaded = true;
    if (membership) this.rebuildIds();
    for (const id of changed) this.notifyId(id);
    for (const id of gone) this.notifyId(id);
    if (changed.length || gone.length || membership) this.notifyAny();
  }

  upsert(summary: DeviceSummary): void {
    const before = this.byId.get(summary.id);
    this.byId.set(summary.id, summary);
    if (!before || before.name !== summary.name || before.group !== summary.group) this.rebuildIds();
    this.notifyId(summary.id);
    this.notifyAny();
  }

  remove(id: string): void {
    if (!this.byId.delete(id)) return;
    this.rebuildIds();
    this.notifyId(id);
    this.notifyAny();
  }

  subscribeId(id: string, listener: Listener): () => void {
    let set = this.idListeners.get(id);
    if (!set) this.idListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.idListeners.delete(id);
    };
  }

  subscribeIds(listener: Listener): () => void {
    this.listListeners.add(listener);
    return () => this.listListeners.delete(listener);
  }

  subscribeAll(listener: Listener): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  private rebuildIds(): void {
    const sorted = [...this.byId.values()]
      .sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => d.id);
    this.idsSnapshot = sorted;
    for (const l of this.listListeners) l();
  }

  private notifyId(id: string): void {
    for (const l of this.idListeners.get(id) ?? []) l();
  }

  private notifyAny(): void {
    this.allSnapshot = null;
    if (this.anyPending) return;
    this.anyPending = true;
    this.scheduleAny(() => {
      this.anyPending = false;
      for (const l of this.anyListeners) l();
    });
  }
}

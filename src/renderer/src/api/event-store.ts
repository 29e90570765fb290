import type { EventRecord } from '../../../shared/contract/events';

type Listener = () => void;

/** The most recent events, newest first, appended live; a bounded window for the dashboard panel. */
export class EventStore {
  private list: readonly EventRecord[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly capacity = 200) {}

  recent(): readonly EventRecord[] {
    return this.list;
  }

  replaceAll(events: readonly EventRecord[]): void {
    this.list = [...events].sort((a, b) => b.at - a.at || b.id - a.id).slice(0, this.capacity);
    this.notify();
  }

  append(event: EventRecord): void {
    if (this.list.some((e) => e.id === event.id)) return;
    this.list = [event, ...this.list].slice(0, this.capacity);
    this.notify();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

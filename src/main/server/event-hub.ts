import type { EventPayload } from '../../shared/contract/api';
import type { EventName } from '../../shared/contract/channels';
import type { EventSink } from '../core/ports';

type Listener = (event: EventName, payload: unknown) => void;

/** The headless EventSink: fans every core event out to the subscribers (the WebSocket clients). */
export class EventHub implements EventSink {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch {
        // One broken client must not stop the others from hearing about the event.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { RangeId } from './range';

/** A time window picked by dragging on a chart, in ms. */
export interface Zoom {
  from: number;
  to: number;
}

interface Entry {
  range: RangeId;
  zoom: Zoom;
}

/**
 * The charts of one device page share their range (the page holds it), so they share a zoom too: a span
 * dragged on one chart is shown by all of them. Kept here rather than in the page so that the page needs no
 * zoom plumbing; an entry belongs to the range it was picked in and is dropped when the last chart of its
 * scope goes away, so that reopening a page starts unzoomed.
 */
const entries = new Map<string, Entry>();
const users = new Map<string, number>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setZoom(scope: string, range: RangeId, zoom: Zoom | null): void {
  if (zoom) entries.set(scope, { range, zoom });
  else entries.delete(scope);
  notify();
}

/** The zoom of a scope (a device page) in the current range, or null when showing the whole range. */
export function useSharedZoom(scope: string, range: RangeId): [Zoom | null, (zoom: Zoom | null) => void] {
  const entry = useSyncExternalStore(subscribe, () => entries.get(scope));
  useEffect(() => {
    users.set(scope, (users.get(scope) ?? 0) + 1);
    return () => {
      const n = (users.get(scope) ?? 1) - 1;
      if (n > 0) users.set(scope, n);
      else {
        users.delete(scope);
        entries.delete(scope);
      }
    };
  }, [scope]);
  useEffect(() => {
    // Another range was picked: the span dragged in the old one is forgotten, not restored on the way back.
    const current = entries.get(scope);
    if (current && current.range !== range) setZoom(scope, current.range, null);
  }, [scope, range]);
  const set = useCallback((zoom: Zoom | null) => setZoom(scope, range, zoom), [scope, range]);
  return [entry && entry.range === range ? entry.zoom : null, set];
}

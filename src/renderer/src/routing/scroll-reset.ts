import { useEffect } from 'react';
import type { Route } from './route';

/** What makes a different page: the devices form (?add, ?edit) opens over the list and keeps its place. */
export function pageKey(route: Route): string {
  if (route.page === 'device') return `device/${route.id}`;
  if (route.page === 'events') return `events/${route.deviceId ?? ''}`;
  return route.page;
}

/**
 * Hash routing keeps the document, so the browser keeps its scroll position: a new page would open halfway
 * down. Each new page starts at the top.
 */
export function useScrollReset(route: Route): void {
  const key = pageKey(route);
  useEffect(() => {
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
  }, [key]);
}

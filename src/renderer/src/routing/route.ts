import { useSyncExternalStore } from 'react';

/** Pages of the console; the hash keeps routing working alike from file:// in Electron and from `serve`. */
export type Route =
  | { page: 'dashboard' }
  | { page: 'devices'; add: boolean; edit?: string | null }
  | { page: 'device'; id: string }
  | { page: 'alerts' }
  | { page: 'rules'; family: string | null; deviceId: string | null }
  | { page: 'maintenance' }
  | { page: 'events'; deviceId: string | null }
  | { page: 'reports' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  switch (parts[0]) {
    case 'devices':
      return { page: 'devices', add: params.get('add') === '1', edit: params.get('edit') };
    case 'device':
      return parts[1] ? { page: 'device', id: parts[1] } : { page: 'devices', add: false };
    case 'alerts':
      return { page: 'alerts' };
    case 'rules':
      return { page: 'rules', family: params.get('family'), deviceId: params.get('device') };
    case 'maintenance':
      return { page: 'maintenance' };
    case 'events':
      return { page: 'events', deviceId: params.get('device') };
    case 'reports':
      return { page: 'reports' };
    case 'settings':
      return { page: 'settings' };
    default:
      return { page: 'dashboard' };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return '#/';
    case 'devices':
      if (route.edit) return `#/devices?edit=${encodeURIComponent(route.edit)}`;
      return route.add ? '#/devices?add=1' : '#/devices';
    case 'device':
      return `#/device/${encodeURIComponent(route.id)}`;
    case 'events':
      return route.deviceId ? `#/events?device=${encodeURIComponent(route.deviceId)}` : '#/events';
    case 'rules':
      if (route.deviceId) return `#/rules?device=${encodeURIComponent(route.deviceId)}`;
      return route.family ? `#/rules?family=${encodeURIComponent(route.family)}` : '#/rules';
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

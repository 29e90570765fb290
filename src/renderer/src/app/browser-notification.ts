import type { Notification as VigieNotification } from '../../../shared/contract/events';

export type BrowserPermission = NotificationPermission | 'unsupported';

/** The browser's Notification API, when the page may use it (absent over plain http on some browsers). */
function api(): typeof Notification | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

export function browserPermission(): BrowserPermission {
  return api()?.permission ?? 'unsupported';
}

/** Asked only from the user's click (Settings → Notifications): browsers ignore or penalise asking at load. */
export async function requestBrowserPermission(): Promise<BrowserPermission> {
  const N = api();
  if (!N) return 'unsupported';
  try {
    return await N.requestPermission();
  } catch {
    return N.permission;
  }
}

/**
 * A system notification when allowed and the console is not in front (in front, the in-page one is
 * enough); a click brings the tab forward on the device's page.
 */
export function showBrowserNotification(n: VigieNotification, open: (deviceId: string) => void): void {
  const N = api();
  if (!N || N.permission !== 'granted' || document.visibilityState === 'visible') return;
  const shown = new N(n.title, { body: n.body, tag: n.deviceId ? `vigie-${n.deviceId}` : undefined });
  shown.onclick = () => {
    window.focus();
    if (n.deviceId) open(n.deviceId);
    shown.close();
  };
}

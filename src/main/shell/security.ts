import { app, session, type BrowserWindow, type WebContents } from 'electron';
import { permissionAllowed, SHELL_CSP } from './shell-policy';

export const CSP = SHELL_CSP;

/** The renderer's own URL prefix: calls from any other frame are refused. */
export function rendererOrigin(devServerUrl: string | undefined, rendererFile: string): string {
  return devServerUrl ? new URL(devServerUrl).origin : new URL(`file://${rendererFile}`).href;
}

export function isTrustedFrame(frame: unknown, allowed: string): boolean {
  const url = (frame as { url?: unknown } | null)?.url;
  return typeof url === 'string' && (url === allowed || url.startsWith(allowed.endsWith('/') ? allowed : `${allowed}/`) || url.startsWith(`${allowed}#`) || url.startsWith(`${allowed}?`));
}

/**
 * Secure defaults for every window: CSP as a header, no navigation away from the app, no new windows, no
 * permission granted (camera, notifications from the page...: the main process does notifications).
 */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;

export type SecureWindow = BrowserWindow;

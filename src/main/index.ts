import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Notification } from 'electron';
import ElectronStore from 'electron-store';
import type { EventPayload } from '../shared/contract/api';
import type { EventName } from '../shared/contract/channels';
import { worstState, type State } from '../shared/states';
import { createCore, type Core } from './core/create-core';
import { DEFAULT_FAMILIES, DEFAULT_SOURCES } from './core/default-catalog';
import { createFileLogger } from './core/log/file-logger';
import { systemClock } from './core/ports';
import { KeytarSecretStore } from './core/secrets/keytar-secret-store';
import { ConfSettingsStore, inspectSettingsFile } from './core/settings/conf-settings-store';
import { registerIpcHandlers } from './ipc/register-handlers';
import { hardenSession, isTrustedFrame, rendererOrigin, SECURE_WEB_PREFERENCES } from './shell/security';
import { devRendererUrl } from './shell/shell-policy';
import { takeShutdownSignals } from './cli/shutdown-signals';
import { StateTray } from './shell/tray';
import { deviceHash, trayMenuModel } from './shell/tray-menu';
import { resolveLang } from '../shared/format/locale';
import { electronPdf } from './report-pdf-electron';

/**
 * The Electron shell, kept thin: it wires the Electron adapters (electron-store, keytar, Notification, Tray,
 * IPC) into the same core the headless server runs, and opens one hardened window.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const RESOURCES = app.isPackaged ? process.resourcesPath : join(here, '../../resources');
const RENDERER_FILE = join(here, '../renderer/index.html');
// Development only, loopback only: in a packaged app this variable must not choose the trusted IPC origin.
const DEV_URL = devRendererUrl(app.isPackaged, process.env) ?? undefined;

// A data folder chosen from outside (tests, portable installs): VIGIE_DATA, as for `vigie serve`.
if (process.env.VIGIE_DATA) app.setPath('userData', process.env.VIGIE_DATA);

let window: BrowserWindow | null = null;
let core: Core | null = null;
let tray: StateTray | null = null;
let quitting = false;

function showWindow(): void {
  if (!window) window = createWindow();
  window.show();
  window.focus();
}

/** A notification or tray click: the window, on the device's page. */
function openDevice(deviceId: string): void {
  showWindow();
  const hash = JSON.stringify(deviceHash(deviceId));
  void window?.webContents.executeJavaScript(`location.hash = ${hash}`).catch(() => undefined);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Vigie',
    icon: join(RESOURCES, 'icon.png'),
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(here, '../preload/index.cjs') },
  });
  win.once('ready-to-show', () => win.show());
  // Closing the window keeps monitoring in the tray; Quit from the tray ends it.
  win.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      win.hide();
    }
  });
  win.on('closed', () => (window = null));
  if (DEV_URL) void win.loadURL(DEV_URL);
  else void win.loadFile(RENDERER_FILE);
  return win;
}

async function boot(): Promise<void> {
  const dataDir = app.getPath('userData');
  const log = createFileLogger(join(dataDir, 'logs'));
  const inspected = inspectSettingsFile(join(dataDir, 'settings.json'));
  const store = new ElectronStore<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: true });
  const settings = new ConfSettingsStore(store, inspected.notices);
  // The tray's colour follows the states carried by the events themselves: no re-listing per poll.
  const states = new Map<string, State>();
  // The tray's problem list: one alerts:active query a second at most, after state changes and events.
  let trayRefresh: NodeJS.Timeout | null = null;
  const refreshTrayProblems = (): void => {
    if (trayRefresh) return;
    trayRefresh = setTimeout(() => {
      trayRefresh = null;
      const lang = resolveLang(settings.get().language, [app.getLocale()]);
      core?.handlers['alerts:active']({}).then(
        (problems) => tray?.setMenu(trayMenuModel(problems, lang)),
        () => undefined,
      );
    }, 1000);
  };
  const sink = {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(event, payload);
      if (event === 'devices:changed' || event === 'events:appended') refreshTrayProblems();
      if (event === 'devices:changed') {
        const d = payload as EventPayload<'devices:changed'>;
        states.set(d.id, d.state);
      } else if (event === 'devices:removed') states.delete((payload as EventPayload<'devices:removed'>).id);
      else return;
      tray?.setState(worstState(states.values()));
    },
  };
  core = createCore({
    paths: { dataDir },
    settings,
    secrets: new KeytarSecretStore(),
    clock: systemClock,
    sink,
    notifier: {
      notify: (n) => {
        if (!Notification.isSupported()) return;
        const shown = new Notification({ title: n.title, body: n.body, silent: n.severity === 'ok' });
        const { deviceId } = n;
        shown.on('click', () => (deviceId ? openDevice(deviceId) : showWindow()));
        shown.show();
      },
    },
    log,
    mode: 'desktop',
    version: app.getVersion(),
    families: DEFAULT_FAMILIES,
    sources: DEFAULT_SOURCES,
    pdf: electronPdf(),
  });
  const allowed = rendererOrigin(DEV_URL, RENDERER_FILE);
  registerIpcHandlers(ipcMain, core.dispatch, (frame) => isTrustedFrame(frame, allowed));
  await core.start();
  tray = new StateTray(RESOURCES, {
    show: showWindow,
    quit: () => app.quit(),
    open: openDevice,
    acknowledge: (request) => {
      core?.handlers['alerts:ack'](request).then(refreshTrayProblems, (error: unknown) => log.error('acknowledge from the tray failed', { error: String(error) }));
    },
  });
  refreshTrayProblems();
  showWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('before-quit', () => (quitting = true));
  // A stop signal (systemd, a terminal's Ctrl+C) quits like the tray does, through will-quit's graceful stop,
  // instead of the settings library's exit hook re-sending it and killing the process mid-write.
  takeShutdownSignals(() => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const c = core;
    core = null;
    tray?.destroy();
    void c.stop().finally(() => app.exit(0));
  });
  void app.whenReady().then(async () => {
    hardenSession();
    try {
      await boot();
    } catch (error) {
      const { dialog } = await import('electron');
      dialog.showErrorBox('Vigie could not start', (error as Error).message);
      app.exit(1);
    }
  });
}

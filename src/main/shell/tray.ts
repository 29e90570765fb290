import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import type { State } from '../../shared/states';
import { trayAck, type TrayItem } from './tray-menu';

export interface TrayActions {
  show: () => void;
  quit: () => void;
  /** Opens a device's page in the window. */
  open: (deviceId: string) => void;
  acknowledge: (request: ReturnType<typeof trayAck>) => void;
}

/**
 * A tray icon whose colour is the worst device state, with a menu: show the window, the current problems
 * (each opens its device or is acknowledged from here), quit. The menu's content is `tray-menu.ts`.
 */
export class StateTray {
  private readonly tray: Tray;
  private state: State | null = null;

  constructor(
    private readonly resources: string,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(this.icon('ok'));
    this.tray.setToolTip('Vigie');
    this.setMenu([{ kind: 'show' }, { kind: 'separator' }, { kind: 'quit' }]);
    this.tray.on('click', actions.show);
  }

  setMenu(items: readonly TrayItem[]): void {
    const a = this.actions;
    this.tray.setContextMenu(
      Menu.buildFromTemplate(
        items.map((item): Electron.MenuItemConstructorOptions => {
          switch (item.kind) {
            case 'show':
              return { label: 'Show Vigie', click: a.show };
            case 'separator':
              return { type: 'separator' };
            case 'quit':
              return { label: 'Quit', click: a.quit };
            case 'more':
              return { label: `${item.count} more…`, click: a.show };
            case 'problem':
              return {
                label: item.label,
                submenu: [
                  { label: 'Open', click: () => a.open(item.deviceId) },
                  { label: 'Acknowledge', enabled: !item.acknowledged, click: () => a.acknowledge(trayAck(item)) },
                ],
              };
          }
        }),
      ),
    );
  }

  private icon(state: State): Electron.NativeImage {
    return nativeImage.createFromPath(join(this.resources, `tray-${state}.png`));
  }

  setState(state: State): void {
    if (state === this.state) return;
    this.state = state;
    this.tray.setImage(this.icon(state));
    this.tray.setToolTip(`Vigie: ${state.toUpperCase()}`);
  }

  destroy(): void {
    this.tray.destroy();
  }
}

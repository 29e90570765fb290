import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import type { State } from '../../shared/states';

/** A tray icon whose colour is the worst device state, with a menu to show the window or quit. */
export class StateTray {
  private readonly tray: Tray;
  private state: State | null = null;

  constructor(
    private readonly resources: string,
    show: () => void,
    quit: () => void,
  ) {
    this.tray = new Tray(this.icon('ok'));
    this.tray.setToolTip('Vigie');
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Show Vigie', click: show },
        { type: 'separator' },
        { label: 'Quit', click: quit },
      ]),
    );
    this.tray.on('click', show);
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

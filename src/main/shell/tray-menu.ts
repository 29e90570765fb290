import type { ActiveProblem } from '../../shared/contract/alerting';
import type { Lang } from '../../shared/format/locale';
import { formatMessage } from '../../shared/messages/format-message';
import { msg } from '../../shared/messages/message';
import { stateRank } from '../../shared/states';

/** The tray menu as data (no Electron here, so it is unit-tested); `tray.ts` turns it into a Menu. */
export type TrayItem =
  | { kind: 'show' }
  | { kind: 'separator' }
  | { kind: 'quit' }
  | { kind: 'more'; count: number }
  | { kind: 'problem'; label: string; deviceId: string; checkId: string; acknowledged: boolean };

const MAX_PROBLEMS = 12;

/** Worst first, then oldest first: what needs a look first is at the top. */
export function trayMenuModel(problems: readonly ActiveProblem[], lang: Lang): TrayItem[] {
  const sorted = [...problems].sort((a, b) => stateRank(b.state) - stateRank(a.state) || a.since - b.since);
  const shown = sorted.slice(0, MAX_PROBLEMS).map(
    (p): TrayItem => ({
      kind: 'problem',
      // Menus show text as text; a device's own name cannot inject anything there, but keep it on one line.
      label: oneLine(
        formatMessage(
          msg('notify.line', { severity: formatMessage(msg(`notify.severity.${p.state}`), lang), device: p.deviceName, text: formatMessage(p.label, lang) }),
          lang,
        ) + (p.acknowledgement ? ' ✓' : ''),
      ),
      deviceId: p.deviceId,
      checkId: p.checkId,
      acknowledged: p.acknowledgement !== null,
    }),
  );
  const more: TrayItem[] = sorted.length > MAX_PROBLEMS ? [{ kind: 'more', count: sorted.length - MAX_PROBLEMS }] : [];
  return [{ kind: 'show' }, ...(shown.length ? [{ kind: 'separator' } as const, ...shown, ...more] : []), { kind: 'separator' }, { kind: 'quit' }];
}

function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}

/** The `alerts:ack` request the tray's "Acknowledge" sends: until recovery, saying where it came from. */
export function trayAck(item: Extract<TrayItem, { kind: 'problem' }>): { deviceId: string; checkId: string; comment: string; mode: 'until-recovery' } {
  return { deviceId: item.deviceId, checkId: item.checkId, comment: 'Acknowledged from the tray', mode: 'until-recovery' };
}

/** The renderer route a notification click opens (ids are [A-Za-z0-9_-], but encode anyway). */
export function deviceHash(deviceId: string): string {
  return `#/device/${encodeURIComponent(deviceId)}`;
}

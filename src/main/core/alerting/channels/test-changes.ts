import type { AlertChange } from '../../../../shared/contract/alerting';
import type { Severity } from '../../../../shared/contract/events';
import { msg } from '../../../../shared/messages/message';
import type { State } from '../../../../shared/states';
import type { Logger } from '../../ports';

/** Test helpers shared by the channel and router units: a change as the engine hands it over. */
export function change(over: Partial<AlertChange> & { deviceName?: string; severity?: Severity } = {}): AlertChange {
  const severity = over.severity ?? 'warning';
  const state: State = severity === 'info' ? 'ok' : severity;
  const device = over.deviceName ?? 'esx-01';
  return {
    at: Date.UTC(2026, 11, 3, 8, 30),
    deviceId: device.replace(/[^A-Za-z0-9_-]/g, '_'),
    deviceName: device,
    group: 'vmware',
    checkId: 'cpu-high',
    severity,
    previous: severity === 'ok' ? 'critical' : 'ok',
    state,
    text:
      severity === 'ok'
        ? msg('state.ok-again', { device })
        : msg('state.changed', { device, state: state.toUpperCase(), detail: 'CPU 92 %' }),
    affected: [],
    kind: severity === 'ok' ? 'recovery' : 'problem',
    ...over,
  };
}

export function recordingLog(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, fields) => void lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => void lines.push({ level: 'error', message, fields }),
  };
}

import type { AlertChange } from '../../../src/shared/contract/alerting';
import type { Severity } from '../../../src/shared/contract/events';
import { msg } from '../../../src/shared/messages/message';
import type { Logger } from '../../../src/main/core/ports';
import { defaultSettings, parseSettingsDocument, type Settings } from '../../../src/main/core/settings/schema';
import type { SettingsStore } from '../../../src/main/core/settings/settings-store';

export class MemorySettings implements SettingsStore {
  readonly notices: readonly string[] = [];
  private current: Settings = defaultSettings();
  get(): Settings {
    return this.current;
  }
  update(change: (s: Settings) => Settings): Settings {
    const parsed = parseSettingsDocument(change(structuredClone(this.current)));
    if (!parsed.ok) throw new Error(parsed.reason);
    this.current = parsed.settings;
    return this.current;
  }
}

export type LogLine = { level: string; message: string; fields?: Record<string, unknown> };
export function recordingLog(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (message, fields) => void lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => void lines.push({ level: 'error', message, fields }),
  };
}

/** A device state change as the engine hands it to the notifier. */
export function stateChange(deviceName: string, severity: Exclude<Severity, 'info'>, at = Date.now()): AlertChange {
  return {
    at,
    deviceId: deviceName.replace(/[^A-Za-z0-9_-]/g, '_'),
    deviceName,
    group: 'vmware',
    checkId: 'reachability',
    severity,
    previous: severity === 'ok' ? 'critical' : 'ok',
    state: severity,
    text: severity === 'ok' ? msg('state.ok-again', { device: deviceName }) : msg('state.changed', { device: deviceName, state: severity.toUpperCase(), detail: 'no answer' }),
    affected: [],
    kind: severity === 'ok' ? 'recovery' : 'problem',
  };
}

/** Polls until `check` holds (a busy 2-core machine: generous deadline, never a fixed sleep). */
export async function until(check: () => boolean, what: string, deadlineMs = 30_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

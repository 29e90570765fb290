import type { AlertCheckStore } from '../events/alert-check-store';
import type { Logger } from '../ports';
import { CheckMemorySchema, DeviceMemorySchema, type CheckMemory, type DeviceMemory } from './check-memory';

/** The device row's check id in the store (a device's own memory beside its checks'). */
const DEVICE_ROW = '';

const keyOf = (deviceId: string, checkId: string): string => `${deviceId}|${checkId}`;

/** Equal but for the last value and time seen (what every poll changes). */
function sameMemory(a: CheckMemory, b: CheckMemory): boolean {
  return (
    a.state === b.state &&
    a.since === b.since &&
    a.pendingState === b.pendingState &&
    a.pendingSince === b.pendingSince &&
    a.lastNotifiedAt === b.lastNotifiedAt &&
    a.ack === b.ack &&
    a.silencedUntil === b.silencedUntil &&
    a.flapping === b.flapping &&
    a.flapWorst === b.flapWorst &&
    a.changes.length === b.changes.length &&
    a.changes.every(([at, st], i) => b.changes[i]?.[0] === at && b.changes[i]?.[1] === st)
  );
}

/**
 * Every check's and device's alerting memory, in memory and persisted in events.db: loaded once at start,
 * written in one transaction per flush, and only what changed (the last value seen alone is not a change).
 */
export class CheckMemoryBank {
  /** deviceId → checkId → memory: a poll lists its device's checks without walking every device's. */
  private readonly checks = new Map<string, Map<string, CheckMemory>>();
  private readonly devices = new Map<string, DeviceMemory>();
  private readonly dirty = new Set<string>();
  private readonly deleted: { deviceId: string; checkId: string }[] = [];

  constructor(
    private readonly store: AlertCheckStore | undefined,
    private readonly log: Logger,
  ) {
    for (const row of store?.all() ?? []) {
      try {
        const data: unknown = JSON.parse(row.data);
        if (row.checkId === DEVICE_ROW) {
          const d = DeviceMemorySchema.safeParse(data);
          if (d.success) this.devices.set(row.deviceId, d.data);
        } else {
          const m = CheckMemorySchema.safeParse(data);
          if (m.success) this.put(row.deviceId, row.checkId, m.data);
        }
      } catch {
        log.warn('alert check memory unreadable, starting over for it', { device: row.deviceId, check: row.checkId });
      }
    }
  }

  get(deviceId: string, checkId: string): CheckMemory | undefined {
    return this.checks.get(deviceId)?.get(checkId);
  }

  private put(deviceId: string, checkId: string, m: CheckMemory): void {
    let device = this.checks.get(deviceId);
    if (!device) this.checks.set(deviceId, (device = new Map<string, CheckMemory>()));
    device.set(checkId, m);
  }

  /** A deliberate change (acknowledged, silenced, notified): always written. */
  set(deviceId: string, checkId: string, m: CheckMemory): void {
    this.put(deviceId, checkId, m);
    this.dirty.add(keyOf(deviceId, checkId));
  }

  /** A poll's step: written when it changed more than the last value seen. */
  remember(deviceId: string, checkId: string, m: CheckMemory): void {
    const key = keyOf(deviceId, checkId);
    const before = this.get(deviceId, checkId);
    this.put(deviceId, checkId, m);
    // While a breach is pending the last time seen matters: after a restart, a gap longer than the duration
    // starts the wait over.
    if (!before || !sameMemory(before, m) || (m.pendingSince !== null && m.lastSeenAt !== before.lastSeenAt)) this.dirty.add(key);
  }

  device(deviceId: string): DeviceMemory | undefined {
    return this.devices.get(deviceId);
  }

  setDevice(deviceId: string, dm: DeviceMemory): void {
    const before = this.devices.get(deviceId);
    if (!before || before.notifiedState !== dm.notifiedState || before.problemNotified !== dm.problemNotified || before.muted !== dm.muted) {
      this.dirty.add(keyOf(deviceId, DEVICE_ROW));
    }
    this.devices.set(deviceId, dm);
  }

  /** The check ids a device has memory for. */
  checkIds(deviceId: string): string[] {
    return [...(this.checks.get(deviceId)?.keys() ?? [])];
  }

  drop(deviceId: string, checkId: string): void {
    const key = keyOf(deviceId, checkId);
    const device = this.checks.get(deviceId);
    device?.delete(checkId);
    if (device?.size === 0) this.checks.delete(deviceId);
    this.dirty.delete(key);
    this.deleted.push({ deviceId, checkId });
  }

  forget(deviceId: string): void {
    const prefix = `${deviceId}|`;
    this.checks.delete(deviceId);
    for (const k of [...this.dirty]) if (k.startsWith(prefix)) this.dirty.delete(k);
    this.devices.delete(deviceId);
    this.store?.deleteDevice(deviceId);
  }

  flush(): void {
    if (!this.store) {
      this.dirty.clear();
      this.deleted.length = 0;
      return;
    }
    const rows = [...this.dirty].map((key) => {
      const at = key.indexOf('|');
      const deviceId = key.slice(0, at);
      const checkId = key.slice(at + 1);
      const data = checkId === DEVICE_ROW ? this.devices.get(deviceId) : this.get(deviceId, checkId);
      return { deviceId, checkId, data: JSON.stringify(data ?? null) };
    });
    try {
      this.store.write(rows, this.deleted.splice(0));
      this.dirty.clear();
    } catch (error) {
      this.log.error('alert check memory not saved', { error: (error as Error).message });
    }
  }
}

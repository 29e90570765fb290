import { randomBytes } from 'node:crypto';
import {
  DeviceSecretSchema,
  type DeviceConfig,
  type DeviceInputParsed,
  type DeviceSecret,
} from '../../../shared/contract/devices';
import { VigieError } from '../../../shared/contract/envelope';
import { familyDescriptor } from '../../../shared/families';
import type { Clock, SecretStore } from '../ports';
import { declaredCycle } from '../alerting/topology';
import type { SettingsStore } from '../settings/settings-store';

export const secretRef = (deviceId: string): string => `device:${deviceId}`;

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return s || 'device';
}

function hasAny(secret: DeviceSecret | undefined): secret is DeviceSecret {
  return !!secret && Object.values(secret).some((v) => typeof v === 'string' && v.length > 0);
}

/**
 * The device inventory: settings hold each device's configuration with `hasSecret`; its credentials go to the
 * SecretStore under `device:<id>`. Every change is validated here (family known for the kind, parent exists,
 * names unique) so the IPC, HTTP and import paths all get the same rules and messages.
 */
export class DeviceRegistry {
  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
  ) {}

  /** Devices added inside `batch` and their secrets, written once when it ends. */
  private staged: { devices: DeviceConfig[]; secrets: [string, string][] } | null = null;

  list(): DeviceConfig[] {
    const stored = this.settings.get().devices;
    return this.staged ? [...stored, ...this.staged.devices] : stored;
  }

  /**
   * Adds made inside `fn` are validated one by one as usual but written together at the end: the secrets in
   * one write, then the settings in one. One write per row made a 1,000-row import take minutes (each
   * rewrote and re-validated the whole settings file and synced the secrets file). If `fn` throws, nothing
   * it added is kept.
   */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    if (this.staged) return fn();
    const staged: { devices: DeviceConfig[]; secrets: [string, string][] } = { devices: [], secrets: [] };
    this.staged = staged;
    let result: T;
    try {
      result = await fn();
    } finally {
      this.staged = null;
    }
    if (staged.secrets.length) await this.secrets.setMany(staged.secrets);
    if (staged.devices.length) this.settings.update((s) => ({ ...s, devices: [...s.devices, ...staged.devices] }));
    return result;
  }

  find(id: string): DeviceConfig | undefined {
    return this.list().find((d) => d.id === id);
  }

  get(id: string): DeviceConfig {
    const d = this.find(id);
    if (!d) throw new VigieError('not_found', `No device with id ${id}`);
    return d;
  }

  /** The checks shared by add, update and import; throws a VigieError naming the field. */
  validate(input: DeviceInputParsed, selfId?: string, pendingIds: ReadonlySet<string> = new Set()): void {
    const issue = (path: string, message: string): VigieError =>
      new VigieError('invalid_request', `${path}: ${message}`, [{ path, message }]);
    if (input.family !== 'auto') {
      const family = familyDescriptor(input.family);
      if (!family) throw issue('family', `unknown family "${input.family}"`);
      if (family.kind !== input.kind) throw issue('family', `family ${input.family} is polled over ${family.kind}, not ${input.kind}`);
    }
    if (input.kind === 'local' && this.list().some((d) => d.kind === 'local' && d.id !== selfId)) {
      throw issue('kind', 'there is already a "This computer" device');
    }
    if (input.parentId && input.parentId === selfId) throw issue('parentId', 'a device cannot depend on itself');
    if (input.parentId && !this.find(input.parentId) && !pendingIds.has(input.parentId)) {
      throw issue('parentId', 'parent device not found');
    }
    const loop = selfId ? declaredCycle(this.list(), selfId, input.parentId) : null;
    if (loop) {
      // Name the loop: the administrator has to see which declaration to undo.
      const name = (id: string): string => this.find(id)?.name ?? input.name;
      throw issue('parentId', `this would make a loop of dependencies: ${loop.map((id) => (id === selfId ? input.name : name(id))).join(' → ')}`);
    }
    const clash = this.list().find((d) => d.name.toLowerCase() === input.name.toLowerCase() && d.id !== selfId);
    if (clash) throw new VigieError('conflict', `A device named "${input.name}" already exists`, [{ path: 'name', message: 'already used' }]);
  }

  private async requireSecrets(): Promise<void> {
    const status = await this.secrets.status();
    if (!status.available) {
      throw new VigieError('unavailable', `Credentials cannot be stored: ${status.message ?? 'no secret store'}`);
    }
  }

  async add(input: DeviceInputParsed): Promise<DeviceConfig> {
    this.validate(input);
    const { secret, ...fields } = input;
    let id = slug(fields.name);
    if (this.find(id)) id = `${id}-${randomBytes(3).toString('hex')}`;
    const staged = this.staged;
    if (hasAny(secret)) {
      await this.requireSecrets();
      const value = JSON.stringify(DeviceSecretSchema.parse(secret));
      if (staged) staged.secrets.push([secretRef(id), value]);
      else await this.secrets.set(secretRef(id), value);
    }
    const device: DeviceConfig = {
      ...fields,
      id,
      hasSecret: hasAny(secret),
      detectedFamily: null,
      createdAt: this.clock.now(),
    };
    if (staged) staged.devices.push(device);
    else this.settings.update((s) => ({ ...s, devices: [...s.devices, device] }));
    return device;
  }

  /** An empty secret keeps the stored one (forms never see it); a given one replaces it whole. */
  async update(id: string, input: DeviceInputParsed): Promise<DeviceConfig> {
    const current = this.get(id);
    this.validate(input, id);
    const { secret, ...fields } = input;
    let hasSecret = current.hasSecret;
    if (hasAny(secret)) {
      await this.requireSecrets();
      await this.secrets.set(secretRef(id), JSON.stringify(DeviceSecretSchema.parse(secret)));
      hasSecret = true;
    }
    const identityChanged = fields.host !== current.host || fields.kind !== current.kind || fields.family !== current.family;
    const next: DeviceConfig = {
      ...current,
      ...fields,
      hasSecret,
      detectedFamily: identityChanged ? null : current.detectedFamily,
    };
    this.settings.update((s) => ({ ...s, devices: s.devices.map((d) => (d.id === id ? next : d)) }));
    return next;
  }

  async remove(id: string): Promise<boolean> {
    const current = this.find(id);
    if (!current) return false;
    this.settings.update((s) => ({
      ...s,
      devices: s.devices
        .filter((d) => d.id !== id)
        .map((d) => (d.parentId === id ? { ...d, parentId: null } : d)),
    }));
    if (current.hasSecret) {
      try {
        await this.secrets.delete(secretRef(id));
      } catch {
        // The device is gone either way; a keychain that is locked now keeps an orphan entry, harmless.
      }
    }
    return true;
  }

  async secret(id: string): Promise<DeviceSecret | null> {
    const device = this.find(id);
    if (!device?.hasSecret) return null;
    const raw = await this.secrets.get(secretRef(id));
    if (!raw) return null;
    try {
      return DeviceSecretSchema.parse(JSON.parse(raw));
    } catch {
      throw new VigieError('internal', `The stored credentials of ${device.name} are unreadable: enter them again`);
    }
  }

  setDetectedFamily(id: string, family: string): void {
    const current = this.find(id);
    if (!current || current.detectedFamily === family) return;
    this.settings.update((s) => ({
      ...s,
      devices: s.devices.map((d) => (d.id === id ? { ...d, detectedFamily: family } : d)),
    }));
  }
}

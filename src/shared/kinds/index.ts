import type { z } from 'zod';
import { httpKind } from './http';
import type { KindDefinition } from './kind-definition';
import { ldapKind } from './ldap';
import { localKind } from './local';
import { mysqlKind } from './mysql';
import { postgresKind } from './postgres';
import { snmpKind } from './snmp';
import { vsphereKind } from './vsphere';

/**
 * Every kind of device (protocol) this build knows, one definition each. Adding a kind: write its file
 * here, list it below, write its Source in src/main/core/pollers/<kind>/ and list that in
 * src/main/core/default-catalog.ts. Recipe: docs/adding-a-kind.md.
 */
export const KIND_DEFINITIONS = [localKind, snmpKind, vsphereKind, httpKind, postgresKind, mysqlKind, ldapKind] as const;

type Defs = (typeof KIND_DEFINITIONS)[number];
export type DeviceKind = Defs['kind'];
export const DEVICE_KINDS = KIND_DEFINITIONS.map((d) => d.kind) as [DeviceKind, ...DeviceKind[]];

type WithSettings = Extract<Defs, { settings: z.ZodType }>;
export type SettingsKind = WithSettings['kind'];
/**
 * The first kinds' settings were always written (null on other kinds), so their fields stay present;
 * later kinds' fields are optional, so code that builds a device never lists the kinds it is not.
 */
type AlwaysPresent = 'snmp' | 'vsphere' | 'http';
/** `device.snmp`, `device.postgres`...: each kind's settings object, null or absent on other kinds. */
export type KindSettingsFields = {
  [D in WithSettings as D['kind']]: D['kind'] extends AlwaysPresent
    ? z.ZodDefault<z.ZodNullable<D['settings']>>
    : z.ZodOptional<z.ZodNullable<D['settings']>>;
};
const ALWAYS_PRESENT: ReadonlySet<string> = new Set<AlwaysPresent>(['snmp', 'vsphere', 'http']);

export function kindSettingsFields(): KindSettingsFields {
  const out: Record<string, z.ZodType> = {};
  for (const d of KIND_DEFINITIONS) {
    const schema: z.ZodType | null = d.settings;
    if (schema) out[d.kind] = ALWAYS_PRESENT.has(d.kind) ? schema.nullable().default(null) : schema.nullable().optional();
  }
  return out as KindSettingsFields;
}

const byKind = new Map<string, KindDefinition>(KIND_DEFINITIONS.map((d) => [d.kind, d as unknown as KindDefinition]));

/** The definition of a kind, with its settings typed loosely (for code that handles every kind alike). */
export function kindDefinition(kind: DeviceKind): KindDefinition {
  const d = byKind.get(kind);
  if (!d) throw new Error(`unknown kind ${kind}`);
  return d;
}

export const ADDABLE_KINDS: readonly DeviceKind[] = KIND_DEFINITIONS.filter((d) => d.addable).map((d) => d.kind);

/** The settings object of a device's own kind (null for kinds without settings). */
export function ownSettings(device: Partial<Record<string, unknown>> & { kind: DeviceKind }): unknown {
  return device[device.kind] ?? null;
}

export type { KindDefinition, KindField, SecretField, CsvCells } from './kind-definition';

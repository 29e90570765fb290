import type { FieldSpec } from '../../../../shared/families/descriptor';
import { label } from '../../../../shared/families/descriptor';
import { snmpSystemFields } from '../../../../shared/families/generic-snmp';
import { familyDescriptor } from '../../../../shared/families/index';

/** What every SNMP Test reads besides the family's own identity: sysUpTime comes in seconds. */
const COMMON: FieldSpec[] = [
  ...snmpSystemFields,
  { key: 'sysUpTime', label: label('Uptime', 'Durée de fonctionnement'), format: 'duration' },
];

/**
 * How to show a key of a Test result's identity: the detected family's descriptor says (label, format,
 * unit), as on the device page; a key no descriptor knows keeps its name.
 */
export function identityField(family: string | null | undefined, key: string): FieldSpec {
  const descriptor = family ? familyDescriptor(family) : undefined;
  const own = descriptor?.sections.flatMap((s) => (s.kind === 'identity' ? s.fields : [])) ?? [];
  return [...own, ...COMMON].find((f) => f.key === key) ?? { key, label: label(key, key) };
}

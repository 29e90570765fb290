import { FAMILY_GROUPS } from '../../../shared/families/descriptor';

export interface DeviceGroup {
  group: string;
  ids: string[];
}

/**
 * Splits ids (already sorted by name) into the family groups, in the spec's order; groups the renderer does
 * not know yet come last, in alphabetical order, so a new group shows up without a renderer change.
 */
export function groupDevices(
  ids: readonly string[],
  groupOf: (id: string) => string | undefined,
): DeviceGroup[] {
  const byGroup = new Map<string, string[]>();
  for (const id of ids) {
    const g = groupOf(id) ?? 'other';
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(id);
  }
  const known: readonly string[] = FAMILY_GROUPS;
  const order = [...known, ...[...byGroup.keys()].filter((g) => !known.includes(g)).sort()];
  return order.flatMap((group) => {
    const list = byGroup.get(group);
    return list ? [{ group, ids: list }] : [];
  });
}

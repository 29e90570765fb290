import type { FamilyDescriptor } from './descriptor';
import { thisComputer } from './this-computer';

/**
 * Every family the renderer can draw. One line per family: import its descriptor file and list it here.
 * The core pairs each descriptor with its poller and default rules (src/main/core/families.ts).
 */
export const FAMILY_DESCRIPTORS: readonly FamilyDescriptor[] = [
  thisComputer,
];

const byId = new Map(FAMILY_DESCRIPTORS.map((d) => [d.id, d]));

export function familyDescriptor(id: string): FamilyDescriptor | undefined {
  return byId.get(id);
}

export * from './descriptor';

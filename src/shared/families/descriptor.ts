import type { DeviceKind } from '../kinds/index';
import type { Unit } from '../units';

/**
 * What a device family shows: its tile figure and the sections of its page. Pure data shared by the core
 * (which fills metrics and tables) and the renderer (which draws them), so that adding a family is adding
 * a descriptor here and a poller in src/main/core/pollers/. Labels carry both languages so that a family
 * is self-contained; the UI chrome itself is translated with i18next.
 */
export interface Label {
  en: string;
  fr: string;
}

export const FAMILY_GROUPS = [
  'workstation',
  'switches',
  'ups',
  'storage',
  'wireless',
  'security',
  'environment',
  'servers',
  'vmware',
  'services',
] as const;
export type FamilyGroup = (typeof FAMILY_GROUPS)[number];

/** How a cell or identity field is shown. 'state' expects one of ok/warning/critical/unknown. */
export type ValueFormat = 'text' | 'number' | 'state' | 'boolean' | 'date' | 'duration';

export interface FieldSpec {
  key: string;
  label: Label;
  unit?: Unit;
  /** The unit it is shown in when the data's unit differs from the chart of the same quantity (bytes/s
   *  shown as bits/s); the renderer converts. */
  shownIn?: Unit;
  format?: ValueFormat;
}

export interface ColumnSpec extends FieldSpec {
  /** Hidden in narrow layouts first. */
  secondary?: boolean;
}

export interface IdentitySection {
  kind: 'identity';
  title: Label;
  fields: FieldSpec[];
}

export interface StatsSection {
  kind: 'stats';
  title: Label;
  items: { metric: string; instance?: string; label: Label; unit: Unit }[];
}

export interface ChartSection {
  kind: 'chart';
  title: Label;
  unit: Unit;
  /** As FieldSpec.shownIn: the unit the chart is drawn in when the stored one differs. */
  shownIn?: Unit;
  /** instance '*' draws one line per instance found in the store. */
  series: { metric: string; instance?: string; label?: Label }[];
}

export interface TableSection {
  kind: 'table';
  title: Label;
  table: string;
  columns: ColumnSpec[];
  sortBy?: string;
  sortDesc?: boolean;
  filterable?: boolean;
  /** Column holding a state; its colour marks the row. */
  stateColumn?: string;
}

export type Section = IdentitySection | StatsSection | ChartSection | TableSection;

export type TileSpec =
  | { source: 'metric'; metric: string; instance?: string; label: Label; unit: Unit }
  | { source: 'identity'; key: string; label: Label };

export interface FamilyDescriptor {
  id: string;
  group: FamilyGroup;
  name: Label;
  /** The protocol its poller speaks; the devices form offers the matching settings. */
  kind: DeviceKind;
  tile: TileSpec | null;
  sections: Section[];
}

export function label(en: string, fr: string): Label {
  return { en, fr };
}

import { label } from '../families/descriptor';
import { defineKind } from './kind-definition';

/** The computer Vigie runs on: created by the app itself, never added, imported or exported. */
export const localKind = defineKind({
  kind: 'local',
  label: label('Built in', 'Intégré'),
  addable: false,
  settings: null,
  defaultPort: null,
  defaultFamily: 'this-computer',
  group: 'workstation',
  secretFields: [],
  requiredSecrets: () => [],
  csv: { columns: [], secretColumns: [], read: () => ({ settings: null, secret: {} }), write: () => ({}) },
});

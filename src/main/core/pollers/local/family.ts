import { thisComputer } from '../../../../shared/families/this-computer';
import type { FamilyModule } from '../source';

export const thisComputerFamily: FamilyModule = {
  descriptor: thisComputer,
  rules: [
    { id: 'cpu', label: 'CPU', labelCode: 'rule.cpu', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 },
    { id: 'memory', label: 'Memory available', labelCode: 'rule.memory', metric: 'memory.available.percent', op: '<', warning: 10, critical: 5 },
    { id: 'filesystem', label: 'Filesystem used', labelCode: 'rule.filesystem', metric: 'fs.used.percent', op: '>', warning: 85, critical: 95 },
    { id: 'load', label: 'Load (15 min) per CPU', labelCode: 'rule.load', metric: 'load.15.per.core', op: '>', warning: 2, forSeconds: 600 },
  ],
};

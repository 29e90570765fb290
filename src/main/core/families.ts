import type { FamilyDescriptor } from '../../shared/families/descriptor';
import type { Rule } from './alerting/rule';
import type { FamilyModule, Source } from './pollers/source';

/** Family modules by id and sources by kind: what the monitor needs to poll, judge and show a device. */
export class Catalog {
  private readonly families = new Map<string, FamilyModule>();

  constructor(
    modules: readonly FamilyModule[],
    private readonly sources: Partial<Record<Source['kind'], Source>>,
  ) {
    for (const m of modules) this.families.set(m.descriptor.id, m);
  }

  descriptor(id: string): FamilyDescriptor | undefined {
    return this.families.get(id)?.descriptor;
  }

  /** Every family id, for the rules listed when no family is asked. */
  familyIds(): string[] {
    return [...this.families.keys()];
  }

  rules(id: string): readonly Rule[] {
    return this.families.get(id)?.rules ?? [];
  }

  source(kind: Source['kind']): Source | undefined {
    return this.sources[kind];
  }
}

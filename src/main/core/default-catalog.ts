import { thisComputerFamily } from './pollers/local/family';
import { thisComputerSource } from './pollers/local/this-computer-source';
import type { FamilyModule, Source } from './pollers/source';

/** Every family and source this build ships. Adding a family module means listing it in its source's index. */
export const DEFAULT_FAMILIES: readonly FamilyModule[] = [thisComputerFamily];

export const DEFAULT_SOURCES: Partial<Record<Source['kind'], Source>> = {
  local: thisComputerSource,
};

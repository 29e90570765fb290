import type { FamilyModule } from '../source';
import { sensorEm01 } from './em01-family';

/** Families polled over plain HTTP, for the registry; their Source is em01Source (kind 'http'). */
export const HTTP_FAMILIES: readonly FamilyModule[] = [sensorEm01];

export { em01Source } from './em01-source';

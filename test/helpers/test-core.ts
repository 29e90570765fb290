import Conf from 'conf';
import type { EventPayload } from '../../src/shared/contract/api';
import type { EventName } from '../../src/shared/contract/channels';
import { createCore, type Core } from '../../src/main/core/create-core';
import { DEFAULT_FAMILIES } from '../../src/main/core/default-catalog';
import { silentLogger } from '../../src/main/core/log/file-logger';
import type { Source } from '../../src/main/core/pollers/source';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { ConfSettingsStore } from '../../src/main/core/settings/conf-settings-store';
import type { SecretStore } from '../../src/main/core/ports';

export interface TestCore {
  core: Core;
  /** A contract call; an error envelope throws with its code and message. */
  call: <T>(channel: string, payload?: unknown) => Promise<T>;
  emitted: { event: EventName; payload: unknown }[];
}

/**
 * A headless core on a data folder with an SNMP source played by the test, a clock the test moves and no
 * own-network guard (single devices under test). Reopening the same folder is how restarts are tested.
 */
export function openTestCore(o: { dir: string; clock: { now: number }; source: Source; secrets?: SecretStore }): TestCore {
  const emitted: TestCore['emitted'] = [];
  const core = createCore({
    paths: { dataDir: o.dir },
    settings: new ConfSettingsStore(new Conf<Record<string, unknown>>({ cwd: o.dir, configName: 'settings', projectName: 'vigie' })),
    secrets: o.secrets ?? new MemorySecretStore(),
    clock: { now: () => o.clock.now },
    sink: { emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void emitted.push({ event, payload }) },
    notifier: { notify: () => undefined },
    log: silentLogger,
    mode: 'web',
    version: 'test',
    families: DEFAULT_FAMILIES,
    sources: { snmp: o.source },
    validateResponses: true,
    guard: false,
  });
  const call = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const env = await core.dispatch(channel, payload);
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
    return env.result as T;
  };
  return { core, call, emitted };
}

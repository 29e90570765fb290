import { test } from '@playwright/test';

const IN_CI = ((v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false')(process.env.CI);

/**
 * Skips the running test when a peer is missing, saying why; under CI fails it instead, since a missing
 * peer there is a broken install step. (The Electron binary is the one exception: see electron.spec.ts.)
 */
export function requirePeer(name: string, whyMissing: string | null): void {
  if (whyMissing === null) return;
  if (IN_CI) throw new Error(`${name} is missing: ${whyMissing}. CI must install it (.ci/run).`);
  test.skip(true, `${name} missing: ${whyMissing}`);
}

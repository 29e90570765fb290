import { it } from 'vitest';

/** CI=true (and not "false"/"0"), as CI sets it: there a missing peer is a broken install, not a choice. */
export const IN_CI = ((v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false')(process.env.CI);

/**
 * For `describe.skipIf(...)`: whether to skip the suite because a peer (agent, simulator, tool, browser) is
 * missing. On a developer's machine a missing peer skips, saying why in the test list; under CI it adds a
 * failing test that names the peer and the reason, so a broken install step cannot turn the run green with
 * nothing tested.
 */
export function missingPeer(name: string, whyMissing: string | null): boolean {
  if (whyMissing === null) return false;
  if (IN_CI) {
    it(`peer ${name} is available (required under CI)`, () => {
      throw new Error(`${name} is missing: ${whyMissing}. CI must install it (.ci/run).`);
    });
  } else {
    it.skip(`peer ${name} missing, suite skipped: ${whyMissing}`, () => undefined);
  }
  return true;
}

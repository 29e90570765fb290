import { defineConfig } from 'vitest/config';

// Two projects: unit tests beside the code (fast, no peers), integration tests against real peers
// (snmpd, snmpsim, the vCenter simulator, the keyring) in test/integration. Playwright specs (e2e/) are
// not vitest's: the include lists keep them out.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Peers are started per file on their own ports; two cores do not gain from more parallel files.
          maxWorkers: 2,
          // Run after the unit project when both are asked for in one command (different worker pools).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

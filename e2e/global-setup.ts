import { execFileSync } from 'node:child_process';
import { REPO } from './support/paths';

/** Builds main, preload and renderer once: `serve` and the fake specs both use out/. */
export default function globalSetup(): void {
  if (process.env.VIGIE_E2E_NO_BUILD === '1') return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
}

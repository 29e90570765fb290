/**
 * The desktop app itself through Playwright's Electron driver: same path as the console spec. Runs only
 * where an Electron binary is installed (never in CI here: ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures';
import { chartInk } from './support/chart-ink';
import { look } from './support/look';
import { REPO } from './support/paths';

function electronBinary(): { path: string | null; why: string } {
  const pathTxt = join(REPO, 'node_modules/electron/path.txt');
  if (!existsSync(pathTxt))
    return {
      path: null,
      why: 'node_modules/electron/path.txt is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
    };
  const bin = join(REPO, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(bin)) return { path: null, why: `the Electron binary ${bin} is not installed` };
  return { path: bin, why: '' };
}

test('desktop app: This computer tile, its page with a chart, French and back', async () => {
  const bin = electronBinary();
  if (!bin.path) console.log(`electron.spec skipped: ${bin.why}`);
  test.skip(!bin.path, bin.why);
  if (!bin.path) return;
  const userData = mkdtempSync(join(tmpdir(), 'vigie-electron-'));
  const app = await electron.launch({
    executablePath: bin.path,
    args: [REPO, `--user-data-dir=${userData}`],
    env: { ...process.env, VIGIE_DATA: userData },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    const tile = page.getByTestId('group-workstation').locator('a[data-testid^="tile-"]').first();
    const figure = tile.getByTestId('key-figure');
    await expect(figure).toHaveText(/\d/, { timeout: 30_000 });
    const first = await figure.textContent();
    await expect.poll(() => figure.textContent(), { timeout: 45_000 }).not.toBe(first);
    await tile.click();
    const chart = page.getByTestId('chart').first();
    await expect.poll(() => chartInk(chart), { timeout: 45_000 }).toBeGreaterThan(20);
    await look(page, 'electron-this-computer');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await expect(page.getByRole('button', { name: 'Interroger maintenant' })).toBeVisible();
    await page.getByRole('button', { name: 'Langue' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Poll now' })).toBeVisible();
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});

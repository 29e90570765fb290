import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS } from './paths';

/**
 * Saves a full-page screenshot under e2e/screenshots/ to be looked at: layout, overflow, themes and
 * languages are judged by eye, not asserted pixel by pixel.
 */
export async function look(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

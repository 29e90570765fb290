import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfRenderer } from './core/report/render/pdf';

/**
 * The shell prints reports with its own Chromium: a hidden window with scripts off, the report loaded from
 * a private temporary file (a large report passes Chromium's 2 MB URL limit as a data URL), `printToPDF`,
 * window and file removed. Kept thin: it cannot run in the tests here.
 */
export function electronPdf(): PdfRenderer {
  return {
    async render(html) {
      const dir = await mkdtemp(join(tmpdir(), 'vigie-pdf-'));
      const file = join(dir, 'report.html');
      const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true } });
      try {
        await writeFile(file, html, { mode: 0o600 });
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          margins: { top: 0.47, bottom: 0.47, left: 0.39, right: 0.39 },
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * HTML → PDF. The Electron shell prints with its own Chromium (`webContents.printToPDF`); `serve` and the
 * CLI drive the system's Chromium with playwright-core. Both print the same self-contained report HTML.
 */
export interface PdfRenderer {
  render(html: string, signal?: AbortSignal): Promise<Uint8Array>;
}

/** No browser to print with: the message says which paths were tried and how to name one. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
}

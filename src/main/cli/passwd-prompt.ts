/** The parts of process.stdin the prompt uses, so tests can feed it a stream. */
export interface PromptInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

/**
 * Reads one line without echoing it: the terminal goes to raw mode and nothing typed is written back (not
 * even asterisks, which would give away the length). Backspace edits, Ctrl-C and Ctrl-D cancel.
 */
export function promptHidden(
  question: string,
  input: PromptInput,
  output: NodeJS.WritableStream,
): Promise<string> {
  // Raw mode before the question: a terminal echoes whatever arrives while it is still in cooked mode, so
  // a password typed or pasted right after the prompt appeared would be shown.
  const raw = input.isTTY === true && typeof input.setRawMode === 'function';
  if (raw) input.setRawMode?.(true);
  output.write(question);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error: Error | null): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      if (raw) input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onEnd = (): void => done(value ? null : new PromptCancelled('No password given'));
    // Arrow and function keys arrive as escape sequences (ESC [ digits letter): not part of a password.
    let escape: 'none' | 'esc' | 'csi' = 'none';
    const onData = (chunk: string | Buffer): void => {
      for (const ch of String(chunk)) {
        if (escape === 'esc') {
          escape = ch === '[' ? 'csi' : 'none';
          continue;
        }
        if (escape === 'csi') {
          if (!/[0-9;]/.test(ch)) escape = 'none';
          continue;
        }
        if (ch === '\u001b') {
          escape = 'esc';
          continue;
        }
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003' || (ch === '\u0004' && value === ''))
          return done(new PromptCancelled('Cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
    input.on('end', onEnd);
  });
}

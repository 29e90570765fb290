import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptHidden } from './passwd-prompt';

function run(keys: string[]): { result: Promise<string>; echoed: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let echoed = '';
  output.on('data', (d: Buffer) => (echoed += d.toString()));
  const result = promptHidden('Password: ', input, output);
  for (const k of keys) input.write(k);
  return { result, echoed: () => echoed };
}

describe('promptHidden', () => {
  it('returns the line typed and echoes nothing of it', async () => {
    const p = run(['corr', 'ect horse', '\r']);
    expect(await p.result).toBe('correct horse');
    expect(p.echoed()).toBe('Password: \n');
  });

  it('applies backspace and ignores control characters', async () => {
    const p = run(['abcX\u007f\u001b[D\u0007d\n']);
    expect(await p.result).toBe('abcd');
  });

  it('cancels on Ctrl-C', async () => {
    await expect(run(['abc\u0003']).result).rejects.toThrow('Cancelled');
  });

  it('switches a terminal to raw mode before writing the question, so nothing typed after it is echoed', async () => {
    const steps: string[] = [];
    const input = Object.assign(new PassThrough(), {
      isTTY: true,
      setRawMode(mode: boolean) {
        steps.push(`raw:${mode}`);
        return this;
      },
    });
    const output = new PassThrough();
    output.on('data', (d: Buffer) => steps.push(`write:${d.toString()}`));
    const result = promptHidden('Password: ', input, output);
    input.write('secret\r');
    expect(await result).toBe('secret');
    expect(steps).toEqual(['raw:true', 'write:Password: ', 'raw:false', 'write:\n']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTargets } from './alerting-settings-section';

describe('parseTargets', () => {
  it('keeps one trimmed target per non-blank line, CRLF or LF', () => {
    expect(parseTargets(' 10.0.0.1 \r\n\r\ngw:53\n  \n')).toEqual(['10.0.0.1', 'gw:53']);
    expect(parseTargets('')).toEqual([]);
  });
});

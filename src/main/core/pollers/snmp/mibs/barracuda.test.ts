import { describe, expect, it } from 'vitest';
import { parseBarracudaMail } from './barracuda';
import { str, vb } from './test-varbinds';

describe('Barracuda mail statistics', () => {
  it('accepts leaves with and without ".0" and numeric strings', () => {
    const m = parseBarracudaMail([
      vb('1.3.6.1.4.1.20632.2.2', 'integer', 85),
      vb('1.3.6.1.4.1.20632.2.3.0', 'integer', 12),
      { ...str('104'), oid: '1.3.6.1.4.1.20632.2.4' },
      vb('1.3.6.1.4.1.20632.2.5', 'integer', 47),
      vb('1.3.6.1.4.1.20632.2.13', 'gauge32', 35),
      vb('1.3.6.1.4.1.20632.2.60', 'counter32', 18734),
      vb('1.3.6.1.4.1.20632.2.7.1.2', 'integer', 999),
    ]);
    expect(m).toEqual({ inboundQueue: 85, outboundQueue: 12, deferredQueue: 104, latencySeconds: 47, cpuPercent: 35, sentToday: 18734 });
  });

  it('says nothing when the enterprise subtree is empty', () => {
    expect(parseBarracudaMail([vb('1.3.6.1.4.1.2021.4.5.0', 'integer', 1)])).toBeNull();
  });
});

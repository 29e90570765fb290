import { describe, expect, it } from 'vitest';
import { macFromIndex } from './airport';

describe('AirPort client index', () => {
  it('decodes the length-prefixed MAC string index', () => {
    expect(macFromIndex('17.48.52.58.48.67.58.67.69.58.69.51.58.70.51.58.51.56')).toBe('04:0C:CE:E3:F3:38');
  });

  it('rejects indexes that are not a length-prefixed printable string', () => {
    expect(macFromIndex('3.1.2')).toBeNull();
    expect(macFromIndex('2.65.0')).toBeNull();
    expect(macFromIndex('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseEm01 } from './em01-parse';

describe('EM01 reading page', () => {
  it('reads °F, humidity and illumination from the body', () => {
    const r = parseEm01('<html><head><title>EM01b</title></head><body>Server Room|TF: 71.6|HU:38.2%|IL 145.0</body></html>');
    expect(r?.unit).toBe('F');
    expect(r?.temperature).toBeCloseTo(22, 2);
    expect(r?.humidity).toBe(38.2);
    expect(r?.illumination).toBe(145);
    expect(r?.rejected).toEqual([]);
  });

  it('reads °C, leading dots, tags around values and "IL:" with a colon', () => {
    const r = parseEm01('<BODY><b>TC:</b> 21.5 <br>HU: .5 <br>IL: 0.8</BODY>');
    expect(r).toEqual({ temperature: 21.5, unit: 'C', humidity: 0.5, illumination: 0.8, rejected: [] });
  });

  it('accepts a page without <body> and negative temperatures', () => {
    expect(parseEm01('TC: -4.5 HU: 81')).toMatchObject({ temperature: -4.5, humidity: 81, illumination: null });
  });

  it('rejects impossible values instead of storing them', () => {
    const r = parseEm01('<body>TF: -999 HU: 180 IL 12</body>');
    expect(r).toMatchObject({ temperature: null, humidity: null, illumination: 12 });
    expect(r?.rejected).toEqual(['temperature -999 °F', 'humidity 180 %']);
  });

  it('returns null for pages that are not an EM01 reading', () => {
    expect(parseEm01('<html><body><h1>It works!</h1></body></html>')).toBeNull();
    expect(parseEm01('')).toBeNull();
    expect(parseEm01('UTC: 12 THU: 4')).toBeNull();
  });
});

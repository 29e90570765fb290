import { describe, expect, it } from 'vitest';
import { alarmState, parseEmsContacts, parseEmsProbes } from './powernet-ems';
import { int, str, table } from './test-varbinds';

describe('APC EMS probes and contacts', () => {
  it('decodes the probe alarm bitmap', () => {
    expect(alarmState(0)).toEqual({ state: 'ok', text: 'normal' });
    expect(alarmState(0x0002)).toEqual({ state: 'warning', text: 'high temperature exceeded' });
    expect(alarmState(0x0001 | 0x0400)).toEqual({ state: 'critical', text: 'maximum temperature exceeded, low humidity exceeded' });
  });

  it('converts °F readings and thresholds, ignores -1 humidity and never-discovered slots (EMU2 recording values)', () => {
    const probes = parseEmsProbes(
      table({
        '1': { 2: str('Loc Env Probe 1'), 3: int(81), 4: int(85), 5: int(33), 6: int(-1), 10: int(2), 11: int(0), 12: int(140), 13: int(32) },
        '2': { 2: str('Loc Env Probe 2'), 3: int(75), 4: int(80), 5: int(33), 6: int(33), 10: int(2), 11: int(0) },
        '3': { 2: str('Rem Env Probe 1'), 3: int(0), 6: int(-1), 10: int(1) },
        '4': { 2: str('Rem Env Probe 2'), 3: int(0), 6: int(-1), 10: int(3) },
      }),
      'fahrenheit',
    );
    expect(probes.map((p) => p.name)).toEqual(['Loc Env Probe 1', 'Loc Env Probe 2', 'Rem Env Probe 2']);
    expect(probes[0]?.temperature).toBeCloseTo(27.22, 2);
    expect(probes[0]?.humidity).toBeNull();
    expect(probes[0]?.highWarning).toBeCloseTo(29.44, 2);
    expect(probes[0]?.highCritical).toBe(60);
    expect(probes[1]?.humidity).toBe(33);
    expect(probes[2]).toMatchObject({ state: 'unknown', temperature: null, statusText: 'communication lost' });
  });

  it('keeps °C readings as they are', () => {
    const [p] = parseEmsProbes(table({ '1': { 2: str('Rack'), 3: int(36), 6: int(15), 10: int(2), 11: int(1027) } }), 'celsius');
    expect(p).toMatchObject({ temperature: 36, humidity: 15, state: 'critical' });
  });

  it('raises a contact not in its normal position', () => {
    const contacts = parseEmsContacts(
      table({ '1': { 2: str('Door'), 3: int(2), 4: int(1) }, '2': { 2: str('Leak'), 3: int(2), 4: int(2) }, '3': { 2: str('Odd'), 3: int(7), 4: int(1) } }),
    );
    expect(contacts).toEqual([
      { name: 'Door', closed: false, alarm: true, statusText: 'open (normally closed)' },
      { name: 'Leak', closed: false, alarm: false, statusText: 'open' },
      { name: 'Odd', closed: null, alarm: null, statusText: null },
    ]);
  });
});

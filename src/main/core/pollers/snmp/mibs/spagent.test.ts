import { describe, expect, it } from 'vitest';
import { akcpDegree, parseAkcpContacts, parseAkcpHumidity, parseAkcpTemperatures, statusState } from './spagent';
import { sensorAkcpDescriptor } from '../../../../../shared/families/sensor-akcp';
import { MetricList } from '../../metric-list';
import { sensorFigures } from './sensor-readings';
import { int, str, table } from './test-varbinds';

describe('AKCP sensorProbe', () => {
  it('ignores offline rows, whatever stale raw values they carry (the sensorProbe8 recording trap)', () => {
    const humidity = parseAkcpHumidity(
      table({
        '0': { 1: str('Custom Descr 1'), 3: int(42), 4: int(2), 5: int(1) },
        '1': { 1: str('Humidity2 Description'), 3: int(0), 4: int(0), 5: int(2), 13: int(830) },
      }),
    );
    expect(humidity).toHaveLength(1);
    expect(humidity[0]).toMatchObject({ name: 'Custom Descr 1', humidity: 42, state: 'ok', statusText: 'normal' });
  });

  it('reads tenths when they agree with the integer degree, and converts Fahrenheit probes', () => {
    expect(akcpDegree(20, 199)).toBe(19.9);
    expect(akcpDegree(20, 0)).toBe(20);
    expect(akcpDegree(null, 221)).toBe(22.1);
    const temps = parseAkcpTemperatures(
      table({
        '0': { 1: str('Temp.Sensor Carrier'), 3: int(20), 4: int(2), 5: int(1), 7: int(28), 12: int(1), 14: int(199) },
        '1': { 1: str('Freezer'), 3: int(5), 4: int(6), 5: int(1), 7: int(14), 12: int(0) },
        '2': { 1: str('Offline'), 3: int(0), 5: int(2), 12: int(0) },
      }),
    );
    expect(temps).toHaveLength(2);
    expect(temps[0]).toMatchObject({ temperature: 19.9, highWarning: 28 });
    expect(temps[1]?.temperature).toBeCloseTo(-15, 2);
    expect(temps[1]?.highWarning).toBeCloseTo(-10, 2);
    expect(temps[1]).toMatchObject({ state: 'critical', statusText: 'lowCritical' });
  });

  it('maps sensor statuses and dry-contact alarms', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(statusState)).toEqual([null, 'ok', 'warning', 'critical', 'warning', 'critical', 'unknown']);
    const contacts = parseAkcpContacts(
      table({ '1': { 1: str('USV Carrier Stoerung'), 3: int(2), 4: int(1) }, '2': { 1: str('Door'), 3: int(4), 4: int(1) }, '3': { 1: str('x'), 3: int(4), 4: int(2) } }),
    );
    expect(contacts.map((c) => [c.name, c.alarm])).toEqual([
      ['USV Carrier Stoerung', false],
      ['Door', true],
    ]);
  });
});

describe('AKCP humidity thresholds (issue 17 item 10)', () => {
  it('reach the probes table under percent columns, never under a °C column', () => {
    const probes = parseAkcpHumidity(
      table({ '0': { 1: str('Room humidity'), 3: int(41), 4: int(2), 5: int(1), 7: int(70), 8: int(80), 9: int(25), 10: int(15) } }),
    );
    const rows = sensorFigures(probes, [], new MetricList()).probes;
    const section = sensorAkcpDescriptor.sections.find((s) => s.kind === 'table' && s.table === 'probes');
    if (section?.kind !== 'table') throw new Error('no probes table');
    const shown = (unit: string): Record<string, unknown> =>
      Object.fromEntries(section.columns.filter((c) => c.unit === unit).map((c) => [c.key, rows[0]?.[c.key]]));
    expect(Object.values(shown('celsius')).every((v) => v === null)).toBe(true);
    expect(shown('percent')).toEqual({ humidity: 41, humidityHighWarning: 70, humidityHighCritical: 80 });
  });
});

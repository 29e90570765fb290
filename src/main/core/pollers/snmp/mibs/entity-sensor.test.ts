import { describe, expect, it } from 'vitest';
import { decodeEntitySensors, sensorReading } from './entity-sensor';
import { int, str, table } from './test-varbinds';

/**
 * Rows shaped as ESXi's agent answers entPhySensorTable joined with entPhysicalTable. No public walk of an
 * ESXi host with these rows was found, so they are built from RFC 3433 / RFC 4133: type, scale (units = 9),
 * precision (decimal places), value, operStatus; entPhysicalDescr (.2) and entPhysicalName (.7).
 */
const sensors = table({
  '1': { 1: int(8), 2: int(9), 3: int(0), 4: int(27), 5: int(1) },
  '2': { 1: int(8), 2: int(9), 3: int(2), 4: int(9550), 5: int(3) },
  '3': { 1: int(10), 2: int(9), 3: int(0), 4: int(5880), 5: int(1) },
  '4': { 1: int(4), 2: int(8), 3: int(0), 4: int(12_060), 5: int(1) },
  '5': { 1: int(6), 2: int(9), 3: int(0), 4: int(168), 5: int(2) },
  '6': { 1: int(12), 2: int(9), 3: int(0), 4: int(1), 5: int(1) },
});
const physical = table({
  '1': { 2: str('Temperature sensor'), 7: str('System Board 1 Ambient Temp') },
  '2': { 2: str('Temperature sensor'), 7: str('Processor 1 CPU1 Temp') },
  '3': { 2: str('Fan sensor'), 7: str('Fan Device 1 Fan 1') },
  '4': { 2: str('Voltage sensor') },
  '5': { 7: str('Power Supply 2 PS2 Input Power') },
});

describe('ENTITY-SENSOR-MIB', () => {
  it('reads name, type, reading in base units and oper status, named from ENTITY-MIB', () => {
    expect(decodeEntitySensors(sensors, physical)).toEqual([
      { index: '1', name: 'System Board 1 Ambient Temp', type: 'celsius', value: 27, status: 'ok' },
      { index: '2', name: 'Processor 1 CPU1 Temp', type: 'celsius', value: 95.5, status: 'nonoperational' },
      { index: '3', name: 'Fan Device 1 Fan 1', type: 'rpm', value: 5880, status: 'ok' },
      // Scale milli(8): 12060 mV.
      { index: '4', name: 'Voltage sensor', type: 'voltsDC', value: 12.06, status: 'ok' },
      // unavailable: the agent has no current reading, whatever the value column says.
      { index: '5', name: 'Power Supply 2 PS2 Input Power', type: 'watts', value: null, status: 'unavailable' },
      { index: '6', name: 'sensor 6', type: 'truthvalue', value: 1, status: 'ok' },
    ]);
  });

  it('applies scale and positive precision; a negative precision does not shift the value', () => {
    expect(sensorReading(2700, 9, 2)).toBe(27);
    expect(sensorReading(5, 10, 0)).toBe(5000);
    expect(sensorReading(1500, 9, -2)).toBe(1500);
    // The RFC's exa(14) is 10^18 and peta(15) 10^15, against the SI order.
    expect(sensorReading(1, 14, 0)).toBe(1e18);
    expect(sensorReading(1, 15, 0)).toBe(1e15);
  });
});

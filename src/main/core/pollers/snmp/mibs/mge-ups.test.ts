import { describe, expect, it } from 'vitest';
import { MGE_UPS_OIDS as O, parseMgeUps } from './mge-ups';
import { int, scalars, str, table } from './test-varbinds';

describe('MGE MG-SNMP-UPS-MIB', () => {
  it('scales tenths (V, Hz, A, ambient °C), joins family and model, takes the most loaded phase', () => {
    const r = parseMgeUps(
      scalars({
        [O.identFamilyName]: str('PULSAR M'),
        [O.identModelName]: str('2200'),
        [O.identUserID]: str('Onduleur baie n°3'),
        [O.configVARating]: int(2200),
        [O.batteryRemainingTime]: int(1260),
        [O.batteryLevel]: int(64),
        [O.batteryVoltage]: int(482),
        [O.batteryTemperature]: int(31),
        [O.batteryFaultBattery]: int(2),
        [O.batteryReplacement]: int(2),
        [O.outputOnBattery]: int(2),
        [O.outputOnByPass]: int(2),
        [O.environAmbientTemp]: int(254),
      }),
      table({ '1': { 2: int(2312), 3: int(499), 6: int(31) } }),
      table({ '1': { 2: int(2301), 3: int(500), 4: int(38), 5: int(52) }, '2': { 2: int(2299), 3: int(500), 4: int(61), 5: int(80) } }),
    );
    expect(r).toMatchObject({
      manufacturer: 'MGE',
      model: 'PULSAR M 2200',
      name: 'Onduleur baie n°3',
      status: 'online',
      statusText: 'onLine',
      batteryStatus: 'normal',
      replaceBattery: false,
      runtimeSeconds: 1260,
      batteryPercent: 64,
      batteryTemperature: 31,
      inputVoltage: 231.2,
      inputFrequency: 49.9,
      outputFrequency: 50,
      loadPercent: 61,
      ratedVA: 2200,
    });
    expect(r.batteryVoltage).toBeCloseTo(48.2, 9);
    expect(r.outputVoltage).toBeCloseTo(230.1, 9);
    expect(r.outputCurrent).toBeCloseTo(5.2, 9);
    expect(r.ambientTemperature).toBeCloseTo(25.4, 9);
  });

  it('status from the yes/no flags, most telling first; alarms from overload and over-temperature', () => {
    const onBattery = parseMgeUps(scalars({ [O.outputOnBattery]: int(1), [O.outputOnBoost]: int(1) }), table({}), table({}));
    expect(onBattery).toMatchObject({ status: 'onBattery', statusText: 'onBattery' });
    const bypass = parseMgeUps(scalars({ [O.outputOnBattery]: int(2), [O.outputOnByPass]: int(1), [O.outputInverterOff]: int(1) }), table({}), table({}));
    expect(bypass).toMatchObject({ status: 'bypass', statusFault: false });
    const off = parseMgeUps(scalars({ [O.outputOnBattery]: int(2), [O.outputInverterOff]: int(1), [O.outputOverLoad]: int(1), [O.outputOverTemp]: int(1) }), table({}), table({}));
    expect(off).toMatchObject({ status: 'off', statusFault: true, alarms: ['output overload', 'temperature out of tolerance'] });
    const low = parseMgeUps(scalars({ [O.batteryLowBattery]: int(1) }), table({}), table({}));
    expect(low).toMatchObject({ batteryStatus: 'low', status: null });
  });

  it('an agent that answers nothing gives nothing, not zeros', () => {
    const r = parseMgeUps(scalars({}), table({}), table({}));
    expect(r).toMatchObject({ model: null, status: null, batteryStatus: null, loadPercent: null, ratedVA: null, alarms: [] });
  });
});

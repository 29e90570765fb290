import { describe, expect, it } from 'vitest';
import { int, scalars, str, table } from './test-varbinds';
import { parseXups, XUPS_OIDS as O } from './xups';

describe('Eaton XUPS-MIB', () => {
  it('reads tenths of Hz, whole volts and the output source; the first phase gives the line figures', () => {
    const r = parseXups(
      scalars({
        [O.identManufacturer]: str('EATON '),
        [O.identModel]: str('Eaton 9PX 3000i RT2U'),
        [O.identSerialNumber]: str('G117J40123'),
        [O.batTimeRemaining]: int(2712),
        [O.batVoltage]: int(218),
        [O.batCapacity]: int(97),
        [O.batteryAbmStatus]: int(3),
        [O.inputFrequency]: int(500),
        [O.outputLoad]: int(42),
        [O.outputFrequency]: int(499),
        [O.outputSource]: int(5),
        [O.envAmbientTemp]: int(27),
        [O.configOutputWatts]: int(2700),
      }),
      table({ '2': { 2: int(229) }, '1': { 2: int(231), 3: int(6) } }),
      table({ '1': { 2: int(230), 3: int(5) } }),
    );
    expect(r).toMatchObject({
      manufacturer: 'EATON',
      model: 'Eaton 9PX 3000i RT2U',
      status: 'onBattery',
      statusText: 'battery',
      batteryStatus: 'normal',
      runtimeSeconds: 2712,
      batteryPercent: 97,
      batteryVoltage: 218,
      inputFrequency: 50,
      inputVoltage: 231,
      outputFrequency: 49.9,
      outputVoltage: 230,
      outputCurrent: 5,
      loadPercent: 42,
      ambientTemperature: 27,
      ratedWatts: 2700,
      replaceBattery: null,
    });
  });

  it('battery flags: failure beats low capacity; aged means replace; unknown sources stay visible', () => {
    const fault = parseXups(scalars({ [O.batteryFailure]: int(1), [O.batteryLowCapacity]: int(1), [O.batteryAged]: int(1), [O.outputSource]: int(42) }), table({}), table({}));
    expect(fault).toMatchObject({ batteryStatus: 'fault', replaceBattery: true, status: 'other', statusText: 'unknown(42)' });
    const disconnected = parseXups(scalars({ [O.batteryAbmStatus]: int(6), [O.outputSource]: int(2) }), table({}), table({}));
    expect(disconnected).toMatchObject({ batteryStatus: 'absent', status: 'off', statusFault: true });
    const maintenance = parseXups(scalars({ [O.outputSource]: int(11), [O.batteryAged]: int(2) }), table({}), table({}));
    expect(maintenance).toMatchObject({ status: 'bypass', statusText: 'maintenanceBypass', statusFault: false, replaceBattery: false, batteryStatus: null });
  });

  it('an agent that answers nothing gives nothing, not zeros (manufacturer aside)', () => {
    const r = parseXups(scalars({}), table({}), table({}));
    expect(r).toMatchObject({ manufacturer: 'Eaton', model: null, status: null, batteryPercent: null, inputVoltage: null, ratedWatts: null });
  });
});

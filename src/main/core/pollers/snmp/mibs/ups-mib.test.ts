import { describe, expect, it } from 'vitest';
import { parseUpsMib, UPS_MIB_OIDS as O } from './ups-mib';
import { int, scalars, str, table, vb } from './test-varbinds';

const oid = (o: string): ReturnType<typeof int> => vb('', 'oid', o);

describe('UPS-MIB (RFC 1628)', () => {
  it('normalises units: minutes to seconds, tenths of Hz and V, the most loaded output line', () => {
    const r = parseUpsMib(
      scalars({
        [O.manufacturer]: str('EATON'),
        [O.model]: str('Eaton 5PX 2200'),
        [O.batteryStatus]: int(2),
        [O.minutesRemaining]: int(23),
        [O.chargeRemaining]: int(71),
        [O.batteryVoltage]: int(487),
        [O.batteryTemperature]: int(29),
        [O.outputSource]: int(5),
        [O.outputFrequency]: int(500),
      }),
      table({ '1': { 2: int(499), 3: int(231) } }),
      table({ '1': { 2: int(230), 3: int(52), 5: int(56) }, '2': { 2: int(229), 3: int(40), 5: int(61) } }),
      table({}),
    );
    expect(r).toMatchObject({
      manufacturer: 'EATON',
      status: 'onBattery',
      statusText: 'battery',
      batteryStatus: 'normal',
      runtimeSeconds: 1380,
      batteryPercent: 71,
      batteryVoltage: 48.7,
      outputFrequency: 50,
      inputFrequency: 49.9,
      inputVoltage: 231,
      outputVoltage: 230,
      outputCurrent: 5.2,
      loadPercent: 61,
      replaceBattery: false,
      alarms: [],
    });
  });

  it('turns the alarm table into replace-battery and named alarms, skipping those said elsewhere', () => {
    const r = parseUpsMib(
      scalars({ [O.outputSource]: int(3) }),
      table({}),
      table({}),
      table({
        '1': { 2: oid('1.3.6.1.2.1.33.1.6.3.1') },
        '2': { 2: oid('1.3.6.1.2.1.33.1.6.3.2') },
        '3': { 2: oid('1.3.6.1.2.1.33.1.6.3.8') },
        '4': { 2: oid('1.3.6.1.4.1.534.1.7.99') },
      }),
    );
    expect(r.replaceBattery).toBe(true);
    expect(r.alarms).toEqual(['output overload']);
    expect(r.status).toBe('online');
  });
});

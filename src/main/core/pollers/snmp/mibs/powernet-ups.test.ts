import { describe, expect, it } from 'vitest';
import { parsePowernetUps, POWERNET_UPS_OIDS as O, preferTenths } from './powernet-ups';
import { int, scalars, str, vb } from './test-varbinds';

const gauge = (n: number): ReturnType<typeof int> => vb('', 'gauge32', n);
const ticks = (n: number): ReturnType<typeof int> => vb('', 'timeticks', n);

describe('PowerNet-MIB UPS', () => {
  it('prefers high-precision tenths and falls back to the adv integers', () => {
    expect(preferTenths(1000, null)).toBe(100);
    expect(preferTenths(null, 87)).toBe(87);
    expect(preferTenths(2230, 224)).toBe(223);
    expect(preferTenths(-1, -1)).toBeNull();
  });

  it('reads a high-precision card (Smart-UPS RT 3000 recording values)', () => {
    const r = parsePowernetUps(
      scalars({
        [O.basicModel]: str('Smart-UPS RT 3000 XL'),
        [O.advRunTimeRemaining]: ticks(1952600),
        [O.advReplaceIndicator]: int(1),
        [O.advBadBattPacks]: int(-1),
        [O.hpBatteryCapacity]: gauge(1000),
        [O.hpBatteryTemperature]: gauge(210),
        [O.advInputFailCause]: int(9),
        [O.hpInputVoltage]: gauge(2230),
        [O.hpInputFrequency]: gauge(500),
        [O.basicOutputStatus]: int(2),
        [O.hpOutputVoltage]: gauge(2300),
      }),
    );
    expect(r).toMatchObject({
      model: 'Smart-UPS RT 3000 XL',
      status: 'online',
      statusText: 'onLine',
      batteryPercent: 100,
      runtimeSeconds: 19526,
      batteryTemperature: 21,
      inputVoltage: 223,
      inputFrequency: 50,
      outputVoltage: 230,
      replaceBattery: false,
      badBatteryPacks: null,
      lastTransferCause: 'selfTest',
      loadPercent: null,
    });
  });

  it('maps output states, including faults and unknown codes', () => {
    const status = (code: number): ReturnType<typeof parsePowernetUps> => parsePowernetUps(scalars({ [O.basicOutputStatus]: int(code) }));
    expect(status(3)).toMatchObject({ status: 'onBattery' });
    expect(status(4)).toMatchObject({ status: 'boost', statusText: 'onSmartBoost' });
    expect(status(12)).toMatchObject({ status: 'trim' });
    expect(status(10)).toMatchObject({ status: 'bypass', statusFault: true });
    expect(status(9)).toMatchObject({ status: 'bypass', statusFault: false });
    expect(status(99)).toMatchObject({ status: 'other', statusText: 'unknown(99)' });
  });
});

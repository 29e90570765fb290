import { describe, expect, it } from 'vitest';
import { MetricList } from '../../metric-list';
import { emptyUpsReadings, powerSeverity, upsFigures, type UpsReadings } from './ups-readings';

const ups = (over: Partial<UpsReadings>): UpsReadings => ({ ...emptyUpsReadings(), ...over });

describe('UPS power severity and problems', () => {
  it('is 0 on mains, 1 on battery, 2 on battery with < 10 min or < 30 %', () => {
    expect(powerSeverity(ups({ status: 'online', runtimeSeconds: 300 }))).toBe(0);
    expect(powerSeverity(ups({ status: 'onBattery', runtimeSeconds: 1380, batteryPercent: 71 }))).toBe(1);
    expect(powerSeverity(ups({ status: 'onBattery', runtimeSeconds: 599, batteryPercent: 90 }))).toBe(2);
    expect(powerSeverity(ups({ status: 'onBattery', runtimeSeconds: 3600, batteryPercent: 29 }))).toBe(2);
    expect(powerSeverity(ups({ status: 'onBattery', batteryStatus: 'low' }))).toBe(2);
    expect(powerSeverity(ups({}))).toBeNull();
  });

  it('is unknown, not "on mains", when neither the output status nor the time on battery is known', () => {
    expect(powerSeverity(ups({ batteryStatus: 'normal', batteryPercent: 64, runtimeSeconds: 1260 }))).toBeNull();
    expect(powerSeverity(ups({ batteryStatus: 'normal', secondsOnBattery: 0 }))).toBe(0);
    expect(powerSeverity(ups({ batteryStatus: 'low', secondsOnBattery: 312 }))).toBe(2);
  });

  it('states on-battery, replace-battery and bypass problems with figures', () => {
    const metrics = new MetricList();
    const { problems, identity } = upsFigures(
      ups({ status: 'onBattery', statusText: 'onBattery', runtimeSeconds: 360, batteryPercent: 24, replaceBattery: true }),
      metrics,
    );
    expect(problems).toEqual([
      // The ids name the rules judging the same conditions: the alerting engine keeps one check for each.
      { id: 'ups-on-battery', severity: 'critical', message: 'On battery (6 min left, 24 % charge)' },
      { id: 'ups-replace-battery', severity: 'warning', message: 'Battery needs replacing' },
    ]);
    expect(identity.powerState).toBe('critical');
    expect(metrics.values).toContainEqual({ name: 'ups.power.severity', instance: '', value: 2, unit: '' });
    expect(metrics.values).toContainEqual({ name: 'ups.on.battery', instance: '', value: 1, unit: '' });

    const bypass = upsFigures(ups({ status: 'bypass', statusText: 'hardwareFailureBypass', statusFault: true }), new MetricList());
    expect(bypass.problems).toEqual([{ severity: 'critical', message: 'On bypass (hardwareFailureBypass): the load is not protected' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { val } from '../report/checks/test-snapshot';
import { parseHostSensors, sensorProblems } from './health-sensors';

describe('host health sensors', () => {
  it('reads name, type, reading × 10^unitModifier with its unit, and status from HostNumericSensorInfo', () => {
    const sensors = parseHostSensors(
      val(
        '<HostNumericSensorInfo><name>Power Supply 1 Input</name><healthState><label>Green</label><summary>Sensor is operating under normal conditions</summary><key>green</key></healthState><currentReading>23000</currentReading><unitModifier>-2</unitModifier><baseUnits>Watts</baseUnits><sensorType>power</sensorType></HostNumericSensorInfo>' +
          '<HostNumericSensorInfo><name>FAN 2</name><healthState><label>Yellow</label><key>Yellow</key></healthState><currentReading>36</currentReading><unitModifier>2</unitModifier><baseUnits>RPM</baseUnits><rateUnits>none</rateUnits><sensorType>fan</sensorType></HostNumericSensorInfo>' +
          '<HostNumericSensorInfo><name>Flow</name><healthState><label>?</label><key>odd</key></healthState><baseUnits>Litres</baseUnits><rateUnits>min</rateUnits><sensorType>other</sensorType></HostNumericSensorInfo>' +
          '<HostNumericSensorInfo><healthState><key>red</key></healthState></HostNumericSensorInfo>',
      ),
    );
    expect(sensors).toEqual([
      { name: 'Power Supply 1 Input', type: 'power', reading: 230, unit: 'Watts', status: 'green', statusLabel: 'Green' },
      { name: 'FAN 2', type: 'fan', reading: 3600, unit: 'RPM', status: 'yellow', statusLabel: 'Yellow' },
      { name: 'Flow', type: 'other', reading: null, unit: 'Litres/min', status: 'unknown', statusLabel: '?' },
    ]);
    expect(sensorProblems(sensors).map((s) => s.name)).toEqual(['FAN 2']);
  });
});

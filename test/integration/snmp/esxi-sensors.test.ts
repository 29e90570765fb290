import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { ESXI_SNMPREC as SHARED, esxiWithEnv, esxiWithSensors } from '../../helpers/esxi-sensor-recording';
import { missingPeer } from '../../helpers/peer';
import { startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { metric, signal, snmpTarget, testDeps } from './engine-target';

const hasSnmpsim = spawnSync('sh', ['-c', 'command -v snmpsimd'], { encoding: 'utf8' }).status === 0;

describe.skipIf(missingPeer('snmpsimd', hasSnmpsim ? null : 'snmpsim not installed (apt-get install snmpsim)'))(
  'esxi-snmp hardware sensors over SNMP (snmpsim)',
  () => {
    let sim: SnmpsimPeer;
    let dir: string;
    let withSensors: PollResult;
    let without: PollResult;
    let withEnv: PollResult;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigie-esxi-sensors-'));
      const extended = esxiWithSensors(dir);
      const env = esxiWithEnv(dir);
      sim = await startSnmpsim([extended, SHARED, env]);
      for (const [file, set] of [
        [extended, (p: PollResult) => (withSensors = p)],
        [SHARED, (p: PollResult) => (without = p)],
        [env, (p: PollResult) => (withEnv = p)],
      ] as const) {
        const poller = snmpSource.open(snmpTarget({ port: sim.port, community: sim.community(file), timeoutMs: 3000 }), testDeps());
        set(await poller.poll(signal()));
        await poller.close();
      }
    }, 120_000);
    afterAll(async () => {
      await sim?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('reads each sensor with its name, quantity, reading in base units and state', () => {
      expect(withSensors.family).toBe('esxi-snmp');
      expect(withSensors.identity.sensorsSource).toBe('entitySensorMib');
      const rows = withSensors.tables.sensors ?? [];
      expect(rows.map((r) => [r.sensor, r.type, r.temperature, r.voltage, r.reading, r.unit, r.status])).toEqual([
        ['System Board 1 Inlet Temp', 'temperature', 24, null, null, null, 'ok'],
        ['Processor 1 CPU1 Temp', 'temperature', 91.5, null, null, null, 'critical'],
        ['Fan Device 3 Fan 3', 'fan', null, null, 6120, 'RPM', 'ok'],
        ['Power Supply 1 PS1 Voltage', 'voltageDC', null, 12.12, null, null, 'ok'],
      ]);
      expect(metric(withSensors, 'sensor.temperature', 'Processor 1 CPU1 Temp')).toBe(91.5);
      expect(metric(withSensors, 'sensor.voltage', 'Power Supply 1 PS1 Voltage')).toBe(12.12);
    });

    it('makes the non-ok sensor a problem on the device, worded with its name', () => {
      expect(withSensors.problems).toEqual([{ severity: 'critical', message: 'hardware sensor Processor 1 CPU1 Temp is nonoperational', text: { code: 'sensor.problem', params: { sensor: 'Processor 1 CPU1 Temp', status: 'nonoperational' } } }]);
    });

    it('without ENTITY-SENSOR-MIB, shows the VMWARE-ENV-MIB subsystem states, the failed one as a problem', () => {
      expect(withEnv.identity.sensorsSource).toBe('vmwareEnvMib');
      expect((withEnv.tables.sensors ?? []).map((r) => [r.sensor, r.type, r.status])).toEqual([
        ['Fan Device 1 Fan 1', 'fan', 'ok'],
        ['Power Supply 2 PS2 Status', 'power', 'critical'],
      ]);
      expect(withEnv.problems).toEqual([{ severity: 'critical', message: 'hardware sensor Power Supply 2 PS2 Status is failed', text: { code: 'sensor.problem', params: { sensor: 'Power Supply 2 PS2 Status', status: 'failed' } } }]);
    });

    it('says the shared recording (no sensor MIB) has none, and keeps every other figure', () => {
      expect(without.identity.sensorsSource).toBe('noSensorMib');
      expect(without.tables.sensors).toEqual([]);
      expect(without.problems).toEqual([]);
      expect(metric(without, 'vms.total')).toBe(metric(withSensors, 'vms.total'));
      expect(without.tables.datastores).toEqual(withSensors.tables.datastores);
    });
  },
);

import { systemClock } from '../../../src/main/core/ports';
import type { DeviceTarget, SourceDeps } from '../../../src/main/core/pollers/source';
import type { Vcsim } from '../../helpers/vcsim';

/** A vSphere device as the monitor hands it to the source, pointing at a lab simulator. */
export function vcsimTarget(sim: Vcsim, over: { password?: string; pin?: string | null; host?: string; port?: number } = {}): DeviceTarget {
  return {
    device: {
      name: 'lab vCenter',
      kind: 'vsphere',
      family: 'vsphere',
      host: over.host ?? sim.host,
      port: over.port ?? sim.port,
      intervalSeconds: 60,
      enabled: true,
      snmp: null,
      vsphere: { user: sim.user, tlsFingerprint: over.pin === undefined ? sim.fingerprint : over.pin },
      http: null,
      watchedProcesses: [],
      parentId: null,
    },
    secret: { password: over.password ?? sim.password },
  };
}

export interface CapturedLog {
  warnings: string[];
}

export function testDeps(captured: CapturedLog = { warnings: [] }): SourceDeps {
  return {
    clock: systemClock,
    log: {
      info: () => undefined,
      warn: (m) => captured.warnings.push(m),
      error: (m) => captured.warnings.push(m),
    },
  };
}

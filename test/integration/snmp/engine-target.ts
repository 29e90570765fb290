import type { DeviceTarget, PollResult, SourceDeps } from '../../../src/main/core/pollers/source';
import type { MetricValue } from '../../../src/shared/contract/devices';

/** Helpers shared by the SNMP integration tests: a device target as the monitor builds it, quiet deps. */
export interface TargetOptions {
  port: number;
  host?: string;
  version?: '1' | '2c' | '3';
  community?: string;
  family?: string;
  timeoutMs?: number;
  retries?: number;
  user?: string;
  level?: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';
  authProtocol?: 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  privProtocol?: 'des' | 'aes' | 'aes256b' | 'aes256r';
  authKey?: string;
  privKey?: string;
  watched?: string[];
  intervalSeconds?: number;
}

export function snmpTarget(o: TargetOptions): DeviceTarget {
  const version = o.version ?? '2c';
  return {
    device: {
      name: `test-${o.port}`,
      kind: 'snmp',
      family: o.family ?? 'auto',
      host: o.host ?? '127.0.0.1',
      port: o.port,
      intervalSeconds: o.intervalSeconds ?? 60,
      enabled: true,
      snmp: {
        version,
        timeoutMs: o.timeoutMs ?? 1000,
        retries: o.retries ?? 1,
        user: o.user ?? '',
        level: o.level ?? 'authPriv',
        authProtocol: o.authProtocol ?? 'sha',
        privProtocol: o.privProtocol ?? 'aes',
        context: '',
      },
      vsphere: null,
      http: null,
      watchedProcesses: o.watched ?? [],
      parentId: null,
    },
    secret: version === '3' ? { ...(o.authKey ? { authKey: o.authKey } : {}), ...(o.privKey ? { privKey: o.privKey } : {}) } : { community: o.community ?? 'public' },
  };
}

export function testDeps(now: () => number = Date.now): SourceDeps & { errors: string[] } {
  const errors: string[] = [];
  return { clock: { now }, log: { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) }, errors };
}

export const signal = (): AbortSignal => new AbortController().signal;

export function metric(poll: PollResult, name: string, instance = ''): number | undefined {
  return poll.metrics.find((m: MetricValue) => m.name === name && m.instance === instance)?.value;
}

export function metricsNamed(poll: PollResult, name: string): MetricValue[] {
  return poll.metrics.filter((m) => m.name === name);
}

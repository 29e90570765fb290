import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import { VsphereUnsupportedError } from '../../vsphere/errors';
import { PinningAgent } from '../../vsphere/tls';
import { CALLS } from '../calls';
import type { HealthState, ServiceState } from '../snapshot';

export interface ApplianceTarget {
  host: string;
  port?: number | null;
  protocol?: 'https' | 'http';
  user: string;
  password: string;
  tlsFingerprint?: string | null;
}

interface Answer {
  status: number;
  body: string;
}

const MAX_BODY = 4 * 1024 * 1024;

/**
 * The vCenter appliance's REST API (VCSA 7+: /api/...), the source of the services and health checks. It
 * shares the SOAP side's certificate rule (system roots, else the pinned fingerprint). A server without it
 * (Windows vCenter, VMware's simulator) answers 404: the two checks then say unsupported, naming the call.
 */
export class ApplianceClient {
  private readonly agent: http.Agent;
  private token: string | null = null;

  constructor(
    private readonly t: ApplianceTarget,
    private readonly timeoutMs: number,
  ) {
    this.agent = t.protocol === 'http' ? new http.Agent({ keepAlive: true }) : new PinningAgent({ pin: t.tlsFingerprint ?? null, connectTimeoutMs: timeoutMs });
  }

  private request(method: string, path: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Answer> {
    const mod = this.t.protocol === 'http' ? http : https;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const all = signal ? AbortSignal.any([signal, timeout]) : timeout;
    return new Promise<Answer>((resolve, reject) => {
      const req = mod.request(
        { host: this.t.host, port: this.t.port ?? (this.t.protocol === 'http' ? 80 : 443), method, path, headers: { Accept: 'application/json', ...headers }, agent: this.agent, signal: all },
        (res) => {
          let size = 0;
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => {
            size += d.length;
            if (size > MAX_BODY) req.destroy(new Error(`${path}: answer larger than ${MAX_BODY} bytes`));
            else parts.push(d);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', (e) => reject(timeout.aborted ? new Error(`${method} ${path}: no answer within ${this.timeoutMs / 1000} s`) : e));
      req.end();
    });
  }

  private async login(call: string, signal?: AbortSignal): Promise<string> {
    if (this.token) return this.token;
    const basic = Buffer.from(`${this.t.user}:${this.t.password}`).toString('base64');
    const a = await this.request('POST', '/api/session', { Authorization: `Basic ${basic}` }, signal);
    if (a.status === 404 || a.status === 405 || a.status === 501) throw new VsphereUnsupportedError(call, `POST /api/session answered HTTP ${a.status}`);
    if (a.status === 401 || a.status === 403) throw new Error(`${call}: the appliance API refused the credentials (HTTP ${a.status})`);
    if (a.status < 200 || a.status >= 300) throw new Error(`${call}: POST /api/session answered HTTP ${a.status}`);
    this.token = z.string().parse(JSON.parse(a.body));
    return this.token;
  }

  private async get(call: string, path: string, signal?: AbortSignal): Promise<unknown> {
    const token = await this.login(call, signal);
    const a = await this.request('GET', path, { 'vmware-api-session-id': token }, signal);
    if (a.status === 404) throw new VsphereUnsupportedError(call, `GET ${path} answered HTTP 404`);
    if (a.status < 200 || a.status >= 300) throw new Error(`${call}: GET ${path} answered HTTP ${a.status}`);
    return JSON.parse(a.body) as unknown;
  }

  async services(signal?: AbortSignal): Promise<ServiceState[]> {
    const body = z
      .record(z.string(), z.object({ state: z.string().optional(), startup_type: z.string().optional(), health: z.string().optional() }).loose())
      .parse(await this.get(CALLS.applianceServices, '/api/vcenter/services', signal));
    return Object.entries(body)
      .map(([service, s]) => ({ service, state: s.state ?? '', startup: s.startup_type ?? '', health: s.health ?? '' }))
      .sort((a, b) => a.service.localeCompare(b.service));
  }

  async health(signal?: AbortSignal): Promise<HealthState[]> {
    const out: HealthState[] = [];
    for (const component of ['system', 'storage', 'mem', 'database-storage', 'load', 'swap']) {
      const status = z.string().parse(await this.get(CALLS.applianceHealth, `/api/appliance/health/${component}`, signal));
      out.push({ component, status, message: status === 'green' ? '' : `appliance health of ${component} is ${status}` });
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.token) {
      await this.request('DELETE', '/api/session', { 'vmware-api-session-id': this.token }).catch(() => undefined);
      this.token = null;
    }
    this.agent.destroy();
  }
}

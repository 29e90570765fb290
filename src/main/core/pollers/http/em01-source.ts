import type { TestResult } from '../../../../shared/contract/devices';
import { PollError, type DevicePoller, type DeviceTarget, type PollResult, type Source, type SourceDeps } from '../source';
import { MetricList } from '../metric-list';
import { sensorFigures } from '../snmp/mibs/sensor-readings';
import { EM01_MAX_BODY, parseEm01, type Em01Reading } from './em01-parse';

const DEFAULT_PATH = '/index.htm?em';
const DEFAULT_TIMEOUT_MS = 5000;
/** The single probe of an EM01 is the metric instance; a fixed name keeps series stable across renames. */
export const EM01_PROBE = 'EM01';

export function em01Url(device: DeviceTarget['device']): URL {
  const scheme = device.http?.scheme ?? 'http';
  const host = device.host.includes(':') && !device.host.startsWith('[') ? `[${device.host}]` : device.host;
  const port = device.port ?? (scheme === 'https' ? 443 : 80);
  return new URL(device.http?.path ?? DEFAULT_PATH, `${scheme}://${host}:${port}`);
}

function causeCode(error: unknown): string | null {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** Network failures in the vocabulary of Test connection and the device state. */
export function toHttpPollError(error: unknown, url: URL, timeoutMs: number): PollError {
  if (error instanceof PollError) return error;
  const name = (error as { name?: string }).name;
  const where = `${url.host}`;
  if (name === 'TimeoutError') return new PollError('timeout', `No answer from ${where} within ${timeoutMs} ms`);
  if (name === 'AbortError') return new PollError('timeout', `Request to ${where} was cancelled`);
  const code = causeCode(error);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new PollError('dns', `Cannot resolve ${url.hostname} (${code})`);
    case 'ECONNREFUSED':
      return new PollError('refused', `${where} refused the connection (no web server on port ${url.port || 80})`);
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new PollError('timeout', `No answer from ${where} (${code})`);
    default:
      if (code && /CERT|SSL|TLS/i.test(code)) return new PollError('tls', `TLS error with ${where}: ${code}`);
      return new PollError('protocol', `HTTP request to ${where} failed: ${code ?? (error as Error).message ?? String(error)}`);
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > EM01_MAX_BODY) {
      await reader.cancel();
      throw new PollError('protocol', `Answer larger than ${EM01_MAX_BODY / 1024} KB: not an EM01 reading page`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('latin1');
}

/** One GET of the reading page: the parsed reading, or a PollError saying what failed. */
export async function fetchEm01(device: DeviceTarget['device'], signal: AbortSignal): Promise<Em01Reading> {
  const url = em01Url(device);
  const timeoutMs = device.http?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      redirect: 'error',
      headers: { accept: 'text/html, text/plain' },
    });
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new PollError('permission', `${url.host} refused access to ${url.pathname}${url.search} (HTTP ${response.status})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PollError('protocol', `${url.host} answered HTTP ${response.status} for ${url.pathname}${url.search}: is this an EM01 websensor?`);
    }
    const reading = parseEm01(await readCapped(response));
    if (!reading) throw new PollError('protocol', `${url.host} answered, but with no TC/TF or HU reading: not an EM01 reading page`);
    return reading;
  } catch (error) {
    // The caller's cancel (scheduler deadline, removed device) arrives as its own reason, not as an AbortError.
    if (signal.aborted && !(error instanceof PollError)) {
      const reason: unknown = signal.reason;
      throw new PollError('timeout', `Poll of ${url.host} stopped before it answered (${reason instanceof Error ? reason.message : 'aborted'})`);
    }
    throw toHttpPollError(error, url, timeoutMs);
  }
}

export function em01PollResult(reading: Em01Reading, device: DeviceTarget['device']): PollResult {
  const metrics = new MetricList();
  const figures = sensorFigures(
    [{ name: EM01_PROBE, temperature: reading.temperature, humidity: reading.humidity, state: null, statusText: null }],
    [],
    metrics,
  );
  metrics.add('sensor.illumination', reading.illumination, '', EM01_PROBE);
  return {
    family: 'sensor-em01',
    identity: {
      name: device.name,
      model: 'EM01 websensor',
      url: em01Url(device).toString(),
      deviceUnit: reading.unit === 'F' ? 'fahrenheit' : reading.unit === 'C' ? 'celsius' : null,
      maxTemperature: figures.maxTemperature,
      illumination: reading.illumination,
    },
    metrics: metrics.values,
    tables: { probes: figures.probes.map((p) => ({ ...p, illumination: reading.illumination })) },
    problems: reading.rejected.map((r) => ({ severity: 'unknown' as const, message: `Implausible ${r}: probe unplugged or faulty?` })),
    uptimeSeconds: null,
  };
}

/** EM01 / EM01b websensors over HTTP (kind 'http'): no session to keep, one GET per poll. */
export const em01Source: Source = {
  kind: 'http',
  async test(target: DeviceTarget, deps: SourceDeps, signal: AbortSignal): Promise<TestResult> {
    const started = deps.clock.now();
    try {
      const reading = await fetchEm01(target.device, signal);
      const result = em01PollResult(reading, target.device);
      const parts = [
        reading.temperature !== null ? `${reading.temperature} °C` : null,
        reading.humidity !== null ? `${reading.humidity} % RH` : null,
      ].filter(Boolean);
      return {
        ok: true,
        stage: 'ok',
        message: `EM01 websensor answered${parts.length ? `: ${parts.join(', ')}` : ''}`,
        durationMs: Math.max(0, deps.clock.now() - started),
        detected: { family: 'sensor-em01', identity: result.identity },
        certificate: null,
      };
    } catch (error) {
      const e = error instanceof PollError ? error : new PollError('internal', (error as Error).message);
      return { ok: false, stage: e.stage, message: e.message, durationMs: Math.max(0, deps.clock.now() - started), detected: null, certificate: null };
    }
  },
  open(target: DeviceTarget, deps: SourceDeps): DevicePoller {
    let closed = false;
    return {
      async poll(signal) {
        if (closed) throw new PollError('internal', 'Poller closed');
        const reading = await fetchEm01(target.device, signal);
        if (reading.rejected.length) deps.log.warn('EM01 reading out of range', { host: target.device.host, rejected: reading.rejected });
        return em01PollResult(reading, target.device);
      },
      close() {
        closed = true;
        return Promise.resolve();
      },
    };
  },
};

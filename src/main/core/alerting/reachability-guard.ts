import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import type { AlertingSettings } from '../../../shared/contract/alerting';
import type { Clock, Logger } from '../ports';
import type { GuardPort, GuardVerdict } from './ports';

/**
 * Vigie's own network, asked before devices are recorded unreachable: when the default gateway, the DNS
 * servers and the reference targets all stay silent too, the fault is on Vigie's side and the engine records
 * one "Vigie lost its network" event instead of a wall of red.
 */

export interface GuardDeps {
  settings: () => AlertingSettings;
  clock: Clock;
  log: Logger;
  systemTargets?: () => Promise<string[]>;
  probe?: (target: string, signal: AbortSignal) => Promise<boolean>;
  /** A verdict is reused this long: a poll cycle's many failures ask once (default 5 s). */
  cacheMs?: number;
  /** A whole probe round gives up after this (default 3 s). */
  timeoutMs?: number;
}

/** "host", "host:port", "[v6]:port" or a bare IPv6 address. */
export function parseTarget(target: string): { host: string; port: number | null } {
  const t = target.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : null };
  const colon = t.lastIndexOf(':');
  if (colon > 0 && t.indexOf(':') === colon && /^\d+$/.test(t.slice(colon + 1))) return { host: t.slice(0, colon), port: Number(t.slice(colon + 1)) };
  return { host: t, port: null };
}

/** The default gateway from the kernel's routing table (little-endian hex), Linux only; [] elsewhere. */
export function gatewaysFromRoute(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3 || f[1] !== '00000000' || !/^[0-9A-Fa-f]{8}$/.test(f[2]!) || f[2] === '00000000') continue;
    const n = parseInt(f[2]!, 16);
    const ip = [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
    if (!out.includes(ip)) out.push(ip);
  }
  return out;
}

const LOOPBACK = /^(127\.|::1$|0\.0\.0\.0$)/;

/** Name servers from resolv.conf; a local stub (systemd-resolved's 127.0.0.53) only when it is all there is. */
export function dnsFromResolvConf(text: string): string[] {
  const all = text
    .split('\n')
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .filter((s): s is string => !!s);
  const remote = all.filter((s) => !LOOPBACK.test(s));
  return remote.length ? remote : all;
}

export async function defaultSystemTargets(): Promise<string[]> {
  const read = (p: string): Promise<string> => readFile(p, 'utf8').catch(() => '');
  const [route, resolv] = await Promise.all([read('/proc/net/route'), read('/etc/resolv.conf')]);
  return [...new Set([...gatewaysFromRoute(route), ...dnsFromResolvConf(resolv)])];
}

/** TCP connect: an accepted connection and a refusal both prove the host answered (a RST is an answer). */
export function tcpAnswers(host: string, port: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      signal.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = (): void => done(false);
    signal.addEventListener('abort', onAbort);
    socket.once('connect', () => done(true));
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED'));
  });
}

/** Debian's ping works unprivileged (file capability or ping_group_range); absent or refused → false. */
function pingAnswers(host: string, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('ping', ['-n', '-q', '-c', '1', '-W', '1', host], { stdio: 'ignore', signal });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}

/**
 * Default probe, unprivileged: host:port by TCP connect; a bare address (a gateway often has no open port)
 * by one ping with a 1 s deadline, alongside TCP 53/443/80 where a refusal counts as an answer.
 */
export async function defaultProbe(target: string, signal: AbortSignal): Promise<boolean> {
  const { host, port } = parseTarget(target);
  if (port !== null) return tcpAnswers(host, port, signal);
  const inner = new AbortController();
  const stop = (): void => inner.abort();
  signal.addEventListener('abort', stop);
  try {
    const tries = [pingAnswers(host, inner.signal), ...[53, 443, 80].map((p) => tcpAnswers(host, p, inner.signal))];
    // The first true wins; all false is false.
    return await new Promise<boolean>((resolve) => {
      let left = tries.length;
      for (const t of tries)
        void t.then((ok) => {
          if (ok) resolve(true);
          else if (--left === 0) resolve(false);
        });
    });
  } finally {
    inner.abort();
    signal.removeEventListener('abort', stop);
  }
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export class ReachabilityGuard implements GuardPort {
  private cached: { at: number; verdict: GuardVerdict } | null = null;
  private inFlight: Promise<GuardVerdict> | null = null;
  private saidNoTargets = false;
  private readonly cacheMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly deps: {
      settings: () => AlertingSettings;
      clock: Clock;
      log: Logger;
      systemTargets?: () => Promise<string[]>;
      probe?: (target: string, signal: AbortSignal) => Promise<boolean>;
      cacheMs?: number;
      timeoutMs?: number;
    },
  ) {
    this.cacheMs = deps.cacheMs ?? 5000;
    this.timeoutMs = deps.timeoutMs ?? 3000;
  }

  async networkOk(signal?: AbortSignal): Promise<GuardVerdict> {
    if (!this.deps.settings().guardEnabled) return { ok: true, detail: 'guard disabled' };
    const now = this.deps.clock.now();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.verdict;
    // One round at a time: the many devices failing in one cycle share it. A caller's abort stops its wait,
    // not the round the others wait on.
    this.inFlight ??= this.round().finally(() => (this.inFlight = null));
    if (!signal) return this.inFlight;
    return Promise.race([
      this.inFlight,
      new Promise<GuardVerdict>((resolve) => {
        if (signal.aborted) resolve({ ok: true, detail: 'check aborted' });
        signal.addEventListener('abort', () => resolve({ ok: true, detail: 'check aborted' }), { once: true });
      }),
    ]);
  }

  private async round(): Promise<GuardVerdict> {
    const system = await (this.deps.systemTargets ?? defaultSystemTargets)().catch((e: unknown) => {
      this.deps.log.warn('reachability guard: cannot read the gateway and DNS servers', { error: String(e) });
      return [] as string[];
    });
    const targets = [...new Set([...system, ...this.deps.settings().referenceTargets])];
    if (targets.length === 0) {
      if (!this.saidNoTargets) this.deps.log.warn('reachability guard: no gateway, DNS server or reference target to check; devices are judged alone');
      this.saidNoTargets = true;
      return this.remember({ ok: true, detail: 'no target to check' });
    }
    const probe = this.deps.probe ?? defaultProbe;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.timeoutMs);
    timer.unref?.();
    try {
      const answered: string[] = [];
      await new Promise<void>((resolve) => {
        let left = targets.length;
        for (const t of targets) {
          void probe(t, ctl.signal)
            .catch(() => false)
            .then((ok) => {
              if (ok) {
                answered.push(t);
                resolve(); // one answer is enough: the network works
              } else if (--left === 0) resolve();
            });
        }
      });
      const verdict: GuardVerdict = answered.length
        ? { ok: true, detail: `${answered[0]!} answered` }
        : { ok: false, detail: `${listWords(targets)} did not answer` };
      return this.remember(verdict);
    } finally {
      clearTimeout(timer);
      ctl.abort();
    }
  }

  private remember(verdict: GuardVerdict): GuardVerdict {
    this.cached = { at: this.deps.clock.now(), verdict };
    return verdict;
  }
}

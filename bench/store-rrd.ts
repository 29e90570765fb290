import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The RRD with Vigie's tiers at a 60 s step: raw 1 day, 5-min 30 days, 1-h 1 year, 1-day 5 years, AVG/MIN/MAX. */
export function rrdCreateArgs(file: string, startSec: number): string {
  const rras = [
    'RRA:AVERAGE:0.5:1:1440',
    ...['AVERAGE', 'MIN', 'MAX'].flatMap((cf) => [`RRA:${cf}:0.5:5:8640`, `RRA:${cf}:0.5:60:8760`, `RRA:${cf}:0.5:1440:1826`]),
  ];
  return `create ${file} --start ${startSec} --step 60 DS:v:GAUGE:120:U:U ${rras.join(' ')}`;
}

/** Splits a stream into lines and hands them to `onLine`. */
function lineReader(onLine: (line: string) => void): (chunk: Buffer) => void {
  let rest = '';
  return (chunk) => {
    const text = rest + chunk.toString('latin1');
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
}

/**
 * `rrdtool -`: one process reading commands on stdin, answering each with its output and a final
 * "OK u:… s:… r:…" or "ERROR: …" line. Commands are pipelined; the answers come back in order.
 */
export class RrdPipe {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (lines: string[]) => void; reject: (e: Error) => void; lines: string[] }[] = [];
  private failure: Error | null = null;
  /** While stream() runs: answers are only counted (a million pending promises would not be free). */
  private counter: Counter | null = null;

  constructor() {
    this.proc = spawn('rrdtool', ['-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on(
      'data',
      lineReader((line) => this.onLine(line)),
    );
    this.proc.on('exit', (code) => this.fail(new Error(`rrdtool exited with ${String(code)}`)));
    this.proc.on('error', (e) => this.fail(e));
    this.proc.stdin.on('error', (e) => this.fail(e));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.splice(0)) w.reject(e);
    this.counter?.fail(e);
  }

  private onLine(line: string): void {
    if (this.counter) {
      if (line.startsWith('OK ')) this.counter.answer(null);
      else if (line.startsWith('ERROR')) this.counter.answer(line);
      return;
    }
    const w = this.waiting[0];
    if (!w) return;
    if (line.startsWith('OK ')) {
      this.waiting.shift();
      w.resolve(w.lines);
    } else if (line.startsWith('ERROR')) {
      this.waiting.shift();
      w.reject(new Error(`rrdtool: ${line}`));
    } else {
      w.lines.push(line);
    }
  }

  /** Sends one command; resolves with its output lines once answered. */
  run(command: string): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<string[]>((resolve, reject) => this.waiting.push({ resolve, reject, lines: [] }));
    this.proc.stdin.write(`${command}\n`);
    return answer;
  }

  /** Streams many commands with backpressure and resolves when every one was answered. */
  async stream(commands: Iterable<string>): Promise<void> {
    if (this.waiting.length || this.counter) throw new Error('RrdPipe: stream() while commands are pending');
    const counter = new Counter();
    this.counter = counter;
    try {
      for (const command of commands) {
        if (this.failure) throw this.failure;
        counter.sent++;
        if (!this.proc.stdin.write(`${command}\n`)) await new Promise((r) => this.proc.stdin.once('drain', r));
      }
      await counter.finish();
    } finally {
      this.counter = null;
    }
  }

  async close(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.stdin.end();
    await Promise.race([exited, sleep(5000)]);
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}

/**
 * rrdcached on a private unix socket, spoken to directly in its text protocol ("UPDATE file t:v" → "0 …"),
 * pipelined on one connection: the fastest way to feed it. Writes to the RRD files are deferred (-w) until
 * the caller sends FLUSH per file, which answers once that file's updates are written.
 */
export class Rrdcached {
  private proc: ChildProcessWithoutNullStreams | null = null;
  private socket: Socket | null = null;
  private counter = new Counter();

  constructor(private readonly dir: string) {}

  async start(): Promise<void> {
    const sock = join(this.dir, 'rrdcached.sock');
    this.proc = spawn('rrdcached', ['-g', '-l', `unix:${sock}`, '-p', join(this.dir, 'rrdcached.pid'), '-b', this.dir, '-B', '-w', '3600', '-f', '7200'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    this.proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 100 && !existsSync(sock) && this.proc.exitCode === null; i++) await sleep(50);
    if (!existsSync(sock)) throw new Error(`rrdcached did not open its socket: ${stderr.trim()}`);
    this.socket = connect(sock);
    await new Promise<void>((resolve, reject) => {
      this.socket!.once('connect', resolve);
      this.socket!.once('error', reject);
    });
    // Each answer starts with a status; a positive status announces that many more lines.
    let extra = 0;
    this.socket.on(
      'data',
      lineReader((line) => {
        if (extra > 0) {
          if (--extra === 0) this.counter.answer(null);
          return;
        }
        const status = Number.parseInt(line, 10);
        if (status > 0) extra = status;
        else this.counter.answer(status < 0 ? line : null);
      }),
    );
  }

  async stream(commands: Iterable<string>): Promise<void> {
    const socket = this.socket!;
    const counter = (this.counter = new Counter());
    for (const command of commands) {
      counter.sent++;
      if (!socket.write(`${command}\n`)) await new Promise((r) => socket.once('drain', r));
    }
    await counter.finish();
  }

  async stop(): Promise<void> {
    this.socket?.destroy();
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

/** Counts answers to pipelined commands; finish() resolves once every command sent was answered. */
class Counter {
  sent = 0;
  private answered = 0;
  private errors: string[] = [];
  private sending = true;
  private done: { resolve: () => void; reject: (e: Error) => void } | null = null;

  answer(error: string | null): void {
    this.answered++;
    if (error !== null) this.errors.push(error);
    this.settle();
  }

  fail(e: Error): void {
    this.done?.reject(e);
  }

  finish(): Promise<void> {
    this.sending = false;
    return new Promise<void>((resolve, reject) => {
      this.done = { resolve, reject };
      this.settle();
    });
  }

  private settle(): void {
    if (this.sending || !this.done || this.answered < this.sent) return;
    if (this.errors.length) this.done.reject(new Error(`${this.errors.length} commands failed, first: ${this.errors[0]}`));
    else this.done.resolve();
  }
}

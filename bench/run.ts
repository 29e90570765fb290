import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import type { Benchmark, BenchResult, BenchSize } from './bench';

const here = dirname(fileURLToPath(import.meta.url));

export async function loadBenchmarks(): Promise<Benchmark[]> {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const out: Benchmark[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: Benchmark };
    out.push(mod.default);
  }
  return out;
}

export function missingRequirements(b: Benchmark): string[] {
  return (b.requires ?? []).filter((cmd) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
}

function fmt(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(n);
}

export function formatResult(r: BenchResult): string {
  return [
    `■ ${r.name}`,
    `    vigie    : ${fmt(r.vigie.value)} ${r.vigie.unit}  (${r.vigie.label})`,
    `    baseline : ${fmt(r.baseline.value)} ${r.baseline.unit}  (${r.baseline.label})`,
    `    ratio    : ${fmt(r.ratio)}× (${r.better} is better)   target ${r.target}   ${r.pass ? 'PASS' : 'MISS'}`,
    ...(r.notes ?? []).map((n) => `    note     : ${n}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const size: BenchSize = process.argv.includes('--smoke') ? 'smoke' : 'full';
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  let failed = false;
  for (const b of await loadBenchmarks()) {
    if (only.length && !only.some((o) => b.name.includes(o))) continue;
    const missing = missingRequirements(b);
    if (missing.length) {
      console.log(`■ ${b.name}: skipped, missing ${missing.join(', ')}`);
      continue;
    }
    console.log(`\n=== ${b.name} (${size}) ===`);
    try {
      for (const r of await b.run(size)) console.log(formatResult(r));
    } catch (error) {
      failed = true;
      console.log(`■ ${b.name}: FAILED ${(error as Error).stack ?? String(error)}`);
    }
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();

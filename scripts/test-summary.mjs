// Reads the JSON reports of one `npm test` run (vitest unit + integration, Playwright e2e) and prints what
// ran: counts per project, every skipped test with its reason, and one closing line "N passed, N failed,
// N skipped" that a reader (or CI) can take at a glance. Exits 1 when a report is missing or a test failed.
import { existsSync, readFileSync } from 'node:fs';

const dir = process.argv[2] ?? '.test-results';
const projects = [
  ['unit', `${dir}/unit.json`, 'vitest'],
  ['integration', `${dir}/integration.json`, 'vitest'],
  ['e2e', `${dir}/e2e.json`, 'playwright'],
];

function fromVitest(report) {
  const out = { passed: 0, failed: 0, skipped: [] };
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') out.passed += 1;
      else if (t.status === 'failed') out.failed += 1;
      else out.skipped.push(t.fullName ?? t.title);
    }
    // A file that failed to load has no assertions but is a failure.
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') out.failed += 1;
  }
  return out;
}

function fromPlaywright(report) {
  const out = { passed: 0, failed: 0, skipped: [] };
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const name = [...path, spec.title].filter(Boolean).join(' › ');
        if (t.status === 'skipped') {
          const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description;
          out.skipped.push(why ? `${name} (${why})` : name);
        } else if (t.status === 'expected' || t.status === 'flaky') out.passed += 1;
        else out.failed += 1;
      }
    }
    for (const s of suite.suites ?? []) walk(s, [...path, s.title]);
  };
  for (const s of report.suites ?? []) walk(s, []);
  for (const e of report.errors ?? []) if (e) out.failed += 1;
  return out;
}

let passed = 0;
let failed = 0;
const skipped = [];
const parts = [];
for (const [name, file, kind] of projects) {
  if (!existsSync(file)) {
    parts.push(`${name}: did not run`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const r = kind === 'vitest' ? fromVitest(report) : fromPlaywright(report);
  passed += r.passed;
  failed += r.failed;
  for (const s of r.skipped) skipped.push(`${name}: ${s}`);
  parts.push(`${name} ${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}`);
}
console.log(`\nTests: ${parts.join(' · ')}`);
for (const s of skipped) console.log(`  skipped ${s}`);
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(failed > 0 ? 1 : 0);

// `npm test` after the build: vitest (unit, CLI, language server over stdio), then the
// end-to-end tests in code-server and Chromium (out/e2e.cjs, see e2e/run.ts). Ends with one plain
// line that any CI can read: "tests: N passed, N failed, N skipped".
//
// Arguments pass through to vitest, and then only vitest runs (`npm test -- test/diff`).
// CLD_SKIP_E2E=1 skips the end-to-end part (reported as skipped, with the reason).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const vitestReport = path.resolve('test-results', 'vitest.json');
const e2eReport = path.resolve('test-results', 'e2e.json');
fs.rmSync(vitestReport, { force: true });
fs.rmSync(e2eReport, { force: true });

const args = process.argv.slice(2);
const vitest = path.resolve('node_modules', 'vitest', 'vitest.mjs');
const unit = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`, ...args], { stdio: 'inherit' });
const counts = { passed: 0, failed: 0, skipped: 0 };
const parts = [];

if (fs.existsSync(vitestReport)) {
    const r = JSON.parse(fs.readFileSync(vitestReport, 'utf-8'));
    add('vitest', { passed: r.numPassedTests, failed: r.numFailedTests, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) });
} else {
    add('vitest', { passed: 0, failed: 1, skipped: 0 });
    console.log('vitest wrote no report');
}

let e2eStatus = 0;
if (args.length > 0) {
    parts.push('e2e not run: vitest arguments given');
} else if (process.env.CLD_SKIP_E2E) {
    add('e2e', { passed: 0, failed: 0, skipped: 1 });
    console.log('\ne2e: skipped because CLD_SKIP_E2E is set');
} else {
    console.log('\nEnd-to-end tests in code-server and Chromium (e2e/run.ts)');
    const e2e = spawnSync(process.execPath, [path.resolve('out', 'e2e.cjs')], { stdio: 'inherit' });
    e2eStatus = e2e.status ?? 1;
    if (fs.existsSync(e2eReport)) {
        add('e2e', JSON.parse(fs.readFileSync(e2eReport, 'utf-8')));
    } else {
        add('e2e', { passed: 0, failed: 1, skipped: 0 });
        console.log('e2e wrote no report');
    }
}

console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${parts.join('; ')})`);
process.exit(unit.status !== 0 ? (unit.status ?? 1) : e2eStatus);

function add(name, r) {
    counts.passed += r.passed;
    counts.failed += r.failed;
    counts.skipped += r.skipped;
    parts.push(`${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
}

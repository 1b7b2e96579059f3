// Runs vitest (arguments pass through) and ends with one plain line that any CI can read:
// "tests: N passed, N failed, N skipped". The exit code is vitest's.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const report = path.resolve('test-results', 'vitest.json');
fs.rmSync(report, { force: true });
const vitest = path.resolve('node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });
if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf-8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
} else {
    console.log('\ntests: 0 passed, 1 failed (vitest wrote no report)');
}
process.exit(run.status ?? 1);

/**
 * The mocha runner that VS Code loads from `extensionTestsPath` (out/extension-tests/index.cjs)
 * inside the extension host. It runs the suite bundled next to it (suite.cjs) and, because the
 * extension host's console is not ours, writes each test's outcome to CLD_E2E_MOCHA_REPORT.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult { name: string; status: 'passed' | 'failed' | 'skipped'; message?: string; ms?: number }

export function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
    mocha.addFile(path.join(__dirname, 'suite.cjs'));
    const tests: TestResult[] = [];
    return new Promise((resolve, reject) => {
        const runner = mocha.run(failures => {
            const report = process.env.CLD_E2E_MOCHA_REPORT;
            if (report) fs.writeFileSync(report, JSON.stringify({ tests }, null, 2));
            if (failures > 0) reject(new Error(`${failures} extension test(s) failed.`));
            else resolve();
        });
        runner.on('pass', test => tests.push({ name: test.fullTitle(), status: 'passed', ms: test.duration }));
        runner.on('fail', (test, error: Error) => tests.push({ name: test.fullTitle(), status: 'failed', message: error.stack?.split('\n').slice(0, 5).join('\n') ?? String(error) }));
        runner.on('pending', test => tests.push({ name: test.fullTitle(), status: 'skipped', message: (test as { skipReason?: string }).skipReason }));
    });
}

/**
 * The end-to-end run (`npm run test:e2e`, and the last step of `npm test`):
 *
 *   1. installs (once, cached outside the repository) Chromium, Node 24 and code-server;
 *   2. packages the extension (`npm run package`) unless CLD_E2E_VSIX names a VSIX;
 *   3. installs the VSIX into a fresh code-server, opens a copy of examples/ in Chromium and
 *      checks what a user sees (ui-checks.ts), with screenshots in screenshots/;
 *   4. runs the mocha extension tests (test/extension) inside a second fresh code-server,
 *      against the extension as installed from the VSIX.
 *
 * It writes test-results/e2e.json and prints "e2e: N passed, N failed, N skipped". When this
 * machine cannot have a prerequisite (not root, so no apt-get), every check is reported skipped
 * with the reason; an install that was tried and failed is a failure.
 * Whatever it starts, it kills, also on failure or Ctrl+C.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchBrowser } from './browser.js';
import { canConnectTo, freePort, installExtension, sleep, startCodeServer, tailOf, type RunningServer } from './code-server.js';
import { packageExtension } from './package.js';
import { ensurePrerequisites, MissingPrerequisite, type Prerequisites } from './prerequisites.js';
import { SkipCheck, UI_CHECKS, type CheckContext, type UiCheck } from './ui-checks.js';
import { ZH_CN_CHECKS } from './display-language-checks.js';
import { Workbench } from './workbench.js';

const root = process.cwd();
const CHECK_TIMEOUT_MS = 120_000;
const SUITE_TIMEOUT_MS = 5 * 60_000;
const EXTENSION_ID = 'cld-project.cld';

interface Result { name: string; status: 'passed' | 'failed' | 'skipped'; message?: string; ms?: number }

const results: Result[] = [];
const corpus = path.resolve(root, '..', 'shared', 'data');
const screenshotDir = path.join(root, 'screenshots');

async function main(): Promise<number> {
    const only = process.argv.find(a => a.startsWith('--only='))?.slice('--only='.length);
    let prerequisites: Prerequisites;
    try {
        prerequisites = ensurePrerequisites(line => console.log(`e2e: ${line}`));
    } catch (error) {
        if (!(error instanceof MissingPrerequisite)) throw error;
        console.log(`e2e: skipped: ${error.message}`);
        for (const check of [...UI_CHECKS, ...ZH_CN_CHECKS]) results.push({ name: check.name, status: 'skipped', message: error.message });
        results.push({ name: 'extension tests (mocha in code-server)', status: 'skipped', message: error.message });
        return 0;
    }
    const vsix = process.env.CLD_E2E_VSIX ?? packageExtension(root, line => console.log(`e2e: ${line}`));
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-e2e-'));
    // Screenshots of this run only: the folder is git-ignored and belongs to this script.
    fs.rmSync(screenshotDir, { recursive: true, force: true });
    fs.mkdirSync(screenshotDir, { recursive: true });
    try {
        if (only !== 'extension') {
            await runUiChecks(prerequisites, vsix, scratch, { name: 'ui', checks: UI_CHECKS });
            // The same extension with the display language Simplified Chinese, in a server of its own.
            await runUiChecks(prerequisites, vsix, scratch, { name: 'ui-zh-cn', checks: ZH_CN_CHECKS, locale: 'zh-cn' });
        }
        if (only !== 'ui') await runExtensionTests(prerequisites, vsix, scratch);
        if (!only) await runCheck('npm run web serves the examples with the extension, and Ctrl+C stops it', () => checkWeb(vsix, scratch), async () => undefined);
    } finally {
        if (results.some(r => r.status === 'failed')) keepLogs(scratch);
        if (!process.env.CLD_E2E_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
    }
    return results.some(r => r.status === 'failed') ? 1 : 0;
}

/**
 * A copy of examples/, so that the checks can edit files without touching the repository; without
 * the EU's list, whose warnings would join the Problems panel's counts the checks compare.
 */
function copyExamples(scratch: string, name: string): string {
    const workspace = path.join(scratch, name);
    const eu = path.join(root, 'examples', 'eu-dual-use');
    fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true, filter: source => source !== eu });
    return workspace;
}

function cliCounts(workspace: string): { errors: number; warnings: number } {
    const run = spawnSync(process.execPath, [path.join(root, 'bin', 'cld.cjs'), 'validate', path.join(workspace, 'errors'), '--format', 'json'], { encoding: 'utf-8' });
    const diagnostics = JSON.parse(run.stdout) as { severity: string }[];
    return { errors: diagnostics.filter(d => d.severity === 'error').length, warnings: diagnostics.filter(d => d.severity === 'warning').length };
}

async function runUiChecks(prerequisites: Prerequisites, vsix: string, scratch: string, run: { name: string; checks: UiCheck[]; locale?: string }): Promise<void> {
    const dirs = { root: path.join(scratch, `${run.name}-server`), locale: run.locale };
    const workspace = copyExamples(scratch, run.locale ? `examples-${run.locale}` : 'examples');
    // The illustrative WA series is the precedent library (the Conformance view's checks need one).
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'cld.precedents.path': 'wa-series' }, null, 2));
    let server: RunningServer | undefined;
    let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
    try {
        installExtension(prerequisites, dirs, vsix);
        server = await startCodeServer(prerequisites, dirs);
        browser = await launchBrowser(prerequisites.chromium, path.join(scratch, `${run.name}-profile`));
        await browser.page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        const workbench = new Workbench(browser.page);
        const page = browser.page;
        const context: CheckContext = {
            workspace,
            corpus,
            cliCounts: cliCounts(workspace),
            screenshot: async name => {
                const file = path.join(screenshotDir, `${name}.png`);
                await page.screenshot({ path: file });
                return file;
            }
        };
        // --grep=<text> runs only the UI checks whose name contains it (when working on one).
        const grep = process.argv.find(a => a.startsWith('--grep='))?.slice('--grep='.length);
        await workbench.waitUntilLoaded();
        for (const check of run.checks.filter(c => !grep || c.name.includes(grep))) {
            await runCheck(check.name, () => check.run(workbench, context), async () => { await context.screenshot(`failed-${slug(check.name)}`).catch(() => undefined); });
        }
    } catch (error) {
        // The server or the browser did not start: every check that did not run has failed.
        const message = error instanceof Error ? error.message : String(error);
        for (const check of run.checks.filter(c => !results.some(r => r.name === c.name))) results.push({ name: check.name, status: 'failed', message });
        console.log(`e2e: ${message}`);
    } finally {
        await browser?.close();
        await server?.stop();
    }
}

async function runCheck(name: string, body: () => Promise<void>, onFailure: () => Promise<void>): Promise<void> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
        await Promise.race([body(), new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS); })]);
        results.push({ name, status: 'passed', ms: Date.now() - started });
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
        if (error instanceof SkipCheck) {
            results.push({ name, status: 'skipped', message: error.message });
            console.log(`  - ${name}\n      skipped: ${error.message}`);
            return;
        }
        const message = error instanceof Error ? error.message.split('\n').slice(0, process.env.CLD_E2E_VERBOSE ? 200 : 6).join('\n') : String(error);
        results.push({ name, status: 'failed', message, ms: Date.now() - started });
        console.log(`  ✗ ${name}\n      ${message.replace(/\n/g, '\n      ')}`);
        await onFailure();
    } finally {
        clearTimeout(timer);
    }
}

/**
 * The mocha suite runs in the extension host of a fresh code-server: the workbench is opened
 * with extensionDevelopmentPath (the VSIX as installed) and extensionTestsPath in its URL
 * payload, and the test runner reports the exit code through `codeAutomationExit`.
 */
async function runExtensionTests(prerequisites: Prerequisites, vsix: string, scratch: string): Promise<void> {
    const suiteName = 'extension tests (mocha in code-server)';
    const dirs = { root: path.join(scratch, 'suite-server'), smokeTestDriver: true };
    const workspace = copyExamples(scratch, 'suite-examples');
    const reportFile = path.join(scratch, 'mocha.json');
    let server: RunningServer | undefined;
    let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
    try {
        installExtension(prerequisites, dirs, vsix);
        const installed = fs.readdirSync(path.join(dirs.root, 'extensions')).find(d => d.startsWith(`${EXTENSION_ID}-`));
        if (!installed) throw new Error(`the VSIX did not install as ${EXTENSION_ID}`);
        const extensionPath = path.join(dirs.root, 'extensions', installed);
        // The extension host inherits the server's environment: the runner writes its report here.
        process.env.CLD_E2E_MOCHA_REPORT = reportFile;
        process.env.CLD_E2E_CORPUS = corpus;
        server = await startCodeServer(prerequisites, dirs);
        let exitCode: number | undefined;
        browser = await launchBrowser(prerequisites.chromium, path.join(scratch, 'suite-profile'), async page => {
            await page.exposeFunction('codeAutomationExit', (code: number) => { exitCode = code; });
        });
        const remote = (p: string) => `vscode-remote://127.0.0.1:${server!.port}${p}`;
        const payload = JSON.stringify([
            ['extensionDevelopmentPath', remote(extensionPath)],
            ['extensionTestsPath', remote(path.join(root, 'out', 'extension-tests', 'index.cjs'))]
        ]);
        await browser.page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
        const deadline = Date.now() + SUITE_TIMEOUT_MS;
        while (exitCode === undefined && Date.now() < deadline) await sleep(250);
        if (exitCode === undefined) throw new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes\n${tailOf(server.logFile)}`);
        if (!fs.existsSync(reportFile)) throw new Error(`the suite exited with ${exitCode} and wrote no report (did the runner load?)\n${tailOf(server.logFile)}`);
        const report = JSON.parse(fs.readFileSync(reportFile, 'utf-8')) as { tests: Result[] };
        for (const test of report.tests) {
            results.push(test);
            console.log(`  ${test.status === 'passed' ? '✓' : test.status === 'skipped' ? '-' : '✗'} ${test.name}${test.message ? `\n      ${test.message.replace(/\n/g, '\n      ')}` : ''}`);
        }
        if (exitCode !== 0 && !report.tests.some(t => t.status === 'failed')) results.push({ name: suiteName, status: 'failed', message: `runner exited with ${exitCode}` });
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({ name: suiteName, status: 'failed', message });
        console.log(`  ✗ ${suiteName}\n      ${message.replace(/\n/g, '\n      ')}`);
    } finally {
        await browser?.close();
        await server?.stop();
    }
}

/** `npm run web` (out/web.cjs) as a person runs it: it prints an address, serves it, and stops on Ctrl+C. */
async function checkWeb(vsix: string, scratch: string): Promise<void> {
    const port = await freePort();
    const web = spawn(process.execPath, [path.join(root, 'out', 'web.cjs'), `--port=${port}`], {
        cwd: root, env: { ...process.env, CLD_E2E_VSIX: vsix, CLD_WEB_DIR: path.join(scratch, 'web') }, stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    web.stdout.on('data', chunk => { output += chunk; });
    web.stderr.on('data', chunk => { output += chunk; });
    const exited = new Promise<number | null>(resolve => web.once('exit', code => resolve(code)));
    try {
        let address: string | undefined;
        for (let attempt = 0; attempt < 240 && !address && web.exitCode === null; attempt++) {
            address = /VS Code with the CLD extension: (\S+)/.exec(output)?.[1];
            await sleep(250);
        }
        if (!address) throw new Error(`npm run web printed no address:\n${output}`);
        if (!address.startsWith(`http://127.0.0.1:${port}/?folder=`)) throw new Error(`unexpected address ${address}`);
        const page = await fetch(address);
        const html = await page.text();
        if (page.status !== 200 || !html.includes('workbench')) throw new Error(`${address} answered ${page.status} without the workbench`);
        const installed = fs.readdirSync(path.join(scratch, 'web', 'extensions'));
        if (!installed.some(d => d.startsWith(`${EXTENSION_ID}-`))) throw new Error(`the extension is not installed: ${installed.join(', ')}`);
        web.kill('SIGINT');
        const code = await Promise.race([exited, sleep(15_000).then(() => 'hung' as const)]);
        if (code === 'hung') throw new Error('npm run web did not stop within 15 s of Ctrl+C');
        // The kernel closes a killed server's socket a moment after the kill.
        let listening = true;
        for (let attempt = 0; attempt < 40 && listening; attempt++) {
            listening = await canConnectTo(port);
            if (listening) await sleep(250);
        }
        if (listening) throw new Error(`code-server still listens on ${port} 10 s after npm run web stopped`);
    } finally {
        web.kill('SIGKILL');
    }
}

/** After a failure, the servers' logs (VS Code's, the extension host's, the CLD server's) go to test-results/e2e-logs. */
function keepLogs(scratch: string): void {
    const target = path.join(root, 'test-results', 'e2e-logs');
    fs.rmSync(target, { recursive: true, force: true });
    for (const server of ['ui-server', 'ui-zh-cn-server', 'suite-server']) {
        const logs = path.join(scratch, server, 'user-data', 'logs');
        if (fs.existsSync(logs)) fs.cpSync(logs, path.join(target, server), { recursive: true });
        const main = path.join(scratch, server, 'code-server.log');
        if (fs.existsSync(main)) fs.cpSync(main, path.join(target, server, 'code-server.log'));
    }
    console.log(`e2e: the servers' logs are in ${path.relative(root, target)}/`);
}

function slug(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function writeReport(): void {
    const count = (status: Result['status']) => results.filter(r => r.status === status).length;
    const report = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), results };
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'test-results', 'e2e.json'), JSON.stringify(report, null, 2));
    console.log(`\ne2e: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped${report.passed + report.failed > 0 ? ` (screenshots in ${path.relative(root, screenshotDir)}/)` : ''}`);
}

main().then(code => {
    writeReport();
    process.exit(code);
}, error => {
    results.push({ name: 'end-to-end run', status: 'failed', message: error instanceof Error ? error.message : String(error) });
    console.log(`e2e: ${error instanceof Error ? error.stack : String(error)}`);
    writeReport();
    process.exit(1);
});

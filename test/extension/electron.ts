/**
 * `npm run test:electron`: the extension tests (test/extension) in a desktop VS Code downloaded by
 * @vscode/test-electron, for machines that can reach VS Code's download servers. Where they cannot
 * (as on the CI machines, which reach only npm and Debian), it stops within seconds with a message
 * that says so and points to `npm run test:e2e`, which runs the same suite in code-server.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repository = path.resolve(__dirname, '..');
/** An idle timeout: a download that makes no progress for this long is abandoned. */
const DOWNLOAD_IDLE_TIMEOUT_MS = 15_000;

async function main(): Promise<number> {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-electron-'));
    fs.cpSync(path.join(repository, 'examples'), workspace, { recursive: true });
    try {
        return await runTests({
            extensionDevelopmentPath: repository,
            extensionTestsPath: path.join(repository, 'out', 'extension-tests', 'index.cjs'),
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
            timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
            extensionTestsEnv: { CLD_E2E_CORPUS: path.resolve(repository, '..', 'shared', 'data') }
        });
    } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
    }
}

main().then(code => {
    console.log(code === 0 ? 'test:electron: the extension tests passed.' : `test:electron: the extension tests failed (exit ${code}).`);
    process.exit(code);
}, (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error([
        `test:electron: could not run VS Code: ${reason}`,
        '@vscode/test-electron downloads VS Code from update.code.visualstudio.com; this machine cannot reach it.',
        'Run the same extension tests in code-server instead: npm run test:e2e'
    ].join('\n'));
    process.exit(1);
});

/**
 * Starts and stops code-server for the end-to-end tests. Each server runs in its own process
 * group (a new session), so stopping it kills the extension host and the language server with
 * it; every group started is also killed when this process exits, however it exits.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Prerequisites } from './prerequisites.js';

const START_TIMEOUT_MS = 90_000;
const startedGroups = new Set<number>();

process.on('exit', () => {
    for (const pid of startedGroups) killGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
        for (const pid of startedGroups) killGroup(pid, 'SIGKILL');
        process.exit(130);
    });
}

export interface ServerProfile {
    /** Everything the server writes (settings, logs, extensions) goes below this folder. */
    root: string;
    /**
     * VS Code's smoke-test driver, which the extension tests need to run in the browser. It also
     * hides notification toasts, so servers showing the workbench as users see it go without.
     */
    smokeTestDriver?: boolean;
    /** The display language (`--locale`, such as zh-cn): see declareLanguagePack. */
    locale?: string;
}

/**
 * VS Code runs in a display language only when a language pack for it is installed; the
 * Marketplace's packs cannot be downloaded here. So the profile declares an empty one, as VS Code
 * records an installed pack (languagepacks.json in the user-data folder): the workbench then runs
 * in that language, its own texts stay English (the pack translates nothing), and extensions get
 * it as `vscode.env.language`, with their package.nls.<locale>.json and l10n bundle. Only the
 * extension's texts are under test.
 */
function declareLanguagePack(profile: ServerProfile, locale: string): void {
    const pack = path.join(profile.root, 'language-pack');
    fs.mkdirSync(pack, { recursive: true });
    const translations = path.join(pack, 'main.i18n.json');
    fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
    const id = `cld-e2e.language-pack-${locale}`;
    const entry = { hash: `cld-e2e-${locale}`, extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }], translations: { vscode: translations }, label: locale };
    const userData = path.join(profile.root, 'user-data');
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: entry }));
}

export interface RunningServer {
    url: string;
    port: number;
    logFile: string;
    stop(): Promise<void>;
}

function serverArgs(profile: ServerProfile): string[] {
    return [
        '--server-data-dir', path.join(profile.root, 'server-data'),
        '--user-data-dir', path.join(profile.root, 'user-data'),
        '--extensions-dir', path.join(profile.root, 'extensions')
    ];
}

/** Installs a VSIX the way a user would (`--install-extension`), into this server's extensions folder. */
export function installExtension(prerequisites: Prerequisites, profile: ServerProfile, vsix: string): string {
    const result = spawnSync(prerequisites.node, [prerequisites.serverMain, ...serverArgs(profile), '--install-extension', vsix, '--force'], { encoding: 'utf-8', timeout: 120_000 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (result.status !== 0 || /Failed|error/i.test(result.stderr ?? '')) {
        throw new Error(`code-server could not install ${vsix} (exit ${result.status ?? result.signal}):\n${output}${result.error?.message ?? ''}`);
    }
    return output.trim();
}

/**
 * User settings of a fresh profile: no welcome page, chat panel, tips or update checks between
 * the tests and the editor (the machine has no network for them anyway).
 */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off'
};

export async function startCodeServer(prerequisites: Prerequisites, profile: ServerProfile, port?: number, startTimeoutMs = START_TIMEOUT_MS): Promise<RunningServer> {
    port ??= await freePort();
    const userDir = path.join(profile.root, 'user-data', 'User');
    fs.mkdirSync(userDir, { recursive: true });
    // A profile's own settings (npm run web keeps one) are never overwritten.
    const settings = path.join(userDir, 'settings.json');
    if (!fs.existsSync(settings)) fs.writeFileSync(settings, JSON.stringify(USER_SETTINGS, null, 2));
    const logFile = path.join(profile.root, 'code-server.log');
    fs.mkdirSync(profile.root, { recursive: true });
    if (profile.locale) declareLanguagePack(profile, profile.locale);
    const log = fs.openSync(logFile, 'w');
    const child = spawn(prerequisites.node, [
        prerequisites.serverMain,
        '--host', '127.0.0.1', '--port', String(port),
        '--without-connection-token', '--accept-server-license-terms',
        ...(profile.smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
        ...(profile.locale ? ['--locale', profile.locale] : []),
        '--disable-workspace-trust', '--disable-telemetry',
        ...serverArgs(profile)
    ], { detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    if (child.pid === undefined) throw new Error(`code-server did not start: ${prerequisites.node} could not be run.`);
    const pid = child.pid;
    startedGroups.add(pid);
    let exited: string | undefined;
    child.on('exit', (code, signal) => { exited = `exited with ${code ?? signal}`; });
    child.on('error', error => { exited = error.message; });

    const stop = async (): Promise<void> => {
        if (!startedGroups.delete(pid)) return;
        killGroup(pid, 'SIGTERM');
        const deadline = Date.now() + 5000;
        while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
        killGroup(pid, 'SIGKILL');
    };
    try {
        await waitForPort(port, () => exited, startTimeoutMs);
    } catch (error) {
        await stop();
        throw new Error(`code-server did not start: ${error instanceof Error ? error.message : String(error)}\n--- ${logFile} ---\n${tailOf(logFile)}`);
    }
    return { url: `http://127.0.0.1:${port}`, port, logFile, stop };
}

async function waitForPort(port: number, exited: () => string | undefined, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const why = exited();
        if (why) throw new Error(`the process ${why} before listening on port ${port}`);
        if (await canConnect(port)) return;
        await sleep(250);
    }
    throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}

function canConnect(port: number): Promise<boolean> {
    return new Promise(resolve => {
        const socket = net.connect({ host: '127.0.0.1', port });
        socket.once('connect', () => { socket.destroy(); resolve(true); });
        socket.once('error', () => resolve(false));
    });
}

export async function canConnectTo(port: number): Promise<boolean> {
    return canConnect(port);
}

/** A free loopback port: `preferred` if nothing listens there, else one the system picks. */
export function freePort(preferred = 0): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', error => preferred ? resolve(freePort()) : reject(error));
        server.listen(preferred, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
    try { process.kill(-pid, signal); } catch { /* already gone */ }
}

function groupAlive(pid: number): boolean {
    try { process.kill(-pid, 0); return true; } catch { return false; }
}

export function tailOf(file: string, lines = 30): string {
    try {
        return fs.readFileSync(file, 'utf-8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
        return '(no log)';
    }
}

export function sleep(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

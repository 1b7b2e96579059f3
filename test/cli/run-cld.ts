import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../..');
const cli = path.join(repositoryRoot, 'bin', 'cld.cjs');

/**
 * Runs the built CLI (`npm test` builds first) as a user would. An edition exported as JSON is
 * over 1 MB, past spawnSync's default buffer (which silently cuts stdout), so the buffer is large
 * and a buffer overflow or timeout throws instead of returning a truncated result.
 */
export function cld(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    return cldWith({}, ...args);
}

/** The CLI's caches go to a folder of the test run's own unless a test names one (CLD_CACHE_DIR). */
let testCache: string | undefined;

/** `cld` with these environment variables set as well. */
export function cldWith(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
    testCache ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cld-test-cache-'));
    const environment = { ...process.env, CLD_CACHE_DIR: process.env.CLD_CACHE_DIR ?? testCache, ...env };
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf-8', timeout: 60000, maxBuffer: 256 * 1024 * 1024, env: environment });
    if (result.error) throw new Error(`cld ${args.join(' ')}: ${result.error.message}`);
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

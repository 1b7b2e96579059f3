import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where CLD keeps what it worked out before (flat models, precedent indexes): CLD_CACHE_DIR, else
 * $XDG_CACHE_HOME/cld, else ~/.cache/cld (the CLI and the server alike).
 */
export function defaultCacheFolder(): string {
    if (process.env.CLD_CACHE_DIR) return process.env.CLD_CACHE_DIR;
    return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cld');
}

/**
 * Keeps the `keep` most recently used of the files in `dir` whose names `ours` accepts, and
 * removes the rest (a file is used when it is written or read: readers touch it). Best-effort:
 * a file that cannot be looked at or removed stays, and that is never an error.
 */
export function keepRecentlyUsed(dir: string, ours: (name: string) => boolean, keep: number): void {
    try {
        const files = fs.readdirSync(dir).filter(ours);
        if (files.length <= keep) return;
        const used = (name: string) => {
            try {
                return fs.statSync(path.join(dir, name)).mtimeMs;
            } catch {
                return Infinity;
            }
        };
        const byAge = files.map(name => ({ name, used: used(name) })).sort((a, b) => a.used - b.used);
        for (const { name } of byAge.slice(0, files.length - keep)) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
        // Left as it is.
    }
}

/** Marks a cached file as used now (for keepRecentlyUsed); best-effort. */
export function touch(file: string): void {
    try {
        const now = new Date();
        fs.utimesSync(file, now, now);
    } catch {
        // A cache file that cannot be touched is only removed sooner.
    }
}

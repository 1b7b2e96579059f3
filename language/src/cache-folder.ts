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

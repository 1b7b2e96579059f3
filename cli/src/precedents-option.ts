/**
 * The WA editions of `--precedents DIR` (default .cache/wa, where `cld import --all` writes them),
 * for history, conformance and follow: read once (the index cached unless --no-cache), the
 * library's own problems told on stderr, a folder that is missing or cannot be read said in words.
 */
import * as fs from 'node:fs';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { FileError } from '../../language/src/files.js';
import type { PrecedentHistory } from '../../language/src/history/lineage.js';
import { defaultCacheFolder } from '../../language/src/cache-folder.js';
import { loadPrecedents } from '../../language/src/history/precedent-library.js';

export type PrecedentsRead = { ok: true; history: PrecedentHistory; folder: string } | { ok: false; folder: string; missing: boolean; message: string };

export function readPrecedents(command: string, given: string | undefined, noCache = false): PrecedentsRead {
    const folder = given ?? '.cache/wa';
    if (!fs.existsSync(folder)) {
        return { ok: false, folder, missing: true, message: `no folder ${folder} of WA editions${given ? '' : ' (import them first: cld import --all <folder>, or give --precedents DIR)'}` };
    }
    try {
        const library = loadPrecedents(createCldCoreServices().Cld, folder, { cacheDir: noCache ? undefined : defaultCacheFolder() });
        for (const problem of library.problems) console.error(`cld ${command}: ${problem}`);
        return { ok: true, history: library.history, folder };
    } catch (e) {
        if (!(e instanceof FileError)) throw e;
        return { ok: false, folder, missing: false, message: e.message };
    }
}

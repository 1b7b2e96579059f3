/**
 * The flat model of a CLD text, kept on disk by content so that diff and trend do not parse an
 * edition they have parsed before: parsing a full WA edition takes about 100 ms, reading its
 * flat model back about 10. The key is the text and the build of CLD that read it, so a changed
 * file or a new CLD never reads a stale model. The cache is best-effort: a file that cannot be
 * read is parsed again, one that cannot be written is not kept, and neither is ever an error.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keepRecentlyUsed, touch } from '../cache-folder.js';
import { writeOutputFile } from '../files.js';
import type { FlatList } from './flat-items.js';
import type { ParsedList } from './parse-list.js';

export interface FlatCache {
    /** The cache folder (see cache-folder.ts). */
    dir: string;
    /** What identifies the code that builds flat models: a cached model from other code is not read. */
    build: string;
}

/** The most flat models kept; the least recently used go first. */
const MAX_CACHED_MODELS = 64;
const PREFIX = 'flat-';

/**
 * The text's flat model from the cache, else from `parse` (kept for next time). `parse` is called
 * only for a text not in the cache: the CLI loads the parser for it (parse-list.ts and Langium)
 * only then, so that a command on cached editions does not load it at all.
 */
export async function parseFlatListCached(parse: (text: string) => Promise<ParsedList>, text: string, cache: FlatCache | undefined): Promise<ParsedList> {
    if (!cache) return parse(text);
    const file = path.join(cache.dir, `${PREFIX}${createHash('sha256').update(cache.build).update('\0').update(text).digest('hex').slice(0, 40)}.json`);
    const cached = readModel(file);
    if (cached) return { ok: true, list: cached };
    const parsed = await parse(text);
    if (parsed.ok) writeModel(cache.dir, file, parsed.list);
    return parsed;
}

function readModel(file: string): FlatList | undefined {
    try {
        const model = JSON.parse(fs.readFileSync(file, 'utf-8')) as FlatList;
        if (!Array.isArray(model?.items) || !Array.isArray(model.definitions) || typeof model.numbering !== 'string') return undefined;
        touch(file);
        return model;
    } catch {
        return undefined;
    }
}

function writeModel(dir: string, file: string, list: FlatList): void {
    try {
        writeOutputFile(file, JSON.stringify(list), { createFolders: true });
        keepRecentlyUsed(dir, name => name.startsWith(PREFIX) && name.endsWith('.json'), MAX_CACHED_MODELS);
    } catch {
        // Not kept: the next run parses again.
    }
}

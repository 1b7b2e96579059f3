/**
 * A precedent library: a folder of CLD editions (as `cld import --all` writes them), read into
 * one PrecedentHistory. Reading 27 editions and diffing 26 pairs takes seconds, so the result is
 * kept as an index file in a cache folder the caller names, keyed by the editions' contents: a
 * changed, added or removed edition makes a new key, and the index is built again. A missing or
 * corrupt index is rebuilt; bad editions are reported once each and left out, never fatal.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumCoreServices } from 'langium';
import { keepRecentlyUsed, touch } from '../cache-folder.js';
import { decodeSource } from '../documents.js';
import { FileError, readInputFile, writeOutputFile } from '../files.js';
import { parseFlatList } from '../model/parse-list.js';
import { PrecedentHistory, type PrecedentEdition, type Step, precedentEdition } from './lineage.js';
import { SharedStrings } from './shared-strings.js';
import { type Steps, finished, inTurns } from '../stepwise.js';

/**
 * The most indexes kept in the cache folder, the least recently used removed first: each is
 * 24-34 MB for the 27 WA editions, and a new edition, or a new CLD whose matcher changed, makes a
 * new one (the flat models are kept the same way: flat-cache.ts). Four covers a few libraries
 * in use at once.
 */
const MAX_INDEXES = 4;

/** Bumped when the index's shape or the analyses that fill it (the matcher, the diff) change, so old indexes are not read. */
const INDEX_VERSION = 64;

export interface LoadedLibrary {
    history: PrecedentHistory;
    /** One line per problem: an edition that cannot be read or parsed, a duplicate id, an index rebuilt. */
    problems: string[];
    /** Where the index came from: read from the cache, built now (and written), or built without a cache. */
    index: 'loaded' | 'built' | 'none';
}

export interface LoadOptions {
    /** Folder for the index file; without it nothing is written. */
    cacheDir?: string;
    /** Called as editions are read and pairs diffed (for progress reports). */
    progress?: (done: number, total: number, what: string) => void;
}

/** The .cld files of a folder, sorted; an error names the folder when it cannot be read. */
export function editionFiles(folder: string): string[] {
    let names: string[];
    try {
        names = fs.readdirSync(folder);
    } catch (e) {
        throw new FileError(folder, `cannot read the precedents folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return names.filter(n => n.endsWith('.cld')).sort().map(n => path.join(folder, n));
}

/** Reads the library at once (the CLI). */
export function loadPrecedents(services: LangiumCoreServices, folder: string, options: LoadOptions = {}): LoadedLibrary {
    return finished(loadingSteps(services, folder, options, false));
}

export interface LoadInTurnsOptions extends LoadOptions {
    /**
     * Called when the index is not in the cache, before it is built here: it may build and write
     * it elsewhere (the language server's worker thread); the index is then read from the cache.
     * If it does not, the library is built here in turns as usual.
     */
    buildElsewhere?: () => Promise<void>;
}

/** Reads the library a unit of work at a time (an edition parsed, a pair diffed), letting other work run between (the language server). */
export async function loadPrecedentsInTurns(services: LangiumCoreServices, folder: string, options: LoadInTurnsOptions = {}): Promise<LoadedLibrary> {
    // The server keeps the library as long as it runs: its repeated strings are kept once.
    return inTurns(loadingSteps(services, folder, options, true), yielded =>
        yielded === 'index missing' && options.buildElsewhere ? options.buildElsewhere() : new Promise(resolve => setImmediate(resolve)));
}

/**
 * The largest file read as a precedent edition. WA editions are 0.2-0.8 MB; a list at the 10 MB
 * limit in the same folder (a national list's folder is read as its editions) took the server's
 * indexing worker another 900 MB and 5 s, beside the same list open in the editor.
 */
export const MAX_PRECEDENT_BYTES = 4 * 1024 * 1024;

/** The editions' files, read one a step (27 editions are 18 MB: decoding them at once held the server). */
function* readSources(folder: string): Steps<{ sources: Array<{ file: string; text: string }>; problems: string[] }> {
    const problems: string[] = [];
    const sources: Array<{ file: string; text: string }> = [];
    for (const file of editionFiles(folder)) {
        yield;
        try {
            const bytes = fs.statSync(file).size;
            if (bytes > MAX_PRECEDENT_BYTES) {
                problems.push(`${file}: ${(bytes / 1048576).toFixed(1)} MB, larger than any WA edition (precedents are read up to ${MAX_PRECEDENT_BYTES / 1048576} MB); left out of the precedents`);
                continue;
            }
            const source = decodeSource(readInputFile(file));
            if (source.ok) sources.push({ file, text: source.text });
            else problems.push(`${file}:${source.line}:${source.column}: ${source.message}; left out of the precedents`);
        } catch (e) {
            if (!(e instanceof FileError)) throw e;
            problems.push(`${e.message}; left out of the precedents`);
        }
    }
    return { sources, problems };
}

/** Yields between units of work; 'index missing' once, when the cache has no index for these editions. */
function* loadingSteps(services: LangiumCoreServices, folder: string, options: LoadOptions, shareStrings: boolean): Steps<LoadedLibrary, 'index missing' | void> {
    const { sources, problems } = yield* readSources(folder);
    const key = yield* indexKey(sources);
    const indexFile = options.cacheDir ? path.join(options.cacheDir, `precedents-${key}.jsonl`) : undefined;
    if (indexFile && !fs.existsSync(indexFile)) yield 'index missing';
    if (indexFile && fs.existsSync(indexFile)) {
        const loaded = yield* readIndex(indexFile, key, folder, shareStrings ? new SharedStrings() : undefined);
        if (loaded) return { history: loaded.history, problems: [...problems, ...loaded.problems], index: 'loaded' };
        problems.push(`the precedent index ${indexFile} could not be read; it is built again`);
    }
    const editions: PrecedentEdition[] = [];
    const ids = new Map<string, string>();
    for (const [i, { file, text }] of sources.entries()) {
        options.progress?.(i, sources.length, path.basename(file));
        yield;
        const parsed = parseFlatList(services, text);
        if (!parsed.ok) {
            const first = parsed.problems[0];
            problems.push(`${file}:${first.line}:${first.column}: ${first.message} (${parsed.problems.length} syntax error(s)); left out of the precedents`);
            continue;
        }
        const edition = precedentEdition(file, parsed.list);
        const seen = ids.get(edition.id);
        if (seen) {
            problems.push(`${file}: edition id "${edition.id}" is also ${seen}; only the first is used`);
            continue;
        }
        ids.set(edition.id, file);
        editions.push(edition);
    }
    const history = new PrecedentHistory(editions);
    if (!indexFile) return { history, problems, index: 'none' };
    for (let k = 0; k < history.editions.length - 1; k++) {
        options.progress?.(k, history.editions.length - 1, `${history.editions[k].id} -> ${history.editions[k + 1].id}`);
        yield;
        history.step(k);
    }
    try {
        writeOutputFile(indexFile, indexLines(history, key, problems), { createFolders: true });
        keepRecentlyUsed(path.dirname(indexFile), name => /^precedents-[0-9a-f]+\.jsonl?$/.test(name), MAX_INDEXES);
    } catch (e) {
        if (!(e instanceof FileError)) throw e;
        problems.push(`the precedent index could not be written (${e.message}); it will be built again next time`);
    }
    return { history, problems, index: 'built' };
}

/** The editions' names and contents, hashed (one edition a step): the same folder gives the same key. */
function* indexKey(sources: Array<{ file: string; text: string }>): Steps<string> {
    const hash = createHash('sha256').update(`cld-precedents ${INDEX_VERSION}\n`);
    for (const { file, text } of sources) {
        yield;
        hash.update(`${path.basename(file)}\n${text.length}\n${text}\n`);
    }
    return hash.digest('hex').slice(0, 24);
}

/**
 * The index file: JSON Lines, so that it is read a line at a time (the server lets other work in
 * between; one JSON.parse of the whole 24 MB held it for 0.3-0.8 s). The first line is the header,
 * then one line per edition and one per step between two editions, in order.
 */
interface IndexHeader {
    version: number;
    key: string;
    problems: string[];
    editions: number;
    steps: number;
}
type IndexStep = { diff: Step['diff']; forward: Array<[string, string]> };

function indexLines(history: PrecedentHistory, key: string, problems: string[]): string {
    const steps = history.allSteps();
    const header: IndexHeader = { version: INDEX_VERSION, key, problems: problems.filter(p => !p.includes('precedent index')), editions: history.editions.length, steps: steps.length };
    return [
        JSON.stringify(header),
        // File names only: the same editions in another folder have the same key, and their files are there.
        ...history.editions.map(e => JSON.stringify({ ...e, file: path.basename(e.file) })),
        ...steps.map(s => JSON.stringify({ diff: s.diff, forward: [...s.forward] } satisfies IndexStep)),
    ].join('\n') + '\n';
}

/** The index read back a line a step, or undefined when it is not this key's, not this version's or not whole. */
function* readIndex(file: string, key: string, folder: string, strings: SharedStrings | undefined): Steps<{ history: PrecedentHistory; problems: string[] } | undefined> {
    try {
        // Bytes, decoded a line at a time.
        const bytes = fs.readFileSync(file);
        let start = 0;
        const nextLine = (): unknown => {
            const end = bytes.indexOf(10, start);
            if (end < 0) throw new Error('the index ends early');
            const line = JSON.parse(bytes.toString('utf8', start, end));
            start = end + 1;
            return line;
        };
        const shared = (line: unknown) => (strings ? strings.share(line) : line);
        const header = nextLine() as IndexHeader;
        if (header.version !== INDEX_VERSION || header.key !== key || !Number.isInteger(header.editions) || !Number.isInteger(header.steps)) return undefined;
        if (header.steps !== Math.max(0, header.editions - 1)) return undefined;
        const editions: PrecedentEdition[] = [];
        for (let k = 0; k < header.editions; k++) {
            yield;
            const edition = shared(nextLine()) as PrecedentEdition;
            editions.push({ ...edition, file: path.join(folder, path.basename(edition.file)) });
        }
        const steps: Step[] = [];
        for (let k = 0; k < header.steps; k++) {
            yield;
            const s = shared(nextLine()) as IndexStep;
            steps.push({ diff: s.diff, forward: new Map(s.forward), backward: new Map(s.forward.map(([a, b]) => [b, a] as [string, string])) });
        }
        if (start !== bytes.length) return undefined;
        touch(file);
        return { history: new PrecedentHistory(editions, steps), problems: Array.isArray(header.problems) ? header.problems : [] };
    } catch {
        return undefined;
    }
}

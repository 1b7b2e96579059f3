import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeSource } from '../../language/src/documents.js';
import { FileError, readInputFile, writeOutputFile } from '../../language/src/files.js';
import { terminalSafe } from '../../language/src/text-safety.js';
import { diffLists } from '../../language/src/diff/diff.js';
import { BUILD_ID } from '../../language/src/build-id.js';
import { type FlatCache, parseFlatListCached } from '../../language/src/model/flat-cache.js';
import { defaultCacheFolder } from '../../language/src/cache-folder.js';
import { DIFF_FORMATS, type DiffFormat, listName, renderDiff } from '../../language/src/diff/diff-format.js';
import { diffBlocks, wordDocument } from '../../language/src/export/word-report.js';
import { computeTrend, type EditionFile, renderTrend } from '../../language/src/diff/trend.js';
import type { FlatList } from '../../language/src/model/flat-items.js';
import type { ParsedList } from '../../language/src/model/parse-list.js';

export const DIFF_USAGE = `Usage: cld diff <old.cld> <new.cld> [--format text|json|md|html|docx] [-o FILE] [--exit-code] [--no-cache]

Compares two editions item by item: added, removed, renumbered, reworded, thresholds tightened or
relaxed (computed exactly from the thresholds), tier, note and definition changes, summed per
category. text reads like a changelog, md is ready for an explanatory memo, html is a standalone
report with a chart, json is the full model. Each file's parsed model is kept in $XDG_CACHE_HOME/cld (or ~/.cache/cld),
keyed by its contents, so a file diffed before is not parsed again; --no-cache neither reads nor
writes it.
Exit codes: 0 compared (with --exit-code: 0 no changes, 1 changes), 2 a file could not be read or parsed.`;

export const TREND_USAGE = `Usage: cld trend <folder of editions | files...> [--format text|json|md|html] [-o FILE] [--no-cache]

Diffs each consecutive pair of editions (ordered by their edition year and date) and sums the
changes per year and category. For the WA editions, import them first: cld import --all <folder>.
Parsed editions are cached as for cld diff; --no-cache neither reads nor writes the cache.
Exit codes: 0 done, 2 fewer than two editions, or a file could not be read or parsed.`;

type Loaded = { ok: true; list: FlatList } | { ok: false; message: string };

/** A text's flat model, parsed. */
export type Parse = (text: string) => Promise<ParsedList>;

/**
 * The parser of flat models, loaded (with Langium and the core's services) when the first file
 * must be parsed: a diff or trend of editions whose models are cached never loads it, about an
 * eighth of a warm `cld diff` (bench/fixes.md).
 */
export function lazyParse(): Parse {
    let loading: Promise<(text: string) => ParsedList> | undefined;
    return async text => {
        loading ??= Promise.all([import('../../language/src/cld-module.js'), import('../../language/src/model/parse-list.js')])
            .then(([{ createCldCoreServices }, { parseFlatList }]) => {
                const services = createCldCoreServices().Cld;
                return (source: string) => parseFlatList(services, source);
            });
        return (await loading)(text);
    };
}

/** The flat-model cache unless --no-cache (and none for a build without an id). */
export function flatCache(noCache: boolean | undefined): FlatCache | undefined {
    return noCache || !BUILD_ID ? undefined : { dir: defaultCacheFolder(), build: BUILD_ID };
}

export async function loadList(parse: Parse, file: string, cache: FlatCache | undefined): Promise<Loaded> {
    let bytes: Buffer;
    try {
        bytes = readInputFile(file);
    } catch (e) {
        if (e instanceof FileError) return { ok: false, message: e.message };
        throw e;
    }
    const source = decodeSource(bytes);
    if (!source.ok) return { ok: false, message: `${file}:${source.line}:${source.column}: ${source.message}` };
    const parsed = await parseFlatListCached(parse, source.text, cache);
    if (!parsed.ok) {
        const shown = parsed.problems.slice(0, 5).map(p => `${file}:${p.line}:${p.column}: ${p.message}`);
        const more = parsed.problems.length > 5 ? [`... and ${parsed.problems.length - 5} more`] : [];
        return { ok: false, message: [...shown, ...more, `${file} has syntax errors; fix them first (cld validate ${file})`].join('\n') };
    }
    return { ok: true, list: parsed.list };
}

type Options = { parsed: { values: { output?: string; 'exit-code'?: boolean; 'no-cache'?: boolean }; positionals: string[] }; format: DiffFormat | 'docx' } | { exit: number };

/** The arguments of diff and trend; `word` allows --format docx (a Word document, written with -o). */
function parseOptions(command: string, args: string[], usage: string, word = false): Options {
    try {
        const parsed = parseArgs({
            args, allowPositionals: true,
            options: { format: { type: 'string', short: 'f', default: 'text' }, output: { type: 'string', short: 'o' }, 'exit-code': { type: 'boolean' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        });
        if (parsed.values.help) {
            console.log(usage);
            return { exit: 0 };
        }
        const format = parsed.values.format as DiffFormat | 'docx';
        const formats: string[] = word ? [...DIFF_FORMATS, 'docx'] : [...DIFF_FORMATS];
        if (!formats.includes(format)) return failure(`cld ${command}: unknown format '${format}' (use ${formats.join(', ')})`);
        if (format === 'docx' && !parsed.values.output) return failure(`cld ${command}: a Word document is written to a file: give -o <file.docx>`);
        return { parsed, format };
    } catch (e) {
        return failure(`cld ${command}: ${(e as Error).message}\n\n${usage}`);
    }
}

function failure(message: string): { exit: number } {
    console.error(message);
    return { exit: 2 };
}

/** Writes the report to -o FILE (files.ts: atomic, links followed, nothing else replaced) or stdout; false after a message. */
function write(command: string, output: string | undefined, text: string | Uint8Array): boolean {
    if (!output) {
        process.stdout.write(terminalSafe(text as string));
        return true;
    }
    try {
        writeOutputFile(output, text);
        return true;
    } catch (e) {
        if (!(e instanceof FileError)) throw e;
        console.error(`cld ${command}: ${e.message}`);
        return false;
    }
}

export async function diffCommand(args: string[]): Promise<number> {
    const options = parseOptions('diff', args, DIFF_USAGE, true);
    if ('exit' in options) return options.exit;
    const { parsed, format } = options;
    if (parsed.positionals.length !== 2) {
        console.error(`cld diff: name two .cld files, the old edition and the new\n\n${DIFF_USAGE}`);
        return 2;
    }
    const parse = lazyParse();
    const cache = flatCache(parsed.values['no-cache']);
    const [oldFile, newFile] = parsed.positionals;
    const loaded = [await loadList(parse, oldFile, cache), await loadList(parse, newFile, cache)];
    const failures = loaded.filter((l): l is { ok: false; message: string } => !l.ok);
    if (failures.length > 0) {
        failures.forEach(f => console.error(f.message));
        return 2;
    }
    const [oldList, newList] = loaded.map(l => (l as { ok: true; list: FlatList }).list);
    const diff = diffLists(oldList, newList, { old: oldFile, new: newFile });
    for (const warning of diff.warnings) console.error(`cld diff: ${warning}`);
    const report = format === 'docx' ? await wordDocument(`${listName(diff.old)} -> ${listName(diff.new)}`, diffBlocks(diff)) : renderDiff(diff, format);
    if (!write('diff', parsed.values.output, report)) return 2;
    return parsed.values['exit-code'] && diff.changes.length > 0 ? 1 : 0;
}

export async function trendCommand(args: string[]): Promise<number> {
    const options = parseOptions('trend', args, TREND_USAGE);
    if ('exit' in options) return options.exit;
    const { parsed, format } = options;
    const files: string[] = [];
    for (const arg of parsed.positionals) {
        if (fs.existsSync(arg) && fs.statSync(arg).isDirectory()) {
            files.push(...fs.readdirSync(arg).filter(f => f.endsWith('.cld')).sort().map(f => path.join(arg, f)));
        } else {
            files.push(arg);
        }
    }
    if (files.length < 2) {
        console.error(`cld trend: need at least two editions, found ${files.length}${parsed.positionals.length ? ` in ${parsed.positionals.join(', ')}` : ''}\n\n${TREND_USAGE}`);
        return 2;
    }
    const parse = lazyParse();
    const cache = flatCache(parsed.values['no-cache']);
    const editions: EditionFile[] = [];
    let failed = false;
    for (const file of files) {
        const loaded = await loadList(parse, file, cache);
        if (loaded.ok) editions.push({ file, list: loaded.list });
        else {
            console.error(loaded.message);
            failed = true;
        }
    }
    if (failed) return 2;
    return write('trend', parsed.values.output, renderTrend(computeTrend(editions), format as DiffFormat)) ? 0 : 2;
}

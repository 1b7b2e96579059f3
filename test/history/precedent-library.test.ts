import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { loadPrecedents, loadPrecedentsInTurns } from '../../language/src/history/precedent-library.js';
import { renderLineage } from '../../language/src/history/lineage-format.js';
import { repositoryRoot } from '../cli/run-cld.js';

const { Cld } = createCldCoreServices();
const series = join(repositoryRoot, 'examples', 'wa-series');
const codes = ['3.A.1.a.3', '4.A.3.a', '3.B.1.a'];
let cache: string;

beforeEach(() => { cache = mkdtempSync(join(tmpdir(), 'cld-library-')); });
afterEach(() => rmSync(cache, { recursive: true, force: true }));

const lineages = (library: ReturnType<typeof loadPrecedents>) => codes.map(code => {
    const lineage = library.history.lineage(code);
    return lineage ? renderLineage(lineage, 'json') : undefined;
});

describe('the precedent index', () => {
    test('read back, it gives the lineages the editions give when built', async () => {
        const built = loadPrecedents(Cld, series, { cacheDir: cache });
        expect(built.index).toBe('built');
        const loaded = await loadPrecedentsInTurns(Cld, series, { cacheDir: cache });
        expect(loaded.index).toBe('loaded');
        expect(lineages(loaded)).toEqual(lineages(built));
        expect(lineages(built).every(Boolean)).toBe(true);
        expect(loaded.history.editions.map(e => e.file)).toEqual(built.history.editions.map(e => e.file));
    });

    test('is read in turns: other work runs between its editions and steps (the server held for 0.3-0.8 s on the WA editions)', async () => {
        loadPrecedents(Cld, series, { cacheDir: cache });
        let turns = 0;
        let counting = true;
        const count = () => { if (!counting) return; turns++; setImmediate(count); };
        setImmediate(count);
        const loaded = await loadPrecedentsInTurns(Cld, series, { cacheDir: cache });
        counting = false;
        expect(loaded.index).toBe('loaded');
        // 4 editions and 3 steps between them in the index, and the 4 files read and hashed.
        expect(turns).toBeGreaterThan(4 + 3);
    });

    test('an index cut short is built again, and says so', () => {
        loadPrecedents(Cld, series, { cacheDir: cache });
        const [file] = readdirSync(cache);
        const text = readFileSync(join(cache, file), 'utf8');
        writeFileSync(join(cache, file), text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
        const again = loadPrecedents(Cld, series, { cacheDir: cache });
        expect(again.index).toBe('built');
        expect(again.problems.join('\n')).toContain('could not be read; it is built again');
        expect(loadPrecedents(Cld, series, { cacheDir: cache }).index).toBe('loaded');
    });

    test('the cache keeps the four indexes used last: a fifth library removes the one unused longest, a read counts as a use', async () => {
        // Six libraries, each the series with one edition changed by a comment (so each has its own key).
        const libraries = [1, 2, 3, 4, 5, 6].map(n => {
            const folder = join(cache, `library-${n}`);
            cpSync(series, folder, { recursive: true });
            appendFileSync(join(folder, readdirSync(folder).find(f => f.endsWith('.cld'))!), `\n// library ${n}\n`);
            return folder;
        });
        const indexes = join(cache, 'indexes');
        const indexFiles = () => readdirSync(indexes).filter(f => f.startsWith('precedents-')).sort();
        const used: string[] = [];
        // Each use a second apart (file times), oldest first.
        const stamp = (k: number) => { for (const file of indexFiles()) if (!used.includes(file)) { used.push(file); utimesSync(join(indexes, file), 1_000_000 + k, 1_000_000 + k); } };
        for (const [k, folder] of libraries.slice(0, 4).entries()) {
            expect(loadPrecedents(Cld, folder, { cacheDir: indexes }).index).toBe('built');
            stamp(k);
        }
        expect(indexFiles()).toHaveLength(4);
        // The first library read again: now used last.
        expect(loadPrecedents(Cld, libraries[0], { cacheDir: indexes }).index).toBe('loaded');
        expect(loadPrecedents(Cld, libraries[4], { cacheDir: indexes }).index).toBe('built');
        const left = indexFiles();
        expect(left).toHaveLength(4);
        expect(left).toContain(used[0]);
        expect(left).not.toContain(used[1]);
        expect(loadPrecedents(Cld, libraries[0], { cacheDir: indexes }).index).toBe('loaded');
        expect(loadPrecedents(Cld, libraries[1], { cacheDir: indexes }).index).toBe('built');
    });
});

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { repositoryRoot } from '../cli/run-cld.js';
import { LspTestClient } from './lsp-client.js';

// The WA precedent on hover, over a real LSP connection to the built server, with the hand-made
// series of examples/wa-series as the precedent library.
const series = join(repositoryRoot, 'examples', 'wa-series');
const national = `list "National list"
id "NL-2020"
edition "2020" date 2020-06-01
numbering eccn
parameter app: performance unit WT "Adjusted Peak Performance"
category 4 "Computers" {
    group A "Systems" {
        entry 4A003 "Digital computers and related equipment, as follows:" {
            item a "Digital computers having an Adjusted Peak Performance exceeding 8 Weighted TeraFLOPS;" { app > 8 WT }
        }
    }
}
`;
const nationalUri = 'file:///national/nl-2020.cld';

let cache: string;
let client: LspTestClient;

function at(text: string, needle: string, delta = 1): { textDocument: { uri: string }; position: { line: number; character: number } } {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset);
    return { textDocument: { uri: nationalUri }, position: { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 } };
}

async function hoverText(params: unknown, c = client): Promise<string> {
    const hover = await c.request<Hover | null>('textDocument/hover', params);
    return hover ? (hover.contents as { value: string }).value : '';
}

/** The library loads in turns after the first hover asks for it; hovers meanwhile say "indexing". */
async function hoverWhenIndexed(params: unknown, c = client): Promise<string> {
    const deadline = Date.now() + 30000;
    for (;;) {
        const text = await hoverText(params, c);
        if (!text.includes('indexing the editions') || Date.now() > deadline) return text;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'cld-hover-cache-'));
    process.env.CLD_CACHE_DIR = cache;
    client = new LspTestClient();
    await client.initialize(null, { precedents: { path: series } });
    client.open(nationalUri, national);
    await client.waitForDiagnostics(nationalUri);
}, 30000);

afterAll(async () => {
    await client.shutdown();
    delete process.env.CLD_CACHE_DIR;
    rmSync(cache, { recursive: true, force: true });
});

describe('WA precedent on hover', () => {
    test('a national item (ECCN 4A003.a, read as WA 4.A.3.a): since when, each change with year and direction, the WA text', async () => {
        const text = await hoverWhenIndexed(at(national, 'item a "Digital'));
        expect(text).toContain('**WA precedent** 4.A.3.a: in force since 2012 (WA-SERIES (12) 1); 4 change(s) in 4 editions');
        expect(text).toContain('- 2019 app, relaxed, \\> 8 WT -\\> \\> 29 WT');
        expect(text).toContain('- 2014 app, relaxed, \\> 1.5 WT -\\> \\> 8 WT');
        // The rewording that only restates the new number is left out of the hover.
        expect(text).not.toContain('reworded');
        expect(text).toMatch(/WA text \(WA-SERIES \(19\) 1\): Digital computers having an Adjusted Peak Performance exceeding 29/);
    });

    test('on a threshold: that parameter in every WA edition, as a table', async () => {
        const text = await hoverWhenIndexed(at(national, '> 8 WT }', 2));
        expect(text).toContain('`app` in every edition');
        expect(text).toContain('| 2012 | 4.A.3.a | \\> 1.5 WT |');
        expect(text).toContain('| 2014-2017 | 4.A.3.a | \\> 8 WT |');
        expect(text).toContain('| 2019 | 4.A.3.a | \\> 29 WT |');
    });

    test('on a threshold inside an either choice too', async () => {
        const uri = 'file:///national/nl-2020-either.cld';
        const text = national.replace('{ app > 8 WT }', '{ either { app > 8 WT } or { app > 50 WT } }');
        client.open(uri, text);
        await client.waitForDiagnostics(uri);
        const params = at(text, '> 50 WT }', 2);
        const hover = await hoverWhenIndexed({ ...params, textDocument: { uri } });
        expect(hover).toContain('`app` in every edition');
        expect(hover).toContain('| 2019 | 4.A.3.a | \\> 29 WT |');
    });

    test('an item of a WA edition, in a folder of editions, needs no setting; a renumbering shows', async () => {
        const plain = new LspTestClient();
        try {
            await plain.initialize(null);
            const uri = pathToFileURL(join(series, 'wa-series-2019.cld')).href;
            const { readFileSync } = await import('node:fs');
            const text = readFileSync(join(series, 'wa-series-2019.cld'), 'utf8');
            plain.open(uri, text);
            await plain.waitForDiagnostics(uri);
            const offset = text.indexOf('item 3 "Signal generators') + 1;
            const before = text.slice(0, offset);
            const hover = await hoverWhenIndexed({ textDocument: { uri }, position: { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 } }, plain);
            expect(hover).toContain('in force since 2012 (WA-SERIES (12) 1, as 3.A.1.a.2)');
            expect(hover).toContain('- 2017 renumbered 3.A.1.a.2 -\\> 3.A.1.a.3');
            expect(hover).not.toContain('WA text');
        } finally {
            await plain.shutdown();
        }
    });

    test('a first read of the library is built in a worker thread: the server then loads the index the worker wrote', async () => {
        const fresh = mkdtempSync(join(tmpdir(), 'cld-hover-worker-'));
        process.env.CLD_CACHE_DIR = fresh;
        const plain = new LspTestClient();
        process.env.CLD_CACHE_DIR = cache;
        try {
            await plain.initialize(null, { precedents: { path: series } });
            plain.open(nationalUri, national);
            await plain.waitForDiagnostics(nationalUri);
            expect(await hoverWhenIndexed(at(national, 'item a "Digital'), plain)).toContain('**WA precedent** 4.A.3.a');
            expect(readdirSync(fresh).filter(f => /^precedents-.*\.jsonl$/.test(f))).toHaveLength(1);
            // Built by the worker and read here ("loaded"), not built on the server's thread ("built").
            expect(plain.logs.filter(l => l.includes('CLD precedents'))).toEqual([expect.stringMatching(/4 edition\(s\) from .* \(index loaded\)$/)]);
        } finally {
            await plain.shutdown();
            rmSync(fresh, { recursive: true, force: true });
        }
    });

    test('without a setting, the folder the editor\'s import command filled is the library; its reading shows progress', async () => {
        const plain = new LspTestClient();
        try {
            await plain.initialize(null, undefined, { workDoneProgress: true });
            plain.open(nationalUri, national);
            await plain.waitForDiagnostics(nationalUri);
            expect(await hoverText(at(national, 'item a "Digital'), plain)).not.toContain('WA precedent');
            await plain.notify('cld/precedentsImported', { folder: series });
            expect(await hoverWhenIndexed(at(national, 'item a "Digital'), plain)).toContain('**WA precedent** 4.A.3.a');
            const kinds = plain.progress.map(p => p.value.kind);
            expect(kinds[0]).toBe('begin');
            expect(plain.progress[0].value.title).toBe('CLD: indexing the WA editions');
            expect(kinds[kinds.length - 1]).toBe('end');
        } finally {
            await plain.shutdown();
        }
    });

    test('cld/entryHistory: the lineage with word changes and chart series; cld/itemLine: where an edition writes the item', async () => {
        const position = at(national, 'item a "Digital').position;
        const result = await client.request<{ ok: true; lineage: { code: string; versions: Array<{ code: string }> }; files: string[]; words: unknown[]; charts: Array<{ parameter: string; unit: string; points: Array<{ value: number; text: string }> }> }>('cld/entryHistory', { uri: nationalUri, position });
        expect(result.ok).toBe(true);
        expect(result.lineage.code).toBe('4.A.3.a');
        expect(result.files.every(f => f.endsWith('.cld'))).toBe(true);
        expect(result.words[0]).toBeNull();
        expect(result.words[1]).toContainEqual({ op: 'added', text: '8' });
        expect(result.charts).toEqual([{ parameter: 'app', unit: 'WT', points: [
            { version: 0, comparator: '>', value: 1.5, text: '> 1.5 WT' }, { version: 1, comparator: '>', value: 8, text: '> 8 WT' }, { version: 2, comparator: '>', value: 29, text: '> 29 WT' },
        ] }]);
        const { line } = await client.request<{ line: number }>('cld/itemLine', { uri: pathToFileURL(result.files[0]).href, code: '4.A.3.a' });
        const { readFileSync } = await import('node:fs');
        expect(readFileSync(result.files[0], 'utf8').split('\n')[line]).toMatch(/^\s*item a `Digital computers having/);
        const nowhere = await client.request<{ ok: false; message: string }>('cld/entryHistory', { uri: nationalUri, position: { line: 0, character: 1 } });
        expect(nowhere).toEqual({ ok: false, message: expect.stringContaining('put the cursor on an entry or item') });
    });

    test('`cld.hover.history: false` leaves the history out', async () => {
        client.settings = { cld: { hover: { history: false }, precedents: { path: series } } };
        await client.notify('workspace/didChangeConfiguration', { settings: client.settings });
        const text = await hoverText(at(national, 'item a "Digital'));
        expect(text).toContain('**4A003.a** (WA 4.A.3.a)');
        expect(text).not.toContain('WA precedent');
        client.settings = {};
        await client.notify('workspace/didChangeConfiguration', { settings: {} });
    });

    test('a precedents folder that does not exist: the hover is the item alone, and the server lives on', async () => {
        client.settings = { cld: { precedents: { path: join(cache, 'nowhere') } } };
        await client.notify('workspace/didChangeConfiguration', { settings: client.settings });
        const text = await hoverText(at(national, 'item a "Digital'));
        expect(text).toContain('**4A003.a** (WA 4.A.3.a)');
        expect(text).not.toContain('WA precedent');
        expect(client.alive).toBe(true);
        client.settings = {};
        await client.notify('workspace/didChangeConfiguration', { settings: {} });
    });
});

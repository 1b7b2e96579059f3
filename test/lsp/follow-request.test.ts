import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cld, repositoryRoot } from '../cli/run-cld.js';
import { LspTestClient } from './lsp-client.js';

// cld/followTargets and cld/follow over a real LSP connection: "CLD: Follow WA Edition…".
const series = path.join(repositoryRoot, 'examples', 'wa-series');
let dir: string;
let client: LspTestClient;
let text: string;
const uri = 'file:///national/examplia-2017.cld';

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-follow-lsp-'));
    process.env.CLD_CACHE_DIR = dir;
    const start = path.join(dir, 'start.cld');
    expect(cld('new', '--from', path.join(series, 'wa-series-2017.cld'), '-o', start, '--id', 'EX').code).toBe(0);
    text = fs.readFileSync(start, 'utf8');
    client = new LspTestClient();
    await client.initialize(null, { precedents: { path: series } });
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
}, 30000);
afterAll(async () => {
    await client.shutdown();
    delete process.env.CLD_CACHE_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
});

type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
type Answer = { ok: true; from: string; to: string; changes: Array<{ title: string; edits: Edit[] }>; memo: string } | { ok: false; message: string };

describe('cld/follow', () => {
    test('the later editions to follow, then the changes as groups of edits of the open text, and the memo', async () => {
        expect(await client.request('cld/followTargets', { uri })).toEqual({ ok: true, from: 'WA-SERIES (17) 1', editions: ['WA-SERIES (19) 1'] });
        const answer = await client.request<Answer>('cld/follow', { uri, to: 'WA-SERIES (19) 1' });
        expect(answer.ok).toBe(true);
        if (!answer.ok) return;
        expect(answer.changes.map(c => c.title)).toEqual(['4A003.a: take over the WA\'s change of 4.A.3.a', '5A001.a: take over the WA\'s change of 5.A.1.a', 'implement WA-SERIES (19) 1']);
        expect(answer.memo).toContain('## Taken over');
        // All of them accepted: the list the CLI writes (which, written to a new file, also supersedes the old one).
        const all = TextDocument.applyEdits(TextDocument.create(uri, 'cld', 1, text), answer.changes.flatMap(c => c.edits));
        fs.writeFileSync(path.join(dir, 'examplia-2017.cld'), text);
        const out = path.join(dir, 'next.cld');
        expect(cld('follow', path.join(dir, 'examplia-2017.cld'), '--to', 'WA-SERIES (19) 1', '--precedents', series, '-o', out).code).toBe(0);
        expect(all).toBe(fs.readFileSync(out, 'utf8').replace('\nsupersedes "examplia-2017.cld"', ''));
        // One left out: that item stays as it was.
        const some = TextDocument.applyEdits(TextDocument.create(uri, 'cld', 1, text), answer.changes.filter(c => !c.title.startsWith('4A003.a')).flatMap(c => c.edits));
        expect(some).toContain('{ app > 8 WT }');
        expect(some).toContain('implements wassenaar "WA-SERIES (19) 1"');
    });

    test('a parameter two changes need is declared by a change of its own, so either change can be taken alone', async () => {
        // A WA edition where two items gain a limit of a new parameter.
        const library = path.join(dir, 'library');
        fs.mkdirSync(library);
        fs.copyFileSync(path.join(series, 'wa-series-2017.cld'), path.join(library, 'wa-series-2017.cld'));
        const next = fs.readFileSync(path.join(series, 'wa-series-2019.cld'), 'utf8')
            .replace('parameter app:', 'parameter aperture: length unit mm "Aperture"\nparameter app:')
            .replace('item 1 "Microwave solid state amplifiers operating at frequencies exceeding 3.2 GHz;" { frequency > 3.2 GHz }', 'item 1 "Microwave solid state amplifiers operating at frequencies exceeding 3.2 GHz;" { frequency > 3.2 GHz aperture > 5 mm }')
            .replace('item a "Monospectral imaging sensors designed for space use;";', 'item a "Monospectral imaging sensors designed for space use;" { aperture > 5 mm }');
        fs.writeFileSync(path.join(library, 'wa-series-2019.cld'), next);
        const own = new LspTestClient();
        try {
            await own.initialize(null, { precedents: { path: library } });
            own.open(uri, text);
            await own.waitForDiagnostics(uri);
            const answer = await own.request<Answer>('cld/follow', { uri, to: 'WA-SERIES (19) 1' });
            expect(answer.ok).toBe(true);
            if (!answer.ok) return;
            const titles = answer.changes.map(c => c.title);
            expect(titles).toContain('declare the parameter aperture (the WA\'s changes use it)');
            expect(titles.filter(t => t.startsWith('3A001.a.1') || t.startsWith('6A002.a'))).toHaveLength(2);
            const declarations = answer.changes.flatMap(c => c.edits).filter(e => e.newText.includes('parameter aperture'));
            expect(declarations).toHaveLength(1);
            // The second change alone, with the declaration: a list without errors.
            const taken = answer.changes.filter(c => !c.title.startsWith('3A001.a.1') && !c.title.startsWith('4A003.a') && !c.title.startsWith('5A001.a'));
            const followed = TextDocument.applyEdits(TextDocument.create(uri, 'cld', 1, text), taken.flatMap(c => c.edits));
            expect(followed).toMatch(/precedent 6.A.2.a \{\s+aperture > 5 mm\s+\}/);
            expect(followed).not.toContain('frequency > 3.2 GHz aperture');
            const file = path.join(dir, 'taken.cld');
            fs.writeFileSync(file, followed);
            expect(cld('validate', file).code).toBe(0);
        } finally {
            await own.shutdown();
        }
    });

    test('an edition not later than the one implemented is refused', async () => {
        expect(await client.request<Answer>('cld/follow', { uri, to: 'WA-SERIES (14) 1' })).toEqual({ ok: false, message: 'WA-SERIES (14) 1 is not later than WA-SERIES (17) 1, the edition the list implements' });
    });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { repositoryRoot } from '../cli/run-cld.js';
import { LspTestClient, applyEdits } from './lsp-client.js';

// cld/conformance over a real LSP connection to the built server, with the hand-made series of
// examples/wa-series as the precedent library (the same the hover reads).
const series = join(repositoryRoot, 'examples', 'wa-series');
const national = `list "National list"
id "NL-2020"
numbering eccn
implements wassenaar "WA-SERIES (19) 1"
parameter app: performance unit WT "Adjusted Peak Performance"
parameter pout: power unit W
category 3 "Electronics" {
    group A "Systems" {
        entry 3A001 "Electronic items as follows:" {
            item a "Microwave or millimetre wave items, as follows:" {
                item 2 "Microwave power modules with a peak saturated power output exceeding 20 W;" { pout > 20 W }
            }
        }
    }
}
category 4 "Computers" {
    group A "Systems" {
        entry 4A003 "Digital computers and related equipment, as follows:" {
            item a \`Digital computers having an Adjusted Peak Performance exceeding 8 Weighted TeraFLOPS (WT);\` { app > 8 WT }
        }
    }
}
`;
const uri = 'file:///national/conformance.cld';
let cache: string;
let client: LspTestClient;

type Result = { ok: true; report: { waId?: string; problems: string[]; findings: Array<{ kind: string; waCode?: string; nationalCode?: string; follows?: { listId: string } }> }; markdown: string } | { ok: false; message: string };

beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'cld-conformance-cache-'));
    process.env.CLD_CACHE_DIR = cache;
    client = new LspTestClient();
    await client.initialize(null, { precedents: { path: series } });
    client.open(uri, national);
    await client.waitForDiagnostics(uri);
}, 30000);
afterAll(async () => {
    await client.shutdown();
    delete process.env.CLD_CACHE_DIR;
    rmSync(cache, { recursive: true, force: true });
});

describe('cld/conformance', () => {
    test('the open list against the WA edition it implements, from the precedent library: gaps, older editions followed, a Markdown report', async () => {
        const result = await client.request<Result>('cld/conformance', { uri });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.report.waId).toBe('WA-SERIES (19) 1');
        const of = (code: string) => result.report.findings.find(f => f.waCode === code);
        expect(of('3.A.1.a.2')?.kind).toBe('narrower');
        expect(of('4.A.3.a')).toMatchObject({ kind: 'older', follows: { listId: 'WA-SERIES (17) 1' } });
        expect(of('3.B.1.a')?.kind).toBe('not-covered');
        expect(result.markdown).toContain('# Conformance: NL-2020 against WA-SERIES (19) 1');
        // A library read is much to hold: memory is collected sooner from when it starts being read (server/src/large-list-memory.ts).
        expect(client.logs.filter(l => l.includes('memory is collected sooner'))).toEqual([expect.stringMatching(/have \d+ characters, and it holds the WA editions of a precedent library: memory is collected sooner \(the heap grows by 50% at most\)\.$/)]);
    });

    test('another edition with against, one not in the library told, a list never opened refused', async () => {
        const older = await client.request<Result>('cld/conformance', { uri, against: 'WA-SERIES (17) 1' });
        expect(older.ok && older.report.findings.find(f => f.waCode === '4.A.3.a')?.kind).toBe('equal');
        const missing = await client.request<Result>('cld/conformance', { uri, against: 'WA-LIST (25) 1' });
        expect(missing.ok && missing.report.problems.join(' ')).toContain('WA-LIST (25) 1 is not among the 4 WA editions');
        expect(await client.request<Result>('cld/conformance', { uri: 'file:///nowhere.cld' })).toEqual({ ok: false, message: 'open the list first' });
    });
});

/** The diagnostics of `uri` once a publication holds conformance findings (they come when typing pauses). */
async function conformanceDiagnostics(target: string, until: (d: Diagnostic[]) => boolean = d => d.some(x => String(x.code).startsWith('conformance-')), on = client): Promise<Diagnostic[]> {
    const deadline = Date.now() + 20000;
    for (;;) {
        const diagnostics = await on.waitForDiagnostics(target, Math.max(0, deadline - Date.now()));
        if (until(diagnostics)) return diagnostics;
        if (Date.now() > deadline) throw new Error(`no conformance diagnostics: ${JSON.stringify(diagnostics.map(d => d.code))}`);
        on.forgetDiagnostics(target);
    }
}

describe('conformance diagnostics of a list opened before the WA editions are read', () => {
    test('come once they are read, with no edit and no other request', async () => {
        // The editions were indexed by the server of the other tests (this request waits for it),
        // so a new server reads the library from that index, on its first conformance check, in
        // a moment: its answer "still being read" came when the library was read already, and
        // the check asked again while the build it was part of ran, which was not done.
        await client.request<Result>('cld/conformance', { uri });
        const second = new LspTestClient();
        try {
            await second.initialize(null, { precedents: { path: series } });
            second.open(uri, national);
            const diagnostics = await conformanceDiagnostics(uri, undefined, second);
            expect(diagnostics.some(d => d.code === 'conformance-narrower')).toBe(true);
        } finally {
            await second.shutdown();
        }
    }, 30000);
});

describe('conformance diagnostics', () => {
    test('each finding is told on the national item (information by default), an uncovered WA item on the entry above it', async () => {
        const diagnostics = await conformanceDiagnostics(uri);
        const at = (code: string) => diagnostics.filter(d => d.code === code).map(d => ({ line: national.split('\n')[d.range.start.line].trim().slice(0, 12), severity: d.severity, message: d.message }));
        expect(at('conformance-narrower')).toEqual([{ line: 'item 2 "Micr', severity: 3, message: expect.stringContaining('3A001.a.2 controls less than WA 3.A.1.a.2 (WA-SERIES (19) 1) (a gap)') }]);
        expect(at('conformance-older')[0]).toMatchObject({ line: 'item a `Digi', severity: 3, message: expect.stringContaining('follows WA-SERIES (17) 1') });
        // 3.B.1.a: no national entry 3B001, so it is told on the implements line.
        expect(diagnostics.find(d => d.code === 'conformance-not-covered' && String(d.message).startsWith('WA 3.B.1.a '))?.range.start.line).toBe(3);
        // Equal items say nothing unless asked.
        expect(diagnostics.some(d => d.code === 'conformance-equal')).toBe(false);
    });

    test('they come on top of the checks made as you type, which stay', async () => {
        const other = 'file:///national/with-error.cld';
        client.open(other, national.replace('{ pout > 20 W }', '{ pout > 20 parsecs }'));
        const diagnostics = await conformanceDiagnostics(other);
        expect(diagnostics.some(d => d.code === 'conformance-not-covered')).toBe(true);
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.code)).not.toEqual([]);
    });

    test('with more than VS Code\'s 1,000 problems a file, the gaps come first among the information, uncovered WA items after the list\'s own', async () => {
        // 1,100 'local terms' without a definition: information of the list's own, as in the EU's Annex I.
        const terms = Array.from({ length: 1100 }, (_, i) => `'t${i}'`).join(' ');
        const other = 'file:///national/many-findings.cld';
        client.open(other, national.replace('entry 3A001 "Electronic items as follows:" {', `entry 3A001 "Electronic items as follows:" {\n            note "${terms}"`));
        const diagnostics = await conformanceDiagnostics(other);
        // VS Code keeps the first 1,000 of a severity in the order published (ExtHostDiagnostics).
        const shown = diagnostics.filter(d => d.severity === 3).slice(0, 1000).map(d => String(d.code));
        expect(shown.slice(0, 2).sort()).toEqual(['conformance-narrower', 'conformance-older']);
        expect(shown.slice(2).every(code => code === 'local-term-undefined')).toBe(true);
        const codes = diagnostics.map(d => String(d.code));
        expect(codes.indexOf('conformance-not-covered')).toBeGreaterThan(codes.lastIndexOf('local-term-undefined'));
        expect(codes.filter(code => code === 'local-term-undefined')).toHaveLength(1100);
    });

    test('each kind\'s severity is a setting: a gap as a warning, equal items on, other kinds off', async () => {
        client.settings = { cld: { precedents: { path: series }, conformance: { severity: { narrower: 'warning', equal: 'hint', older: 'off' } } } };
        client.forgetDiagnostics(uri);
        await client.notify('workspace/didChangeConfiguration', { settings: client.settings });
        const diagnostics = await conformanceDiagnostics(uri, d => d.some(x => x.code === 'conformance-equal'));
        expect(diagnostics.find(d => d.code === 'conformance-narrower')?.severity).toBe(2);
        expect(diagnostics.find(d => d.code === 'conformance-equal')?.severity).toBe(4);
        expect(diagnostics.some(d => d.code === 'conformance-older')).toBe(false);
        client.settings = {};
        await client.notify('workspace/didChangeConfiguration', { settings: { cld: { precedents: { path: series } } } });
    });
});

describe('the quick fix "Adopt WA <year> text and thresholds"', () => {
    test('rewrites the item from the WA version, keeps its notes, declares what the list lacks; the list then validates and the finding is gone', async () => {
        const target = 'file:///national/adopt.cld';
        const text = national.replace('{ pout > 20 W }', '{\n                    pout > 20 W "exceeding 20 W"\n                    note "Examplia: see also the national licence rules."\n                }');
        client.open(target, text);
        const before = await conformanceDiagnostics(target, d => d.some(x => x.code === 'conformance-narrower'));
        const narrower = before.find(d => d.code === 'conformance-narrower')!;
        const actions = await client.request<Array<{ title: string; edit?: { changes: Record<string, Array<Parameters<typeof applyEdits>[1][number]>> } }>>('textDocument/codeAction', { textDocument: { uri: target }, range: narrower.range, context: { diagnostics: [narrower] } });
        const adopt = actions.find(a => a.title.startsWith('Adopt WA'));
        expect(adopt?.title).toBe('Adopt WA 2019 text and thresholds');
        const fixed = applyEdits(text, adopt!.edit!.changes[target]);
        expect(fixed).toContain('item 2 "Microwave power modules with a peak saturated power output exceeding 10 W;"');
        expect(fixed).toMatch(/\n {20}power > 10 W\n {20}note "Examplia/);
        expect(fixed).not.toContain('pout > 20 W');
        expect(fixed).toContain('note "Examplia: see also the national licence rules."');
        expect(fixed).toMatch(/parameter power: power/);
        client.change(target, fixed);
        const after = await conformanceDiagnostics(target, d => d.some(x => x.code === 'conformance-not-covered'));
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        expect(after.some(d => d.code === 'conformance-narrower')).toBe(false);
    });
});

describe('cld/conformanceSkeleton: a WA item the list does not cover, inserted where it belongs', () => {
    type Edits = { ok: true; edits: Parameters<typeof applyEdits>[1] } | { ok: false; message: string };

    test('below the nearest national item, or as an entry of its group in code order; the list then covers it and validates', async () => {
        const target = 'file:///national/skeleton.cld';
        client.open(target, national);
        await client.waitForDiagnostics(target);
        // 3.A.1.a.3 below the national 3A001.a.
        const item = await client.request<Edits>('cld/conformanceSkeleton', { uri: target, waCode: '3.A.1.a.3' });
        expect(item.ok).toBe(true);
        if (!item.ok) return;
        let text = applyEdits(national, item.edits);
        expect(text).toContain('                item 2 "Microwave power modules with a peak saturated power output exceeding 20 W;" { pout > 20 W }\n                item 3 "Signal generators with a frequency switching time of less than 100 µs;" precedent 3.A.1.a.3 {\n                    switching_time < 100 us\n                }\n');
        expect(text).toContain('parameter switching_time: time');
        // 3.B.1, a whole entry the list lacks, with its group.
        client.change(target, text);
        await client.waitForDiagnostics(target);
        const entry = await client.request<Edits>('cld/conformanceSkeleton', { uri: target, waCode: '3.B.1' });
        expect(entry.ok).toBe(true);
        if (!entry.ok) return;
        text = applyEdits(text, entry.edits);
        expect(text).toMatch(/ {4}group B \{\n {8}entry 3B001 "Equipment for the manufacturing of semiconductor devices, as follows:" precedent 3\.B\.1 \{\n {12}item a "Lithography equipment/);
        client.change(target, text);
        const after = await conformanceDiagnostics(target, d => d.some(x => String(x.code).startsWith('conformance-')));
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        expect(after.filter(d => d.code === 'conformance-not-covered').map(d => String(d.message).split(' ')[1])).not.toContain('3.B.1.a');
        const report = await client.request<Result>('cld/conformance', { uri: target });
        expect(report.ok && report.report.findings.filter(f => f.kind === 'not-covered').map(f => f.waCode)).not.toEqual(expect.arrayContaining(['3.A.1.a.3', '3.B.1', '3.B.1.a']));
    });

    test('the same, as the quick fix of a "not covered" diagnostic', async () => {
        const target = 'file:///national/skeleton-fix.cld';
        client.open(target, national);
        const diagnostics = await conformanceDiagnostics(target, d => d.some(x => x.code === 'conformance-not-covered'));
        const uncovered = diagnostics.find(d => d.code === 'conformance-not-covered' && String(d.message).startsWith('WA 3.A.1.a.3 '))!;
        const actions = await client.request<Array<{ title: string; edit?: { changes: Record<string, Parameters<typeof applyEdits>[1]> } }>>('textDocument/codeAction', { textDocument: { uri: target }, range: uncovered.range, context: { diagnostics: [uncovered] } });
        const insert = actions.find(a => a.title === 'Insert WA 3.A.1.a.3 as a skeleton entry');
        expect(insert).toBeDefined();
        expect(applyEdits(national, insert!.edit!.changes[target])).toContain('item 3 "Signal generators with a frequency switching time of less than 100 µs;" precedent 3.A.1.a.3 {');
    });

    test('a code the WA edition lacks is told', async () => {
        expect(await client.request<Edits>('cld/conformanceSkeleton', { uri, waCode: '3.A.9' })).toEqual({ ok: false, message: '3.A.9 is not in WA-SERIES (19) 1' });
    });
});

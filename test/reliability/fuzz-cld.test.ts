import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { diffLists } from '../../language/src/diff/diff.js';
import { formatCld, formatLineRange, splitLines } from '../../language/src/formatter/format.js';

// Mutated CLD through the parser, the validator, the formatter and the diff: every input ends in
// diagnostics with positions inside the text, never in an exception. CLD_FUZZ_RUNS raises the
// number of cases (`npm run fuzz`); the suite runs a bounded number. Seeds of failures found so
// far are kept in REGRESSIONS.
const RUNS = Number(process.env.CLD_FUZZ_RUNS ?? 60);
const examples = ['examplia/examplia-2024.cld', 'examplia/examplia-2025.cld', 'wa-excerpt/wa-2021-excerpt.cld', 'errors/diagnostics-demo.cld']
    .map(f => fs.readFileSync(path.resolve(__dirname, '../../examples', f), 'utf-8'));
const imported = path.resolve(__dirname, '../../.cache/wa/WA-LIST-21-1.cld');
if (fs.existsSync(imported)) examples.push(fs.readFileSync(imported, 'utf-8').slice(0, 200_000));

/** Inputs that once broke something: kept so that they always run. */
const REGRESSIONS = [
    'list "x"\n' + 'category 1 "C" {\ngroup A "G" {\nentry 1.A.1 "E" {\n' + 'item a "t" {\n'.repeat(200) + '}\n'.repeat(203),
    'list "x"\rcategory 3 "E" {\r\ngroup A "G" {\n entry 3A001 "e"\r}\n}\n',
    '',
    'list "x" numbering eccn category 3 { group A { entry 3A001 "e" { item a "t" { p < 99999999999999999999999999999999999 nm } } } }',
];

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'bytes' | 'nest' | 'number' | 'long' | 'cr'; at: number; other: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'swap', 'bytes', 'nest', 'number', 'long', 'cr'),
    at: fc.nat(), other: fc.nat(), text: fc.string({ maxLength: 12 }),
});

function mutate(source: string, mutations: Mutation[]): string {
    let lines = splitLines(source);
    for (const m of mutations) {
        const i = m.at % Math.max(1, lines.length);
        const j = m.other % Math.max(1, lines.length);
        switch (m.kind) {
            case 'delete': lines.splice(i, 1); break;
            case 'duplicate': lines.splice(i, 0, lines[i] ?? ''); break;
            case 'swap': [lines[i], lines[j]] = [lines[j], lines[i]]; break;
            case 'bytes': { const line = lines[i] ?? ''; const k = m.other % (line.length + 1); lines[i] = line.slice(0, k) + m.text + line.slice(k); break; }
            case 'nest': lines.splice(i, 0, 'item a "x" {'.repeat(1 + (m.other % 90))); break;
            case 'number': lines[i] = (lines[i] ?? '').replace(/\d+/, '9'.repeat(1 + (m.other % 60))); break;
            case 'long': lines[i] = (lines[i] ?? '') + 'x'.repeat(m.other % 20000); break;
            case 'cr': lines = lines.join('\r').split('\n'); break;
        }
    }
    return lines.join('\n');
}

async function checkEverything(text: string): Promise<void> {
    // Let vitest's worker talk to its runner between cases (a long run blocked it until it timed out).
    await new Promise(resolve => setImmediate(resolve));
    const { shared, Cld } = createCldCoreServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///fuzz-${Math.random()}.cld`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const lines = splitLines(text);
    for (const d of document.diagnostics ?? []) {
        expect(d.code, typeof d.message === 'string' ? d.message : d.message.value).not.toBe('check-failed');
        expect(d.range.start.line).toBeGreaterThanOrEqual(0);
        expect(d.range.start.line).toBeLessThanOrEqual(lines.length);
    }
    const formatted = formatCld(text);
    expect(formatted.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(formatLineRange(text, 0, lines.length - 1)).toHaveLength(lines.length);
    const flat = parseFlatList(Cld, text);
    if (flat.ok) expect(diffLists(flat.list, flat.list).changes).toEqual([]);
}

describe('fuzzing CLD input', () => {
    test.each(REGRESSIONS.map((text, i) => [i, text]))('regression %i', async (_, text) => {
        await checkEverything(text as string);
    });

    test('mutated examples and WA editions: parser, validator, formatter and diff never throw', async () => {
        await fc.assert(fc.asyncProperty(fc.nat(examples.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (which, mutations) => {
            await checkEverything(mutate(examples[which], mutations));
        }), { numRuns: RUNS, seed: Number(process.env.CLD_FUZZ_SEED ?? 20261127) });
    }, 600000);
});

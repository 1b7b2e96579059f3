import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { type AstNode, type LangiumParser, type ParseResult, URI, isOperationCancelled } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { PARSE_IN_PIECES_FROM } from '../../language/src/document-factory.js';
import { importEdition } from '../../language/src/importer/edition.js';
import { writeEdition } from '../../language/src/importer/write-cld.js';
import { parseInPieces } from '../../language/src/parse-in-pieces.js';
import { inTurns } from '../../language/src/stepwise.js';
import { syntheticList } from '../../bench/synthetic-list.mjs';
import { munitions, shapeOf } from './tree-shape.js';

// A large list's first parse, block by block with pauses between, must give the tree a full
// parse gives (the same AST and CST, every leaf's place and grammar element), or nothing, and
// then the caller parses the whole text. Compared on the examples, on WA editions imported from
// the official documents, and on random mutations of lists.

const { Cld } = createCldCoreServices();
const parser = Cld.parser.LangiumParser;
const inPieces = (text: string, pause: () => Promise<void> = async () => {}) => inTurns(parseInPieces(parser, Cld.Grammar, text), pause);

const examplesDir = path.resolve(__dirname, '..', '..', 'examples');
const examples = fs.readdirSync(examplesDir, { recursive: true, encoding: 'utf-8' })
    .filter(file => file.endsWith('.cld') && !file.includes('errors'))
    .map(file => [file, fs.readFileSync(path.join(examplesDir, file), 'utf-8')] as const);


describe('parse in pieces', () => {
    test('a munitions and dual-use list with comments everywhere, bodyless blocks and braces in texts: the same tree as a full parse', async () => {
        const pieces = await inPieces(munitions);
        expect(pieces).toBeDefined();
        expect(shapeOf(pieces!)).toEqual(shapeOf(parser.parse(munitions)));
    });

    for (const [name, text] of examples) {
        test(`the example ${name}: the same tree as a full parse`, async () => {
            const pieces = await inPieces(text);
            expect(pieces).toBeDefined();
            expect(shapeOf(pieces!)).toEqual(shapeOf(parser.parse(text)));
        });
    }

    test('a generated list of 300 entries, with line breaks \\r\\n and \\r: the same tree as a full parse', async () => {
        for (const text of [syntheticList(300), syntheticList(300).replace(/\n/g, '\r\n'), syntheticList(300).replace(/\n/g, '\r')]) {
            const pieces = await inPieces(text);
            expect(pieces).toBeDefined();
            expect(shapeOf(pieces!)).toEqual(shapeOf(parser.parse(text)));
        }
    });

    const mutations = ['x', ' ', '\n', '"', '}', '{', ';', '0.5', ' GHz', 'item z "New" { frequency > 1 GHz }\n', 'entry 1A999 "New";', '// c\n', '/*', '*/', "'local'", 'tier sensitive ', '\r\n', '\r', '`', 'é', 'group B {', 'category 2 {'];
    const edit = fc.record({ at: fc.nat(), cut: fc.oneof(fc.constant(0), fc.nat({ max: 12 })), insert: fc.constantFrom(...mutations) });
    test('random mutations: the same tree as a full parse, or nothing', async () => {
        const examplia = examples.find(([name]) => name.includes('examplia-2025'))![1];
        const start = munitions + examplia.slice(examplia.search(/^(parameter|category)/m));
        let same = 0;
        let none = 0;
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async edits => {
            let text = start;
            for (const { at, cut, insert } of edits) {
                const offset = at % (text.length + 1);
                text = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + cut));
            }
            const pieces = await inPieces(text);
            const full = parser.parse(text);
            if (pieces) {
                same++;
                expect(full.lexerErrors.length + full.parserErrors.length).toBe(0);
                expect(shapeOf(pieces)).toEqual(shapeOf(full));
            } else {
                none++;
            }
        }), { numRuns: 120, seed: 20261207 });
        // The property says nothing unless both outcomes were common.
        expect(same).toBeGreaterThan(20);
        expect(none).toBeGreaterThan(20);
    });

    test('a list with a syntax error, one nested too deep, or one without blocks is left to the full parse', async () => {
        expect(await inPieces(munitions.replace('item d "Silencers" {', 'item d "Silencers" { {'))).toBeUndefined();
        expect(await inPieces(munitions.replace('calibre > 2 mm', 'calibre > 2 mm ' + 'item x {'.repeat(70) + '}'.repeat(70)))).toBeUndefined();
        expect(await inPieces('list "Empty" category 1 { }')).toBeUndefined();
    });

    test('it pauses between blocks; a pause that throws (a cancelled build) stops it, and running the same steps again goes on from there', async () => {
        const text = syntheticList(300);
        let pauses = 0;
        await inPieces(text, async () => { pauses++; });
        expect(pauses).toBeGreaterThan(300);
        const steps = parseInPieces(parser, Cld.Grammar, text);
        let calls = 0;
        await expect(inTurns(steps, async () => { if (++calls === 10) throw new Error('cancelled'); })).rejects.toThrow('cancelled');
        expect(calls).toBe(10);
        const resumed = await inTurns(steps, async () => { calls++; });
        // Each step once: the pauses before and after the stop add up to those of a run without one.
        expect(calls).toBe(pauses);
        expect(shapeOf(resumed!)).toEqual(shapeOf(parser.parse(text)));
    });
});

describe('the document factory', () => {
    // Counts the parser's calls: one for a whole text, one per block (and the skeleton) in pieces.
    const counted = () => {
        const services = createCldCoreServices().Cld;
        const langiumParser: LangiumParser = services.parser.LangiumParser;
        const parse = langiumParser.parse.bind(langiumParser);
        const calls = { count: 0 };
        langiumParser.parse = <T extends AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => { calls.count++; return parse<T>(input, options); };
        return { factory: services.shared.workspace.LangiumDocumentFactory, calls };
    };
    const entriesFor = (characters: number) => Math.ceil(characters / syntheticList(100).length * 100);

    test('a list of 1 MB or more is parsed in pieces, to the tree a full parse gives; a smaller one whole', async () => {
        const large = syntheticList(entriesFor(PARSE_IN_PIECES_FROM));
        expect(large.length).toBeGreaterThanOrEqual(PARSE_IN_PIECES_FROM);
        const { factory, calls } = counted();
        const document = await factory.fromString(large, URI.parse('file:///large.cld'), new CancellationTokenSource().token);
        expect(calls.count).toBeGreaterThan(1000);
        expect(shapeOf(document.parseResult)).toEqual(shapeOf(parser.parse(large)));
        calls.count = 0;
        await factory.fromString(syntheticList(100), URI.parse('file:///small.cld'), new CancellationTokenSource().token);
        expect(calls.count).toBe(1);
    });

    test('a cancelled build stops the parse in pieces; the next build of the same text goes on from there', async () => {
        const entries = entriesFor(3 * PARSE_IN_PIECES_FROM);
        const large = syntheticList(entries);
        const { factory, calls } = counted();
        const uri = URI.parse('file:///large.cld');
        const source = new CancellationTokenSource();
        const parsing = factory.fromString(large, uri, source.token);
        source.cancel();
        const error = await parsing.then(() => undefined, (e: unknown) => e);
        expect(isOperationCancelled(error)).toBe(true);
        // Stopped at one of its pauses, well before the end.
        const before = calls.count;
        expect(before).toBeLessThan(entries / 2);
        const document = await factory.fromString(large, uri, new CancellationTokenSource().token);
        // The skeleton and each entry parsed once in all: nothing parsed again.
        expect(calls.count).toBe(entries + 1);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect((document.parseResult.value as unknown as { members: unknown[] }).members).toHaveLength(11); // two parameters, nine categories
    });
});

const corpus = path.resolve(__dirname, '../../../shared/data/wassenaar');
const editions = ['WA-LIST-97-1', 'WA-LIST-21-1', 'WA-LIST-25-1-Corr'];
describe.skipIf(!fs.existsSync(corpus))('parse in pieces: WA editions imported from the official documents', () => {
    for (const edition of editions) {
        test(`${edition}: the same tree as a full parse`, async () => {
            const text = writeEdition((await importEdition(path.join(corpus, edition))).model).text;
            const pieces = await inPieces(text);
            expect(pieces).toBeDefined();
            expect(shapeOf(pieces!)).toEqual(shapeOf(parser.parse(text)));
        }, 60_000);
    }
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { type AstNode, EmptyFileSystemProvider, URI } from 'langium';
import { expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { type ControlList, isCategory } from '../../language/src/generated/ast.js';

// Edits go through the document factory as the server's do (reparsing one block where it can,
// incremental-parse.ts), and nodes an edit keeps keep what was worked out for them (term
// occurrences, codes, quantities, descriptions). After every edit, the diagnostics equal those
// of the same text checked from scratch by a fresh set of services, as `cld validate` does.

/** Files in memory, so that the factory reads each edit's text as it reads a saved file. */
class MemoryFiles extends EmptyFileSystemProvider {
    readonly texts = new Map<string, string>();
    override async readFile(uri?: URI): Promise<string> {
        return this.texts.get(String(uri)) ?? '';
    }
}

const files = new MemoryFiles();
const editing = createCldCoreServices({ fileSystemProvider: () => files });

async function fromScratch(text: string): Promise<string[]> {
    const fresh = createCldCoreServices();
    const document = fresh.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:/scratch.cld'));
    fresh.shared.workspace.LangiumDocuments.addDocument(document);
    await fresh.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return shapes(document.diagnostics ?? []);
}

const shapes = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`).sort();

// The example, and a munitions category whose findings sit after other blocks on their lines:
// undefined terms, a unit not preferred, two items on one line.
const start = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8') + `
category ML1 "Smooth-bore weapons" {
  item a "Of 'automatic' type, see \\"laser\\"" { frequency > 1000 MHz } item b "A 'semi' type"; item c "Of 'automatic' type";
  term 'automatic' "firing more than one round"
  item d "Silencers" { frequency > 2 kHz } note "On one line with 'automatic' and \\"lasers\\"."
}
`;
const pieces = ['x', ' ', '\n', '"', '}', ';', ' 0.5', ' GHz', ' nm', 'item z "New" { frequency > 1 GHz }\n', 'item a "Again";', '"laser"', "'local'", ' tier sensitive', ' tier very-sensitive', "term 'local' \"defined here\"\n", "note \"'Local' means defined in words.\"\n", 'wavelength < 3 GHz\n', "'local' specified by ML1.d", "'local' specified by 1C010"];
const edit = fc.record({ at: fc.nat(), cut: fc.oneof(fc.constant(0), fc.nat({ max: 8 })), insert: fc.oneof(fc.constantFrom(...pieces), fc.constant('')) });

let run = 0;
let keptInAll = 0;
test('random edits: after each, the diagnostics equal a check of the text from scratch', async () => {
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async edits => {
        const uri = URI.parse(`memory:/edits-${++run}.cld`);
        let text = start;
        files.texts.set(uri.toString(), text);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = editing.shared.workspace;
        const document = LangiumDocumentFactory.fromString(text, uri);
        LangiumDocuments.addDocument(document);
        // Built as the server builds an opened document, so that later edits find what it kept.
        await DocumentBuilder.build([document], DocumentBuilder.updateBuildOptions);
        let kept = 0;
        for (const { at, cut, insert } of edits) {
            const before = new Set(LangiumDocuments.getDocument(uri)!.parseResult.value.$cstNode ? categoriesOf(LangiumDocuments.getDocument(uri)!.parseResult.value) : []);
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + cut));
            files.texts.set(uri.toString(), text);
            await DocumentBuilder.update([uri], []);
            const diagnostics = LangiumDocuments.getDocument(uri)!.diagnostics ?? [];
            expect(shapes(diagnostics)).toEqual(await fromScratch(text));
            expectTermsWhereTheyAre(diagnostics, text);
            if (categoriesOf(LangiumDocuments.getDocument(uri)!.parseResult.value).some(c => before.has(c))) kept++;
        }
        keptInAll += kept;
        await DocumentBuilder.update([], [uri]);
    }), { numRuns: 40, seed: 20261207 });
    // The property says little unless many edits kept most of the tree (one block reparsed).
    expect(keptInAll).toBeGreaterThan(60);
});

/** The entries and items a list's categories hold directly, as objects (kept by an incremental reparse). */
function categoriesOf(root: AstNode): AstNode[] {
    return ((root as ControlList).members ?? []).flatMap(m => isCategory(m) ? m.members : []);
}

/** `text` (`start` unless given) opened as `name` and built as the server builds an opened document, so that later edits find what it kept. */
async function opened(name: string, text = start) {
    const uri = URI.parse(`memory:/${name}`);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = editing.shared.workspace;
    files.texts.set(uri.toString(), text);
    const document = LangiumDocumentFactory.fromString(text, uri);
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], DocumentBuilder.updateBuildOptions);
    return { uri, document, LangiumDocuments, DocumentBuilder };
}

test('a term defined in one item of a munitions category is found by the others at once', async () => {
    // Local terms of a munitions category are the category's: an edit inside item d that defines
    // 'semi' answers item b's use, though item b's block was kept.
    const { uri, document, LangiumDocuments, DocumentBuilder } = await opened('terms.cld');
    expect(shapes(document.diagnostics ?? []).some(d => d.includes("'semi' has no local definition"))).toBe(true);
    const at = start.indexOf('{ frequency > 2 kHz }') + 1;
    const text = start.slice(0, at) + ` term 'semi' "firing one round per pull"` + start.slice(at);
    const kept = categoriesOf(document.parseResult.value);
    files.texts.set(uri.toString(), text);
    await DocumentBuilder.update([uri], []);
    const after = LangiumDocuments.getDocument(uri)!;
    expect(categoriesOf(after.parseResult.value).filter(n => kept.includes(n)).length).toBeGreaterThan(0);
    expect(shapes(after.diagnostics ?? [])).toEqual(await fromScratch(text));
    expect(shapes(after.diagnostics ?? []).some(d => d.includes("'semi' has no local definition"))).toBe(false);
    await DocumentBuilder.update([], [uri]);
});

/** Each finding on a term covers the term's words in the text, exactly. */
function expectTermsWhereTheyAre(diagnostics: Diagnostic[], text: string): void {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
    for (const d of diagnostics.filter(d => d.code === 'term-undefined' || d.code === 'local-term-undefined')) {
        const named = /^["'](.+?)["'] (?:is not defined|has no local definition)/.exec(String(d.message))?.[1];
        expect(text.slice(offset(d.range.start), offset(d.range.end))).toBe(named);
    }
}

test('a term a note defines in words, in one item of a munitions category, is found by the others at once', async () => {
    // As above, with the definition in a note ("'Semi' means ..."); then the note edited so that
    // it no longer defines the term, and the finding is back.
    const { uri, document, LangiumDocuments, DocumentBuilder } = await opened('note-terms.cld');
    const undefinedSemi = (diagnostics: Diagnostic[]) => shapes(diagnostics).some(d => d.includes("'semi' has no local definition"));
    expect(undefinedSemi(document.diagnostics ?? [])).toBe(true);
    const at = start.indexOf('{ frequency > 2 kHz }') + 1;
    const steps = [
        start.slice(0, at) + ` note "'Semi' means firing one round per pull."` + start.slice(at),
        start.slice(0, at) + ` note "'Semi' rifles fire one round per pull."` + start.slice(at),
    ];
    for (const [k, text] of steps.entries()) {
        files.texts.set(uri.toString(), text);
        await DocumentBuilder.update([uri], []);
        const after = LangiumDocuments.getDocument(uri)!;
        expect(shapes(after.diagnostics ?? [])).toEqual(await fromScratch(text));
        expect(undefinedSemi(after.diagnostics ?? [])).toBe(k === 1);
    }
    await DocumentBuilder.update([], [uri]);
});

test('a term said to be specified by another entry follows edits of that entry, though its own block was kept', async () => {
    // 8A001.a's "'syntactic foam' specified by 8C001" is defined where 8C001's note defines it: an
    // edit of that note (in another block) changes the finding on 8A001.a, whose block was kept.
    const at = start.indexOf('    }\n}\n\ncategory 9');
    const base = start.slice(0, at) + `    }\n    group C "Materials" {\n        entry 8C001 "Foam for underwater use" {\n            technical-note "'Syntactic foam' consists of hollow spheres embedded in a resin."\n        }\n` + start.slice(at);
    const text0 = base.replace('item a "Manned, tethered submersible vehicles', `item a "Made of 'syntactic foam' specified by 8C001. Manned, tethered submersible vehicles`);
    const { uri, document, LangiumDocuments, DocumentBuilder } = await opened('cited.cld', text0);
    const undefinedFoam = (diagnostics: Diagnostic[]) => shapes(diagnostics).some(d => d.includes("'syntactic foam' has no local definition"));
    expect(undefinedFoam(document.diagnostics ?? [])).toBe(false);
    const steps = [text0.replace("'Syntactic foam' consists of", 'Foams consist of'), text0];
    for (const [k, text] of steps.entries()) {
        const kept = categoriesOf(LangiumDocuments.getDocument(uri)!.parseResult.value);
        files.texts.set(uri.toString(), text);
        await DocumentBuilder.update([uri], []);
        const after = LangiumDocuments.getDocument(uri)!;
        expect(categoriesOf(after.parseResult.value).filter(n => kept.includes(n)).length).toBeGreaterThan(0);
        expect(shapes(after.diagnostics ?? [])).toEqual(await fromScratch(text));
        expect(undefinedFoam(after.diagnostics ?? [])).toBe(k === 0);
    }
    await DocumentBuilder.update([], [uri]);
});

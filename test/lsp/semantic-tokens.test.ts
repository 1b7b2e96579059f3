import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { type AstNode, EmptyFileSystem, EmptyFileSystemProvider, URI } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenPropertyOptions } from 'langium/lsp';
import { expect, test } from 'vitest';
import { createCldServices } from '../../server/src/cld-lsp-module.js';
import { CldSemanticTokenProvider } from '../../server/src/semantic-tokens.js';

// Semantic tokens walk the tree and find each property's tokens faster than Langium does
// (semantic-tokens.ts); they must be the tokens Langium's own walk and lookup give, and a range
// request the tokens of the whole that fall in the range.

const services = createCldServices(EmptyFileSystem);

/** The same provider with Langium's walk and property lookup. */
class LangiumWay extends CldSemanticTokenProvider {
    protected override computeHighlighting(...args: Parameters<CldSemanticTokenProvider['computeHighlighting']>) {
        return (AbstractSemanticTokenProvider.prototype as unknown as { computeHighlighting: (...a: typeof args) => Promise<void> }).computeHighlighting.apply(this, args);
    }
    protected override highlightProperty<N extends AstNode>(options: SemanticTokenPropertyOptions<N>): void {
        (AbstractSemanticTokenProvider.prototype as unknown as { highlightProperty: (o: typeof options) => void }).highlightProperty.call(this, options);
    }
}

const examples = path.resolve(__dirname, '..', '..', 'examples');
const lists = fs.readdirSync(path.join(examples, 'examplia')).filter(f => f.endsWith('.cld')).map(f => path.join(examples, 'examplia', f));
const edition = path.resolve(__dirname, '..', '..', '.cache', 'wa', 'WA-LIST-21-1.cld');

test.each(lists.concat(fs.existsSync(edition) ? [edition] : []))('semantic tokens of %s: the same as Langium finds them, whole and in a range', async file => {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf-8'), URI.file(file));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const ours = services.Cld.lsp.SemanticTokenProvider!;
    const langium = new LangiumWay(services.Cld, (ours as unknown as { largeFiles: ConstructorParameters<typeof CldSemanticTokenProvider>[1] }).largeFiles);
    const params = { textDocument: { uri: document.uri.toString() } };
    const whole = await ours.semanticHighlight(document, params);
    expect(whole.data.length).toBeGreaterThan(100);
    expect(whole.data).toEqual((await langium.semanticHighlight(document, params)).data);
    const range = { start: { line: 20, character: 3 }, end: { line: 60, character: 0 } };
    const inRange = decode(whole.data).filter(t => t.line > range.start.line || (t.line === range.start.line && t.char + t.length > range.start.character)).filter(t => t.line < range.end.line);
    expect(inRange.length).toBeGreaterThan(20);
    expect(decode((await ours.semanticHighlightRange(document, { ...params, range })).data)).toEqual(inRange);
    await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
});

/** Files in memory, so that the factory reads each edit's text as it reads a saved file (and reparses one block where it can). */
class MemoryFiles extends EmptyFileSystemProvider {
    readonly texts = new Map<string, string>();
    override async readFile(uri?: URI): Promise<string> {
        return this.texts.get(String(uri)) ?? '';
    }
}

// A block an edit kept gives the tokens it gave last time, moved to where it is now
// (semantic-tokens.ts): after every random edit, the tokens are those Langium's own walk finds.
test('after random edits, a whole-document request gives the tokens worked out from scratch', async () => {
    const files = new MemoryFiles();
    const editing = createCldServices({ fileSystemProvider: () => files });
    const ours = editing.Cld.lsp.SemanticTokenProvider!;
    const langium = new LangiumWay(editing.Cld, (ours as unknown as { largeFiles: ConstructorParameters<typeof CldSemanticTokenProvider>[1] }).largeFiles);
    // With blocks that share a line: an edit in one moves the next along its first line.
    const start = fs.readFileSync(lists[0], 'utf-8') + `
category ML1 "Smooth-bore weapons" {
  item a "Of 'automatic' type" { frequency > 1000 MHz } item b "A 'semi' type"; item c "Of \\"rifled\\" type" tier sensitive;
  item d "Silencers" { frequency > 2 kHz } note "On one line with 'automatic'." item e "Mountings";
}
`;
    // Mostly edits that keep the list valid (so that the next edit reparses one block), some that break it.
    await expectTokensAfter(editing, ours as CldSemanticTokenProvider, langium, start, [start.indexOf("'automatic' type\"") + 3]);
    const pieces = ['x', 'x', ' ', ' ', '\n', '\n\n', '  ', 'item z "New \'term\' here" { wavelength < 3 nm }\n', ' tier sensitive', '"'];
    const edit = fc.record({ at: fc.nat(), cut: fc.oneof(fc.constant(0), fc.nat({ max: 4 })), insert: fc.constantFrom(...pieces) });
    let run = 0;
    let kept = 0;
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async edits => {
        const uri = URI.parse(`memory:/tokens-${++run}.cld`);
        let text = start;
        files.texts.set(uri.toString(), text);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = editing.shared.workspace;
        LangiumDocuments.addDocument(LangiumDocumentFactory.fromString(text, uri));
        await DocumentBuilder.build([LangiumDocuments.getDocument(uri)!], DocumentBuilder.updateBuildOptions);
        const params = { textDocument: { uri: uri.toString() } };
        await ours.semanticHighlight(LangiumDocuments.getDocument(uri)!, params);
        for (const { at, cut, insert } of edits) {
            const before = LangiumDocuments.getDocument(uri)!.parseResult.value;
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + cut));
            files.texts.set(uri.toString(), text);
            await DocumentBuilder.update([uri], []);
            const document = LangiumDocuments.getDocument(uri)!;
            if (before !== document.parseResult.value && (before as unknown as { members?: unknown[] }).members?.some(m => (document.parseResult.value as unknown as { members?: unknown[] }).members?.includes(m))) kept++;
            expect(decode((await ours.semanticHighlight(document, params)).data)).toEqual(decode((await langium.semanticHighlight(document, params)).data));
        }
        await DocumentBuilder.update([], [uri]);
    }), { numRuns: 40, seed: 20261207 });
    // The property says little unless many edits kept most of the tree.
    expect(kept).toBeGreaterThan(20);
});

/** Types an 'x' at each offset in turn, and compares the tokens after each with Langium's. */
async function expectTokensAfter(editing: ReturnType<typeof createCldServices>, ours: CldSemanticTokenProvider, langium: LangiumWay, start: string, offsets: number[]): Promise<void> {
    const files = (editing.shared.workspace.FileSystemProvider as unknown as MemoryFiles);
    const uri = URI.parse('memory:/tokens-typed.cld');
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = editing.shared.workspace;
    let text = start;
    files.texts.set(uri.toString(), text);
    LangiumDocuments.addDocument(LangiumDocumentFactory.fromString(text, uri));
    await DocumentBuilder.build([LangiumDocuments.getDocument(uri)!], DocumentBuilder.updateBuildOptions);
    const params = { textDocument: { uri: uri.toString() } };
    await ours.semanticHighlight(LangiumDocuments.getDocument(uri)!, params);
    for (const offset of offsets) {
        text = text.slice(0, offset) + 'x' + text.slice(offset);
        files.texts.set(uri.toString(), text);
        await DocumentBuilder.update([uri], []);
        const document = LangiumDocuments.getDocument(uri)!;
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(decode((await ours.semanticHighlight(document, params)).data)).toEqual(decode((await langium.semanticHighlight(document, params)).data));
    }
    await DocumentBuilder.update([], [uri]);
}

/** LSP's relative encoding of semantic tokens, as absolute positions. */
function decode(data: number[]): Array<{ line: number; char: number; length: number; type: number; modifiers: number }> {
    const tokens = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
        tokens.push({ line, char, length: data[i + 2], type: data[i + 3], modifiers: data[i + 4] });
    }
    return tokens;
}

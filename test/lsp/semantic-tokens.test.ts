import * as fs from 'node:fs';
import * as path from 'node:path';
import { type AstNode, EmptyFileSystem, URI } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenPropertyOptions } from 'langium/lsp';
import { expect, test } from 'vitest';
import { createCldServices } from '../../server/src/cld-lsp-module.js';
import { CldSemanticTokenProvider } from '../../server/src/semantic-tokens.js';
import { checkAfterEdits, editingServices, typedInBlocks, withBlocksOnOneLine } from './kept-block-edits.js';

// Semantic tokens walk the tree and find each property's tokens faster than Langium does
// (semantic-tokens.ts); they must be the tokens Langium's own walk and lookup give, and a range
// request the tokens of the whole that fall in the range.

const services = createCldServices(EmptyFileSystem);

/** The same provider with Langium's walk, property lookup and tokens builder. */
class LangiumWay extends CldSemanticTokenProvider {
    protected override getDocumentTokensBuilder(...args: Parameters<CldSemanticTokenProvider['getDocumentTokensBuilder']>) {
        return (AbstractSemanticTokenProvider.prototype as unknown as { getDocumentTokensBuilder: (...a: typeof args) => ReturnType<CldSemanticTokenProvider['getDocumentTokensBuilder']> }).getDocumentTokensBuilder.apply(this, args);
    }
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

// A block an edit kept gives the tokens it gave last time, moved to where it is now
// (semantic-tokens.ts): after a letter typed into a block that shares its line with the next, and
// after random edits, a whole-document request gives the tokens Langium's own walk finds.
test('after edits, a whole-document request gives the tokens worked out from scratch', async () => {
    const editing = editingServices();
    const ours = editing.Cld.lsp.SemanticTokenProvider!;
    const langium = new LangiumWay(editing.Cld, (ours as unknown as { largeFiles: ConstructorParameters<typeof CldSemanticTokenProvider>[1] }).largeFiles);
    const start = withBlocksOnOneLine(fs.readFileSync(lists[0], 'utf-8'));
    await checkAfterEdits(editing, start, typedInBlocks(start), async document => {
        const params = { textDocument: { uri: document.uri.toString() } };
        expect(decode((await ours.semanticHighlight(document, params)).data)).toEqual(decode((await langium.semanticHighlight(document, params)).data));
    });
});

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

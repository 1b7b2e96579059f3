import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { expect, test } from 'vitest';
import { createCldServices } from '../../server/src/cld-lsp-module.js';
import { checkAfterEdits, editingServices, typedInBlocks, withBlocksOnOneLine } from './kept-block-edits.js';

// The outline reuses a kept block's symbols, moved to where the block is now (document-symbols.ts):
// after every edit it must be the outline of the same text made from scratch.

const fresh = createCldServices(EmptyFileSystem);
let run = 0;

async function fromScratch(text: string): Promise<unknown> {
    const document = fresh.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:/outline-${++run}.cld`));
    fresh.shared.workspace.LangiumDocuments.addDocument(document);
    await fresh.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const symbols = await fresh.Cld.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
    await fresh.shared.workspace.DocumentBuilder.update([], [document.uri]);
    return JSON.parse(JSON.stringify(symbols));
}

test('after edits, the outline is the outline of the text made from scratch', async () => {
    const editing = editingServices();
    const example = path.resolve(__dirname, '..', '..', 'examples', 'examplia', 'examplia-2025.cld');
    const start = withBlocksOnOneLine(fs.readFileSync(example, 'utf-8'));
    await checkAfterEdits(editing, start, typedInBlocks(start), async document => {
        const ours = await editing.Cld.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(JSON.parse(JSON.stringify(ours))).toEqual(await fromScratch(document.textDocument.getText()));
    });
});

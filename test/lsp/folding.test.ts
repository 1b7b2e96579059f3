import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { expect, test } from 'vitest';
import { createCldServices } from '../../server/src/cld-lsp-module.js';
import { checkAfterEdits, editingServices, typedInBlocks, withBlocksOnOneLine } from './kept-block-edits.js';

// Folding ranges are found faster than Langium finds them (folding.ts); they must be the same.

const services = createCldServices(EmptyFileSystem);
const langium = new DefaultFoldingRangeProvider(services.Cld);

const examples = path.resolve(__dirname, '..', '..', 'examples', 'examplia');
const comments = `list "C" edition "1"
/* a block comment
   over three lines */
category ML1 "Weapons" {
  item a "Rifles" {
    note "x"
    /* inside
       an item,
       four lines */ note "y"
  }
  note "a text with /* no comment
  in it, over
  three lines"
  // a line comment /* not a block
}
/* at the end,
   two lines */`;
const edition = path.resolve(__dirname, '..', '..', '.cache', 'wa', 'WA-LIST-21-1.cld');
const lists: Array<[string, string]> = fs.readdirSync(examples).filter(f => f.endsWith('.cld')).map(f => [f, fs.readFileSync(path.join(examples, f), 'utf-8')]);
lists.push(['block comments', comments]);
if (fs.existsSync(edition)) lists.push(['the 2021 edition', fs.readFileSync(edition, 'utf-8')]);

let run = 0;
test.each(lists)('folding ranges of %s: the same as Langium finds them', async (_name, text) => {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:/folding-${++run}.cld`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const params = { textDocument: { uri: document.uri.toString() } };
    const ours = await services.Cld.lsp.FoldingRangeProvider!.getFoldingRanges(document, params);
    expect(ours.length).toBeGreaterThan(1);
    const order = (r: object) => JSON.stringify(r);
    expect(ours.map(order).sort()).toEqual((await langium.getFoldingRanges(document, params)).map(order).sort());
    await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
});

// A block an edit kept gives the ranges it gave last time, moved to the line it starts on now
// (folding.ts): after edits, the ranges are those Langium finds.
test('after edits, the folding ranges are those worked out from scratch', async () => {
    const editing = editingServices();
    const fromScratch = new DefaultFoldingRangeProvider(editing.Cld);
    const start = withBlocksOnOneLine(lists[0][1]);
    await checkAfterEdits(editing, start, typedInBlocks(start), async document => {
        const params = { textDocument: { uri: document.uri.toString() } };
        const order = (r: object) => JSON.stringify(r);
        expect((await editing.Cld.lsp.FoldingRangeProvider!.getFoldingRanges(document, params)).map(order).sort()).toEqual((await fromScratch.getFoldingRanges(document, params)).map(order).sort());
    });
});

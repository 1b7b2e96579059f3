import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { createCldServices } from '../../server/src/cld-lsp-module.js';
import { CldCompletionProvider } from '../../server/src/completion.js';
import type { CompletionWindow } from '../../server/src/completion-window.js';

// Completion inside a block reads only the block's text (completion-window.ts). At any place in a
// list, with or without a finished word before the cursor, it must offer what reading the whole
// text offers.

const services = createCldServices(EmptyFileSystem);

/** The same provider, made to read the whole text always. */
class WholeText extends CldCompletionProvider {
    protected override windowFor(): CompletionWindow | undefined {
        return undefined;
    }
}
const whole = new WholeText(services.Cld);
const windowed = services.Cld.lsp.CompletionProvider!;

const example = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8');
const munitions = `list "M" edition "1"
parameter calibre: length unit mm
category ML1 "Smooth-bore weapons" {
  item a "Rifles" { calibre < 12.7 mm }
  item b "Smooth-bore weapons" tier munitions {
    item 1 "Of 'automatic' type" { calibre <
    term 'automatic' "firing more than one round"
  }
}
`;

let run = 0;
async function open(text: string): Promise<LangiumDocument> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:/completion-${++run}.cld`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return document;
}

const shape = (items: CompletionItem[] | undefined) => (items ?? []).map(i => `${i.kind} ${i.label} ${i.detail ?? ''} ${JSON.stringify(i.textEdit ?? '')}`).sort();

for (const [name, text] of [['the example', example], ['a munitions list with an unfinished threshold', munitions]] as const) {
    test(`completion anywhere in ${name} offers what reading the whole text offers`, async () => {
        const document = await open(text);
        let inBlocks = 0;
        await fc.assert(fc.asyncProperty(fc.nat({ max: text.length }), async offset => {
            const position = document.textDocument.positionAt(offset);
            const params = { textDocument: { uri: document.uri.toString() }, position };
            const expected = shape((await whole.getCompletion(document, params))?.items);
            expect(shape((await windowed.getCompletion(document, params))?.items)).toEqual(expected);
            if ((windowed as unknown as { window?: CompletionWindow }).window) inBlocks++;
        }), { numRuns: 150, seed: 20261206 });
        // Many places are inside a block's braces, where the window is used.
        expect(inBlocks).toBeGreaterThan(30);
        await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    });
}

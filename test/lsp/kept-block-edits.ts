import fc from 'fast-check';
import { EmptyFileSystemProvider, type LangiumDocument, URI } from 'langium';
import { expect } from 'vitest';
import { createCldServices } from '../../server/src/cld-lsp-module.js';

// For features that keep what they worked out for a block and reuse it while an edit keeps the
// block (incremental-parse.ts): edits go through the document factory as the server's do, and a
// check runs after each, against the same feature worked out from scratch.

/** Files in memory, so that the factory reads each edit's text as it reads a saved file (and reparses one block where it can). */
class MemoryFiles extends EmptyFileSystemProvider {
    readonly texts = new Map<string, string>();
    override async readFile(uri?: URI): Promise<string> {
        return this.texts.get(String(uri)) ?? '';
    }
}

export type EditingServices = ReturnType<typeof createCldServices> & { files: MemoryFiles };

export function editingServices(): EditingServices {
    const files = new MemoryFiles();
    return { ...createCldServices({ fileSystemProvider: () => files }), files };
}

/**
 * A list with blocks that share a line (an edit in one moves the next along its first line),
 * appended to `text`.
 */
export function withBlocksOnOneLine(text: string): string {
    return text + `
category ML1 "Smooth-bore weapons" {
  item a "Of 'automatic' type" { frequency > 1000 MHz } item b "A 'semi' type"; item c "Of \\"rifled\\" type" tier sensitive;
  item d "Silencers" { frequency > 2 kHz } note "On one line with 'automatic'." item e "Mountings";
}
`;
}

// Mostly edits that keep the list valid (so that the next edit reparses one block), some that break it.
const pieces = ['x', 'x', ' ', ' ', '\n', '\n\n', '  ', 'item z "New \'term\' here" { wavelength < 3 nm }\n', ' tier sensitive', '"'];
const edit = fc.record({ at: fc.nat(), cut: fc.oneof(fc.constant(0), fc.nat({ max: 4 })), insert: fc.constantFrom(...pieces) });

/**
 * Opens `start` and runs `check` once (so that the feature keeps what it found), then makes the
 * `typed` edits in turn (each inside a block, offsets in the text as it is then), and random edit
 * scripts, running `check` after each edit. Expects the typed edits, and many others, to have kept
 * most of the tree (else the property says little).
 */
export async function checkAfterEdits(editing: EditingServices, start: string, typed: Array<{ at: number; insert: string }>, check: (document: LangiumDocument) => Promise<void>): Promise<void> {
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = editing.shared.workspace;
    let run = 0;
    let kept = 0;
    const session = async (edits: Array<{ at: number; cut: number; insert: string }>) => {
        const uri = URI.parse(`memory:/kept-blocks-${++run}.cld`);
        let text = start;
        editing.files.texts.set(uri.toString(), text);
        LangiumDocuments.addDocument(LangiumDocumentFactory.fromString(text, uri));
        await DocumentBuilder.build([LangiumDocuments.getDocument(uri)!], DocumentBuilder.updateBuildOptions);
        await check(LangiumDocuments.getDocument(uri)!);
        for (const { at, cut, insert } of edits) {
            const before = LangiumDocuments.getDocument(uri)!.parseResult.value as unknown as { members?: unknown[] };
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + cut));
            editing.files.texts.set(uri.toString(), text);
            await DocumentBuilder.update([uri], []);
            const after = LangiumDocuments.getDocument(uri)!;
            if ((before.members ?? []).some(m => (after.parseResult.value as unknown as { members?: unknown[] }).members?.includes(m))) kept++;
            await check(after);
        }
        await DocumentBuilder.update([], [uri]);
    };
    await session(typed.map(({ at, insert }) => ({ at, cut: 0, insert })));
    expect(kept).toBe(typed.length);
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), session), { numRuns: 40, seed: 20261207 });
    expect(kept).toBeGreaterThan(typed.length + 20);
}

/** A letter typed into the first item text of the blocks that share a line (withBlocksOnOneLine), then a line break typed into the first entry (every later block moves down a line). */
export function typedInBlocks(text: string): Array<{ at: number; insert: string }> {
    const firstEntryBody = text.indexOf('{\n', text.indexOf('entry ')) + 1;
    return [{ at: text.indexOf("'automatic' type\"") + 3, insert: 'x' }, { at: firstEntryBody, insert: '\n' }];
}

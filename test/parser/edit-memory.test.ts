import { EmptyFileSystemProvider, URI } from 'langium';
import { expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';

// What an edit leaves alive. The server keeps one list for hours of typing; each keystroke reparses
// one block and keeps the rest (incremental-parse.ts). Two things kept old versions alive: the
// strings of a reparsed block were cut from that version's whole text (V8 keeps a substring as a
// pointer into its source), and the findings kept for a block held the container it had then, with
// the tree above it. A list ten times a WA edition grew by about 10 MB a keystroke. Run with
// --expose-gc (vitest.config.ts), so that what is measured is what is still reachable.

class MemoryFiles extends EmptyFileSystemProvider {
    readonly texts = new Map<string, string>();
    override async readFile(uri?: URI): Promise<string> {
        return this.texts.get(String(uri)) ?? '';
    }
}

/** A list of `entries` entries whose texts are long and use terms (the texts edits reparse and the terms cached with them). */
function list(entries: number): string {
    const lines = ['list "Edit memory"', 'numbering wassenaar', 'parameter wavelength: length unit nm "Wavelength"'];
    for (let cat = 1; cat <= 4; cat++) {
        lines.push(`category ${cat} "Category ${cat}" {`, '  group A "Systems, equipment and components" {');
        for (let n = 1; n <= entries / 4; n++) {
            lines.push(`    entry ${cat}.A.${n} "Equipment of the kind numbered ${n}, having any of the following characteristics:" {`,
                `      item a "'Laser' sources of wavelength shorter than ${n} nm, for \\"lasers\\" of any kind" { wavelength < ${n} nm }`,
                `      item b "Optical components designed for the equipment specified in ${cat}.A.${n}.a, of any 'aperture' and 'frequency switching speed'"`,
                `      note "Item ${cat}.A.${n}.b does not control components of 'aperture' less than the stated limit."`,
                '    }');
        }
        lines.push('  }', '}');
    }
    return lines.join('\n') + '\n';
}

const gc = (globalThis as { gc?: () => void }).gc;

async function collected(): Promise<number> {
    for (let i = 0; i < 3; i++) {
        gc!();
        await new Promise(resolve => setImmediate(resolve));
    }
    return process.memoryUsage().heapUsed;
}

async function editor(text: string) {
    const files = new MemoryFiles();
    const services = createCldCoreServices({ fileSystemProvider: () => files });
    const uri = URI.parse('memory:/edits.cld');
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    files.texts.set(uri.toString(), text);
    const document = LangiumDocumentFactory.fromString(text, uri);
    LangiumDocuments.addDocument(document);
    // Built as the server builds an opened document, so that later edits find what it kept.
    await DocumentBuilder.build([document], DocumentBuilder.updateBuildOptions);
    let current = text;
    return {
        root: () => LangiumDocuments.getDocument(uri)!.parseResult.value,
        /** Types a letter into the text of the n-th entry (a different block each time). */
        async type(n: number): Promise<void> {
            const at = current.indexOf(`entry 2.A.${n} "`) + `entry 2.A.${n} "`.length;
            current = current.slice(0, at) + 'x' + current.slice(at);
            files.texts.set(uri.toString(), current);
            await DocumentBuilder.update([uri], []);
        },
    };
}

test.skipIf(!gc)('typing into one block after another keeps one version of the list, not one per keystroke', async () => {
    const text = list(2000);
    const session = await editor(text);
    await session.type(1);
    const before = await collected();
    for (let n = 2; n <= 31; n++) await session.type(n);
    const grown = (await collected()) - before;
    // Thirty keystrokes used to keep thirty copies of the text (about 25 MB here) and more.
    expect(grown).toBeLessThan(text.length);
});

test.skipIf(!gc)('an edit elsewhere does not keep the tree it replaced alive through the findings kept for a block', async () => {
    const session = await editor(list(40));
    await session.type(1);
    const replaced = new WeakRef(session.root());
    // Another block of the same group: the group and the list above it are replaced again.
    await session.type(2);
    await session.type(3);
    await collected();
    expect(replaced.deref()).toBeUndefined();
});

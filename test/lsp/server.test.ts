import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, Location, LocationLink, Range, SemanticTokens, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { LspTestClient, applyEdits, positionOf } from './lsp-client.js';

const LIST = `list "LSP test list"
numbering eccn
implements wassenaar "WA-LIST (21) 1"
parameter wavelength: length unit nm "Light source wavelength"
definitions {
    term "laser" "A source of coherent light."
}
category 3 "Electronics" {
    group B "Equipment" {
        entry 3B001 \`Equipment using "lasers"\` tier dual-use sensitive {
            item a "Epitaxy equipment";
            item b "Wafer fabrication equipment";
            item c "Dry etching equipment";
            item d reserved since 2015
            item e "Wafer handling systems";
            item f "Lithography equipment" {
                item 1 "Align and expose" any-of {
                    item a "Wavelength shorter than 193 nm" tier very-sensitive { wavelength < 193 nm }
                    item b "Wavelength of 0.35 um or less" { wavelength <= 350 nm }
                }
            }
            see 3B001.f.1.a
        }
    }
}
`;
const uri = 'file:///lsp-test/list.cld';
let client: LspTestClient;

beforeAll(async () => {
    if (!fs.existsSync(path.resolve(__dirname, '..', '..', 'out', 'server.cjs'))) throw new Error('out/server.cjs is missing: run `npm run build` first (npm test does)');
    client = new LspTestClient();
    await client.initialize();
    client.open(uri, LIST);
});

afterAll(async () => {
    await client?.shutdown();
});

const at = (needle: string, shift = 0) => ({ textDocument: { uri }, position: positionOf(LIST, needle, shift) });

describe('language server over stdio', () => {
    test('a clean document gets an empty diagnostics list', async () => {
        expect(await client.waitForDiagnostics(uri)).toEqual([]);
        // Small lists leave V8's memory policy as it is (server/src/large-list-memory.ts).
        expect(client.logs.filter(l => l.includes('collected sooner'))).toEqual([]);
    });

    test('diagnostics with codes and positions follow edits', async () => {
        const broken = LIST.replace('wavelength < 193 nm', 'wavelength < 5 GHz');
        const other = 'file:///lsp-test/broken.cld';
        client.open(other, broken);
        const diagnostics = await client.waitForDiagnostics(other);
        const unit = diagnostics.find(d => d.code === 'unit-dimension');
        expect(unit?.range.start).toEqual(positionOf(broken, 'GHz'));
        expect(unit?.message).toContain('measures frequency');
        client.change(other, LIST);
        expect(await client.waitForDiagnostics(other)).toEqual([]);
    });

    test('diagnostics say which version of the text they were computed from', async () => {
        const other = 'file:///lsp-test/versioned.cld';
        client.open(other, LIST);
        await client.waitForDiagnostics(other);
        expect(client.publishedVersion(other)).toBe(1);
        client.change(other, LIST.replace('wavelength < 193 nm', 'wavelength < 5 GHz'));
        expect((await client.waitForDiagnostics(other)).map(d => d.code)).toContain('unit-dimension');
        expect(client.publishedVersion(other)).toBe(2);
        client.change(other, LIST);
        expect(await client.waitForDiagnostics(other)).toEqual([]);
        expect(client.publishedVersion(other)).toBe(3);
    });

    test('hover on an item shows its code, WA code, inherited tiers and exact thresholds', async () => {
        const hover = await client.request<Hover>('textDocument/hover', at('item a "Wavelength', 5));
        const text = (hover.contents as { value: string }).value;
        expect(text).toContain('**3B001.f.1.a** (WA 3.B.1.f.1.a)');
        expect(text).toContain('very-sensitive, dual-use (from 3B001), sensitive (from 3B001)');
        expect(text).toContain('wavelength < 193 nm  ⇒  wavelength ∈ [0, 0.000000193) m');
    });

    test('hover on an item with an either choice lists its options, each with its exact thresholds', async () => {
        const other = 'file:///lsp-test/either.cld';
        const text = LIST.replace('wavelength < 193 nm', 'either { wavelength < 193 nm } or { wavelength > 400 nm wavelength <= 500 nm }');
        client.open(other, text);
        expect(await client.waitForDiagnostics(other)).toEqual([]);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: other }, position: positionOf(text, 'item a "Wavelength', 5) });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('Either of:\n1. `wavelength < 193 nm  ⇒  wavelength ∈ [0, 0.000000193) m`\n2. `wavelength > 400 nm');
        expect(value).toContain(' and `wavelength <= 500 nm');
    });

    test('hover on an either choice whose options are each for a kind of thing says the kind', async () => {
        const other = 'file:///lsp-test/either-kind.cld';
        const text = LIST.replace('wavelength < 193 nm', 'either for "non-metallized compositions" { wavelength < 193 nm } or for "aluminized compositions" { wavelength < 150 nm }');
        client.open(other, text);
        expect(await client.waitForDiagnostics(other)).toEqual([]);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: other }, position: positionOf(text, 'item a "Wavelength', 5) });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('Either of:\n1. for non-metallized compositions: `wavelength < 193 nm  ⇒  wavelength ∈ [0, 0.000000193) m`\n2. for aluminized compositions: `wavelength < 150 nm');
    });

    test('hover on a threshold shows its exact set; on its parameter, the declaration too', async () => {
        const onValue = await client.request<Hover>('textDocument/hover', at('<= 350 nm', 4));
        expect((onValue.contents as { value: string }).value).toBe('`wavelength <= 350 nm  ⇒  wavelength ∈ [0, 0.00000035] m`');
        const onParameter = await client.request<Hover>('textDocument/hover', at('wavelength <= 350', 2));
        const text = (onParameter.contents as { value: string }).value;
        expect(text).toContain('**parameter wavelength**: length (in nm)');
        expect(text).toContain('Light source wavelength');
    });

    test('folding ranges cover categories, groups, entries and multi-line items', async () => {
        const ranges = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
        const startLines = ranges.map(r => r.startLine);
        expect(startLines).toEqual(expect.arrayContaining([positionOf(LIST, 'category 3').line, positionOf(LIST, 'group B').line, positionOf(LIST, 'entry 3B001').line, positionOf(LIST, 'item f').line]));
    });

    test('hover on a defined term inside text shows its definition', async () => {
        const hover = await client.request<Hover>('textDocument/hover', at('"lasers"', 2));
        expect((hover.contents as { value: string }).value).toContain('A source of coherent light.');
    });

    /**
     * Opens `text` as a new document, checks it has no undefined 'local' term, and returns the hover
     * text and the go-to-definition target start at `needle` + `shift`.
     */
    async function localTermAt(name: string, text: string, needle: string, shift: number) {
        const doc = `file:///lsp-test/${name}.cld`;
        client.open(doc, text);
        expect((await client.waitForDiagnostics(doc)).filter(d => d.code === 'local-term-undefined')).toEqual([]);
        const position = positionOf(text, needle, shift);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: doc }, position });
        const [target] = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: doc }, position });
        return { doc, position, hover: (hover.contents as { value: string }).value, definition: target.targetRange.start };
    }

    test('a \'local\' term a Technical Note defines in words: the hover shows the note, go to definition goes to it, references find its uses, rename renames it', async () => {
        const text = LIST.replace('item e "Wafer handling systems";', "technical-note \"1. 'Run-out' (out-of-true running) is the radial displacement of the spindle. 2. 'Camming' is the axial one.\"\n            item e \"Wafer handling systems with a 'run-out' below 1 um and 'camming' below 2 um\";");
        const { doc, position, hover, definition } = await localTermAt('note-term', text, "'run-out' below", 3);
        expect(hover).toBe("**'run-out'** (local term, defined in a note)\n\n1. 'Run-out' (out-of-true running) is the radial displacement of the spindle. 2. 'Camming' is the axial one.");
        expect(definition).toEqual(positionOf(text, 'technical-note "1.'));
        // Its uses, the note's own included; not those of the other term the note defines.
        const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: doc }, position, context: { includeDeclaration: false } });
        expect(references.map(r => r.range.start)).toEqual([positionOf(text, "Run-out' (out", 0), positionOf(text, "run-out' below", 0)]);
        // Rename, from a use or from the note: the name in the note and each use; the note's other words stay.
        const renamed = applyEdits(text, (await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position, newName: 'Wobble' })).changes![doc]);
        expect(renamed).toContain("technical-note \"1. 'Wobble' (out-of-true running) is the radial displacement of the spindle. 2. 'Camming' is the axial one.\"");
        expect(renamed).toContain("with a 'Wobble' below 1 um and 'camming' below 2 um");
        const fromNote = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position: positionOf(text, "Run-out' (out", 2), newName: 'Wobble' });
        expect(applyEdits(text, fromNote.changes![doc])).toBe(renamed);
        const range = await client.request<Range>('textDocument/prepareRename', { textDocument: { uri: doc }, position });
        expect(range.start).toEqual(positionOf(text, "run-out' below", 0));
        await expect(client.request('textDocument/rename', { textDocument: { uri: doc }, position, newName: "it's" })).rejects.toThrow(/cannot be empty or contain quotes/);
    });

    test('a \'local\' term an N.B. inside a defined term\'s definition defines: the hover says which definition, go to definition goes to it', async () => {
        const text = LIST.replace('term "laser" "A source of coherent light."', 'term "laser" "A source of coherent light, with \'active tooling units\'.\\nN.B. \'Active tooling unit\' means a device for applying motive power."');
        const { hover, definition } = await localTermAt('definition-term', text, "active tooling units'", 3);
        // The definition's line breaks kept (Markdown would run its lines together).
        expect(hover).toBe("**'active tooling units'** (local term, defined in the definition of \"laser\")\n\nA source of coherent light, with 'active tooling units'.  \nN.B. 'Active tooling unit' means a device for applying motive power.");
        expect(definition).toEqual(positionOf(text, 'term "laser"'));
    });

    test('a \'local\' term its category\'s own note defines: the hover shows the note, go to definition goes to it', async () => {
        const text = LIST.replace('group B "Equipment" {', "technical-note \"'Wafer' means a slice of semiconductor.\"\n    group B \"Equipment\" {").replace('item e "Wafer handling systems";', "item e \"Handling systems for each 'wafer'\";");
        const { hover, definition } = await localTermAt('category-term', text, "wafer'\"", 2);
        expect(hover).toBe("**'wafer'** (local term, defined in a note)\n\n'Wafer' means a slice of semiconductor.");
        expect(definition).toEqual(positionOf(text, "technical-note \"'Wafer'"));
    });

    test('a \'local\' term found by the short form the text gives it in brackets: the hover says so and shows the note; rename of the short form leaves the long form as written', async () => {
        const text = LIST.replace('item e "Wafer handling systems";', "technical-note \"1. 'MRF' is a material removal process using an abrasive magnetic fluid.\"\n            item e \"Wafer finishing by 'Magnetorheological finishing (MRF)' or an 'MRF' tool\";");
        const { doc, hover, definition } = await localTermAt('short-form-term', text, "Magnetorheological", 3);
        expect(hover).toBe("**'Magnetorheological finishing (MRF)'** (local term, defined in a note)\n\nDefined as 'MRF', the name the text gives it in brackets.\n\n1. 'MRF' is a material removal process using an abrasive magnetic fluid.");
        expect(definition).toEqual(positionOf(text, 'technical-note "1.'));
        const renamed = applyEdits(text, (await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position: positionOf(text, "MRF' tool", 1), newName: 'MF' })).changes![doc]);
        expect(renamed).toContain("technical-note \"1. 'MF' is a material removal process");
        expect(renamed).toContain("by 'Magnetorheological finishing (MRF)' or an 'MF' tool");
    });

    test('a \'local\' term said to be specified by another entry: go to definition goes to that entry\'s note, references and rename reach the use', async () => {
        const text = LIST.replace('item e "Wafer handling systems";', "item e \"Wafer handling systems with a 'wafer chuck'\" {\n                technical-note \"'Wafer chuck' means a fixture holding a wafer.\"\n            }")
            .replace('    group B "Equipment" {', "    group A \"Systems\" {\n        entry 3A001 \"Assemblies having a 'wafer chuck' specified by 3B001.e.\";\n    }\n    group B \"Equipment\" {");
        const { doc, position, hover, definition } = await localTermAt('cited-term', text, "wafer chuck' specified", 2);
        expect(hover).toBe("**'wafer chuck'** (local term, defined in a note to 3B001.e)\n\n'Wafer chuck' means a fixture holding a wafer.");
        expect(definition).toEqual(positionOf(text, "technical-note \"'Wafer chuck'"));
        const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: doc }, position, context: { includeDeclaration: false } });
        expect(references.map(r => r.range.start)).toEqual([positionOf(text, "wafer chuck' specified", 0), positionOf(text, "wafer chuck'\"", 0), positionOf(text, "Wafer chuck' means", 0)]);
        const renamed = applyEdits(text, (await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position, newName: 'chuck' })).changes![doc]);
        expect(renamed).toContain("having a 'chuck' specified by 3B001.e.");
        expect(renamed).toContain("\"'chuck' means a fixture");
    });

    /** Opens `text` as a new document and returns the completion items at `needle` + `shift`. */
    async function completionAt(name: string, text: string, needle: string, shift: number): Promise<CompletionItem[]> {
        const doc = `file:///lsp-test/${name}.cld`;
        client.open(doc, text);
        await client.waitForDiagnostics(doc);
        const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: doc }, position: positionOf(text, needle, shift) });
        return result === null ? [] : Array.isArray(result) ? result : result.items;
    }

    test('completion offers the units of the parameter, its preferred unit first', async () => {
        const text = LIST.replace('wavelength <= 350 nm', 'wavelength <= 350 ');
        const labels = (await completionAt('complete-unit', text, 'wavelength <= 350 ', 18)).map(i => i.label);
        expect(labels[0]).toBe('nm');
        expect(labels).toContain('µm');
        expect(labels).not.toContain('GHz');
    });

    test('a closed untitled document does not stop the server at the next build', async () => {
        const untitled = 'untitled:Untitled-1';
        client.open(untitled, 'list "Scratch"\nparameter p: length\n');
        await client.waitForDiagnostics(untitled);
        void client.notify('textDocument/didClose', { textDocument: { uri: untitled } });
        // Any change rebuilds the workspace, the closed untitled document included.
        client.change(uri, LIST);
        await client.waitForDiagnostics(uri);
        const hover = await client.request<Hover>('textDocument/hover', at('entry 3B001', 7));
        expect(JSON.stringify(hover.contents)).toContain('3B001');
        expect(client.stderr).not.toMatch(/service registry/);
    });

    test('files of other languages in the workspace are not read as CLD', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-lsp-scan-'));
        const other = new LspTestClient();
        try {
            // Were README.md read as CLD, its entry would be indexed like the real list's.
            const entry = (code: string) => `list "L"\nnumbering eccn\ncategory 3 "E" {\n group B "T" {\n  entry ${code} "Thing";\n }\n}\n`;
            fs.writeFileSync(path.join(folder, 'README.md'), entry('3B777'));
            fs.writeFileSync(path.join(folder, 'list.cld'), entry('3B001'));
            await other.initialize(pathToFileURL(folder).toString());
            let names: string[] = [];
            for (let attempt = 0; attempt < 100 && !names.includes('3B001'); attempt++) {
                names = ((await other.request<{ name: string }[] | null>('workspace/symbol', { query: '3B' })) ?? []).map(s => s.name);
                if (!names.includes('3B001')) await new Promise(resolve => setTimeout(resolve, 100));
            }
            expect(names).toContain('3B001');
            expect(names).not.toContain('3B777');
        } finally {
            await other.shutdown();
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    test('completion offers dimension names in a parameter declaration, also after a typed prefix', async () => {
        const text = LIST.replace('parameter wavelength: length', 'parameter wavelength: len');
        const labels = (await completionAt('complete-dimension', text, 'wavelength: len', 'wavelength: len'.length)).map(i => i.label);
        expect(labels).toContain('length');
        expect(labels.filter(l => l === 'length')).toHaveLength(1);
        const hyphenated = LIST.replace('parameter wavelength: length', 'parameter wavelength: data-r');
        expect((await completionAt('complete-dimension-hyphen', hyphenated, ': data-r', ': data-r'.length)).map(i => i.label)).toContain('data-rate');
        const empty = LIST.replace('parameter wavelength: length', 'parameter wavelength: ');
        expect((await completionAt('complete-dimension-empty', empty, 'wavelength: ', 'wavelength: '.length)).map(i => i.label)).toContain('length');
    });

    test('completion offers defined terms inside text after an opening quote', async () => {
        const text = LIST.replace('item e "Wafer handling systems";', 'item e `Wafer handling with "la`;');
        const items = await completionAt('complete-term', text, '"la`', 3);
        expect(items.map(i => i.label)).toEqual(['laser']);
        expect((items[0].textEdit as TextEdit).range.start).toEqual(positionOf(text, '"la`', 1));
        const outside = await completionAt('complete-term-outside', text, 'Wafer handling', 3);
        expect(outside.map(i => i.label)).not.toContain('laser');
    });

    test('completion offers item codes in a see reference', async () => {
        const text = LIST.replace('see 3B001.f.1.a', 'see ');
        const labels = (await completionAt('complete-see', text, 'see ', 4)).map(i => i.label);
        expect(labels).toEqual(expect.arrayContaining(['3B001', '3B001.f', '3B001.f.1.a']));
    });

    test('go to definition from a see reference and from a term in text', async () => {
        const fromSee = await client.request<LocationLink[]>('textDocument/definition', at('see 3B001.f.1.a', 8));
        expect(fromSee[0].targetSelectionRange.start).toEqual(positionOf(LIST, 'item a "Wavelength', 5));
        const fromTerm = await client.request<LocationLink[]>('textDocument/definition', at('"lasers"', 2));
        expect(fromTerm[0].targetSelectionRange.start).toEqual(positionOf(LIST, '"laser" "A source'));
    });

    test('find references of an item and of a term', async () => {
        const itemRefs = await client.request<Location[]>('textDocument/references', { ...at('item a "Wavelength', 5), context: { includeDeclaration: false } });
        expect(itemRefs.map(r => r.range.start)).toEqual([positionOf(LIST, '3B001.f.1.a')]);
        const termRefs = await client.request<Location[]>('textDocument/references', { ...at('"laser" "A', 1), context: { includeDeclaration: true } });
        expect(termRefs).toHaveLength(2);
    });

    test('rename an item label renames every reference below it', async () => {
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('item f "Litho', 5), newName: 'g' });
        const edits = edit.changes![uri];
        expect(edits.map(e => e.newText).sort()).toEqual(['3B001.g.1.a', 'g']);
        await expect(client.request('textDocument/rename', { ...at('item f "Litho', 5), newName: '7' })).rejects.toThrow(/not a valid label/);
    });

    test('rename a term renames its definition and its uses in text', async () => {
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('"laser" "A', 1), newName: 'maser' });
        expect(edit.changes![uri].map(e => e.newText).sort()).toEqual(['"maser"', 'maser']);
    });

    test('rename a parameter renames its uses', async () => {
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('parameter wavelength', 10), newName: 'lambda' });
        expect(edit.changes![uri]).toHaveLength(3);
    });

    test('document symbols outline categories, groups, entries and items by code', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const category = symbols.find(s => s.name === 'Category 3')!;
        const entry = category.children![0].children![0];
        expect(entry.name).toBe('3B001');
        expect(entry.children!.map(c => c.name)).toEqual(['3B001.a', '3B001.b', '3B001.c', '3B001.d', '3B001.e', '3B001.f']);
        expect(entry.children![5].children![0].children!.map(c => c.name)).toEqual(['3B001.f.1.a', '3B001.f.1.b']);
    });

    test('formatting re-indents and is idempotent', async () => {
        const messy = 'file:///lsp-test/messy.cld';
        const text = LIST.split('\n').map(l => l.trim()).join('\n');
        client.open(messy, text);
        await client.waitForDiagnostics(messy);
        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: messy }, options: { tabSize: 4, insertSpaces: true } });
        expect(edits).toHaveLength(1);
        expect(edits[0].newText).toBe(LIST);
        const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        expect(again).toEqual([]);
    });

    test('semantic tokens are produced', async () => {
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(tokens.data.length).toBeGreaterThan(5 * 10);
        expect(tokens.data.length % 5).toBe(0);
    });

    test('workspace symbols find items by code', async () => {
        const symbols = await client.request<Array<{ name: string }>>('workspace/symbol', { query: '3B001.f.1' });
        expect(symbols.map(s => s.name)).toEqual(expect.arrayContaining(['3B001.f.1.a']));
    });
});

describe('cancellation', () => {
    test('a cancelled outline of a large list stops with RequestCancelled instead of finishing for nobody', async () => {
        const big = 'file:///lsp-test/outline-big.cld';
        const group = (letter: string) => `    group ${letter} {\n${Array.from({ length: 1000 }, (_, i) => `        entry 3${letter}${String(i).padStart(3, '0')} "e" {\n${['a', 'b', 'c', 'd', 'e', 'f'].map(l => `            item ${l} "t";`).join('\n')}\n        }`).join('\n')}\n    }`;
        client.open(big, `list "big"\nnumbering eccn\ncategory 3 {\n${['A', 'B', 'C', 'D'].map(group).join('\n')}\n}\n`);
        await client.waitForDiagnostics(big, 60000);
        // The first outline of the list (a later one reuses what the first made: document-symbols.ts).
        const source = new CancellationTokenSource();
        const cancelled = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: big } }, source.token);
        setTimeout(() => source.cancel(), 5);
        // Answered with the RequestCancelled error, not with symbols.
        const outcome = await cancelled.then(result => result, (error: unknown) => error);
        expect(Array.isArray(outcome)).toBe(false);
        expect(outcome).toMatchObject({ code: LSPErrorCodes.RequestCancelled });
        expect(client.alive).toBe(true);
        // Uncancelled, it answers in full, the part the cancelled one made included: 4 groups of 1,000
        // entries of 6 items (28,005 symbols: the outline's limit raised past them, outline-limit.test.ts).
        await client.notify('workspace/didChangeConfiguration', { settings: { cld: { outline: { maxItems: 100000 } } } });
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: big } });
        await client.notify('workspace/didChangeConfiguration', { settings: { cld: {} } });
        expect(symbols[0].children!.map(g => g.children!.length)).toEqual([1000, 1000, 1000, 1000]);
        expect(symbols[0].children!.every(g => g.children!.every(e => e.children!.length === 6))).toBe(true);
    }, 90000);
});

describe('bad input never stops the server', () => {
    test('empty, garbage and large documents all get diagnostics, and the server still answers', async () => {
        const empty = 'file:///lsp-test/empty.cld';
        client.open(empty, '');
        expect((await client.waitForDiagnostics(empty))[0].message).toContain('no list header');
        const garbage = 'file:///lsp-test/garbage.cld';
        client.open(garbage, 'list "x" }}}{{ item item 3.B.1 ### "open\n\u0000\u00ff `unclosed');
        expect((await client.waitForDiagnostics(garbage)).length).toBeGreaterThan(0);
        const large = 'file:///lsp-test/large.cld';
        const entries = Array.from({ length: 3000 }, (_, i) => `        entry 3A${String(i % 1000).padStart(3, '0')} "e" { item a "t" { wavelength < ${i + 1} nm } }`).join('\n');
        client.open(large, `list "large"\nnumbering eccn\nparameter wavelength: length\ncategory 3 {\n    group A {\n${entries}\n    }\n}\n`);
        expect((await client.waitForDiagnostics(large, 60000)).some(d => d.code === 'duplicate-code')).toBe(true);
        const huge = 'file:///lsp-test/huge.cld';
        client.open(huge, 'list "huge"\n' + '// padding\n'.repeat(1024 * 1024));
        const hugeDiagnostics = await client.waitForDiagnostics(huge);
        expect(hugeDiagnostics.map(d => d.message)).toEqual(['This file is 11.0 MB; CLD checks files of at most 10 MB. Split the list into smaller files.']);
        const hover = await client.request<Hover>('textDocument/hover', at('item a "Wavelength', 5));
        expect((hover.contents as { value: string }).value).toContain('3B001.f.1.a');
        expect(client.alive).toBe(true);
    });
});

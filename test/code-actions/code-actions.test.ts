import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { diagnose, inEntry, services } from '../validation/validation-helper.js';

/** Validates `text`, asks for the quick fixes of the diagnostics with `code`, and applies the first titled `title`. */
async function fix(text: string, code: string, title: RegExp): Promise<{ result: string; titles: string[] }> {
    const { diagnostics, document } = await diagnose(text);
    const relevant = diagnostics.filter((d: Diagnostic) => d.code === code);
    expect(relevant.length, `no ${code} diagnostic`).toBeGreaterThan(0);
    const actions = await services.Cld.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: relevant[0].range, context: { diagnostics: relevant } }) as CodeAction[];
    const chosen = actions.find(a => title.test(a.title));
    expect(chosen, `no action matching ${title} among ${actions.map(a => a.title)}`).toBeDefined();
    const edits = chosen!.edit!.changes![document.uri.toString()];
    return { result: TextDocument.applyEdits(TextDocument.create('x', 'cld', 1, text), edits), titles: actions.map(a => a.title) };
}

async function codesAfter(text: string): Promise<string[]> {
    return (await diagnose(text)).diagnostics.map(d => String(d.code ?? (d.data as { code?: string })?.code));
}

describe('quick fixes', () => {
    test('renumber a label sequence, with the references that follow it', async () => {
        const text = inEntry('item a "x";\n item c "y" { item 1 "z"; }\n see 3B001.c.1');
        const { result } = await fix(text, 'label-sequence', /Renumber/);
        expect(result).toContain('item b "y"');
        expect(result).toContain('see 3B001.b.1');
        expect(await codesAfter(result)).toEqual([]);
    });

    test('insert a missing label as reserved', async () => {
        const text = inEntry('            item a "x";\n            item c "y";');
        const { result } = await fix(text, 'label-sequence', /Insert/);
        expect(result).toContain('            item b reserved\n            item c "y";');
        expect(await codesAfter(result)).toEqual([]);
    });

    test('convert a unit to the preferred one, exactly', async () => {
        const { result } = await fix(inEntry('item a "x" { wavelength < 0.35 um }'), 'unit-not-preferred', /Convert 0.35 um to 350 nm/);
        expect(result).toContain('wavelength < 350 nm');
        expect(await codesAfter(result)).toEqual([]);
    });

    test('add a definition stub for an undefined term, into the definitions block or a new one', async () => {
        const withBlock = await fix(inEntry('item a `a "gizmo"`;', 'definitions {\n    term "laser" "light"\n}'), 'term-undefined', /Add a definition/);
        expect(withBlock.result).toMatch(/term "laser" "light"\n {4}term "gizmo" "TODO: define gizmo"\n}/);
        const without = await fix(inEntry('item a `a "gizmo"`;'), 'term-undefined', /Add a definition/);
        expect(without.result).toContain('definitions {\n    term "gizmo" "TODO: define gizmo"\n}\n\ncategory 3');
        expect(await codesAfter(without.result)).toEqual([]);
    });

    test('fix tiers: add sensitive before very-sensitive; munitions outside ML becomes dual-use', async () => {
        const very = await fix(inEntry('item a "x" tier very-sensitive;'), 'tier-very-sensitive', /sensitive/);
        expect(very.result).toContain('tier sensitive very-sensitive;');
        const munitions = await fix(inEntry('item a "x" tier munitions;'), 'tier-munitions', /dual-use/);
        expect(munitions.result).toContain('tier dual-use;');
        expect(await codesAfter(munitions.result)).toEqual([]);
    });

    test('write an entry code in the list numbering', async () => {
        const text = 'list "x"\nnumbering eccn\nimplements wassenaar "W"\ncategory 3 { group B { entry 3.B.1 "x"; } }\n';
        const { result } = await fix(text, 'code-format', /3B001/);
        expect(result).toContain('entry 3B001 "x"');
    });
});

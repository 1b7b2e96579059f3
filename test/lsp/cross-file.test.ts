import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspTestClient } from './lsp-client.js';

// A national list's precedent links are checked against the WA edition it implements, found by
// list id among the open documents. When that edition changes or goes away, the national list's
// diagnostics must follow, without an edit to the national list itself.
const wa = (id: string) => `list "WA"\nid "${id}"\nnumbering wassenaar\ncategory 3 "Electronics" {\n    group B "Equipment" {\n        entry 3.B.1 "Equipment" {\n            item a "Epitaxy";\n        }\n    }\n}\n`;
const NATIONAL = `list "National"\nnumbering eccn\nimplements wassenaar "WA-LIST (21) 1"\ncategory 3 {\n    group B {\n        entry 3B001 "Equipment" precedent 3.B.1 {\n            item a "Epitaxy" precedent 3.B.1.q;\n        }\n    }\n}\n`;
const waUri = 'file:///cross-file/wa-2021.cld';
const nationalUri = 'file:///cross-file/national.cld';
let client: LspTestClient;

beforeAll(async () => {
    client = new LspTestClient();
    await client.initialize();
}, 30000);

afterAll(async () => client?.shutdown());

const unresolved = async () => (await client.waitForDiagnostics(nationalUri)).filter(d => d.code === 'unresolved-precedent').length;

describe('diagnostics that depend on another document', () => {
    test('a precedent error appears with the WA edition, and goes when the edition changes its id or is closed', async () => {
        client.open(waUri, wa('WA-LIST (21) 1'));
        await client.waitForDiagnostics(waUri);
        client.open(nationalUri, NATIONAL);
        expect(await unresolved()).toBe(1);

        client.forgetDiagnostics(nationalUri);
        client.change(waUri, wa('WA-LIST (19) 1'));
        expect(await unresolved()).toBe(0);

        client.forgetDiagnostics(nationalUri);
        client.change(waUri, wa('WA-LIST (21) 1'));
        expect(await unresolved()).toBe(1);

        client.forgetDiagnostics(nationalUri);
        await client.notify('textDocument/didClose', { textDocument: { uri: waUri } });
        expect(await unresolved()).toBe(0);
    });

    test('a change to a list that never had, and does not now have, the id of the edition is not a reason to check the national list again', async () => {
        const otherUri = 'file:///cross-file/other.cld';
        const other = (name: string) => `list "${name}"\nid "OTHER"\nnumbering eccn\ncategory 1 {\n    group A {\n        entry 1A001 "Seals";\n    }\n}\n`;
        client.open(waUri, wa('WA-LIST (21) 1'));
        client.open(otherUri, other('Other'));
        await client.waitForDiagnostics(otherUri);
        client.forgetDiagnostics(nationalUri);
        client.change(nationalUri, NATIONAL);
        expect(await unresolved()).toBe(1);
        // Its slow (conformance) checks follow once typing pauses, and publish again.
        client.forgetDiagnostics(nationalUri);
        await client.waitForDiagnostics(nationalUri, 5000);

        client.forgetDiagnostics(nationalUri);
        client.change(otherUri, other('Other, renamed'));
        await client.waitForDiagnostics(otherUri);
        // Had it been checked again, its diagnostics would have been published in the same build.
        await expect(client.waitForDiagnostics(nationalUri, 2000)).rejects.toThrow(/no diagnostics/);

        // A change that gives the other list the edition's id is one.
        client.change(otherUri, other('Other').replace('OTHER', 'WA-LIST (21) 1'));
        expect(await client.waitForDiagnostics(nationalUri)).toBeDefined();
    });
});

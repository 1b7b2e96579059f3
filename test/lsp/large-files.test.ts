import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentSymbol, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { syntheticList } from '../../bench/synthetic-list.mjs';
import { LspTestClient } from './lsp-client.js';

// Near the 10 MB file limit the server leaves out the outline's items and the semantic tokens,
// and says so once (server/src/large-files.ts). A real server over stdio, with a list of 8.6 MB.
describe('a list near the file-size limit', () => {
    const client = new LspTestClient();
    const large = pathToFileURL('/tmp/cld-large-list.cld').toString();
    const small = pathToFileURL('/tmp/cld-small-list.cld').toString();
    const text = syntheticList(23500);
    const itemText = { line: 10, character: 26 };
    let hoverWhileReading: Promise<Hover | null>;

    beforeAll(async () => {
        expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
        // The outline's own limit (10,000 symbols: outline-limit.test.ts) raised past the list's entries.
        client.settings = { cld: { outline: { maxItems: 100000 } } };
        await client.initialize();
        client.open(large, text);
        hoverWhileReading = client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: large }, position: itemText });
        client.open(small, syntheticList(90));
        await client.waitForDiagnostics(large, 120000);
    }, 150000);
    afterAll(() => client.shutdown());

    test('a hover while it is first read says so at once (server/src/reading-hover.ts); once read, a hover shows the item', async () => {
        const reading = await hoverWhileReading;
        expect((reading?.contents as { value: string }).value).toBe('CLD is still reading this list (8.6 MB) for the first time; hovers show its items and their WA precedent once it is read.');
        const read = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: large }, position: itemText });
        expect((read?.contents as { value: string }).value).toContain('**1.A.1.b.1**');
        // After an edit, a hover waits for the build under way (a block's reparse) rather than saying it is reading.
        client.change(large, text.replace('"Sub-item one"', '"Sub-item One"'));
        const edited = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: large }, position: itemText });
        expect((edited?.contents as { value: string }).value).toContain('Sub-item One');
        client.change(large, text);
    }, 60000);

    test('is checked as any other: no diagnostics for a valid list', async () => {
        expect(await client.waitForDiagnostics(large, 120000)).toEqual([]);
    });

    test('its outline lists entries without their items, and it has no semantic tokens; a small list has both', async () => {
        const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: large } });
        const categories = (list: DocumentSymbol[]) => list.filter(s => s.name.startsWith('Category'));
        const entries = categories(symbols).flatMap(c => c.children ?? []).flatMap(g => g.children ?? []);
        expect(entries.length).toBe(23500);
        expect(entries.every(e => (e.children ?? []).length === 0)).toBe(true);
        const tokens = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: large } });
        expect(tokens.data).toEqual([]);

        const smallSymbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
        expect(categories(smallSymbols)[0].children![0].children![0].children!.map(i => i.name)).toEqual(['1A001.a', '1A001.b']);
        const smallTokens = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: small } });
        expect(smallTokens.data.length).toBeGreaterThan(100);
    }, 60000);

    test('with lists this large open, the server collects memory sooner (server/src/large-list-memory.ts), and says so in its log once', () => {
        const sooner = client.logs.filter(l => l.includes('memory is collected sooner'));
        expect(sooner).toHaveLength(1);
        expect(sooner[0]).toMatch(/^The lists the server holds \(open, or in the workspace\) have \d{7,} characters/);
    });

    test('the user is told once what is left out, and why', async () => {
        await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: large } });
        const told = client.messages.filter(m => m.startsWith('cld-large-list.cld is 8.'));
        expect(told).toHaveLength(1);
        expect(told[0]).toMatch(/outline lists entries without their items, semantic highlighting is off and conformance with the WA edition is not checked as you type/);
        expect(client.messages.some(m => m.includes('cld-small-list'))).toBe(false);
    });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { repositoryRoot } from '../cli/run-cld.js';
import { LspTestClient } from './lsp-client.js';

// The outline lists at most cld.outline.maxItems symbols (10,000 by default), level by level,
// and says so once per file (server/src/document-symbols.ts), over a real LSP connection.
const text = readFileSync(join(repositoryRoot, 'examples', 'examplia', 'examplia-2025.cld'), 'utf8');
const uri = 'file:///outline/examplia-2025.cld';
let client: LspTestClient;

beforeAll(async () => {
    client = new LspTestClient();
    await client.initialize();
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
}, 30000);
afterAll(async () => {
    await client.shutdown();
});

const outline = () => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

async function withMaxItems(maxItems: number | undefined): Promise<void> {
    client.settings = maxItems === undefined ? {} : { cld: { outline: { maxItems } } };
    await client.notify('workspace/didChangeConfiguration', { settings: client.settings });
}

/** The symbols level by level, as "name (parent name)", so a symbol moved under another parent differs. */
function levels(symbols: DocumentSymbol[]): string[] {
    const order: string[] = [];
    const queue = symbols.map(symbol => ({ symbol, parent: '' }));
    for (let next = 0; next < queue.length; next++) {
        const { symbol, parent } = queue[next];
        order.push(`${symbol.name} (${parent})`);
        for (const child of symbol.children ?? []) queue.push({ symbol: child, parent: symbol.name });
    }
    return order;
}

describe('the outline\'s limit', () => {
    test('a list under it is listed whole, and nothing is said', async () => {
        await withMaxItems(undefined);
        const all = levels(await outline());
        expect(all.length).toBeGreaterThan(50);
        expect(all.filter(s => s.startsWith('3A001.'))).not.toEqual([]);
        expect(client.messages.filter(m => m.includes('cld.outline.maxItems'))).toEqual([]);
    });

    test('past it, the first symbols level by level, each under its own parent, and it is said once', async () => {
        await withMaxItems(undefined);
        const all = levels(await outline());
        const topLevel = (await outline()).length;
        const limit = topLevel + 7;
        await withMaxItems(limit);
        const trimmed = await outline();
        expect(levels(trimmed)).toEqual(all.slice(0, limit));
        // The top level whole, then the first seven of the level below.
        expect(trimmed).toHaveLength(topLevel);
        await outline();
        const said = client.messages.filter(m => m.includes('cld.outline.maxItems'));
        expect(said).toEqual([`The outline of examplia-2025.cld lists ${limit} of its ${all.length} symbols, level by level: categories, groups and entries first, then items as far as they fit. The setting cld.outline.maxItems raises the limit.`]);
        // The symbols kept for the next outline keep their children: raising the limit lists all again.
        await withMaxItems(100000);
        expect(levels(await outline())).toEqual(all);
    });

    test('a value that is not a whole number of at least 1 is taken as the default', async () => {
        await withMaxItems(undefined);
        const all = levels(await outline());
        for (const bad of [0, -5, 2.5]) {
            await withMaxItems(bad);
            expect(levels(await outline())).toEqual(all);
        }
    });
});

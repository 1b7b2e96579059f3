import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repositoryRoot } from '../cli/run-cld.js';
import { LspTestClient } from './lsp-client.js';

// cld/newList over a real LSP connection: the editor's "New National List from WA Edition…".
let client: LspTestClient;
beforeAll(async () => {
    client = new LspTestClient();
    await client.initialize(null);
}, 30000);
afterAll(() => client.shutdown());

type Result = { ok: true; text: string; warnings: number } | { ok: false; message: string };
const uriOf = (...parts: string[]) => pathToFileURL(join(repositoryRoot, 'examples', ...parts)).href;

describe('cld/newList', () => {
    test('a WA edition on disk (not open) becomes a national list in the numbering asked for', async () => {
        const result = await client.request<Result>('cld/newList', { uri: uriOf('wa-series', 'wa-series-2017.cld'), numbering: 'eccn' });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.text).toContain('implements wassenaar "WA-SERIES (17) 1"');
        expect(result.text).toContain('entry 4A003 "Digital computers and related equipment, as follows:" precedent 4.A.3 {');
    });

    test('a national list is refused, with the reason', async () => {
        expect(await client.request<Result>('cld/newList', { uri: uriOf('examplia', 'examplia-2025.cld') })).toEqual({ ok: false, message: 'this is a national list (ECCN numbering); start from a WA edition' });
    });
});

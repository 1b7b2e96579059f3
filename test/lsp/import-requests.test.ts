import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspTestClient } from './lsp-client.js';

// The requests behind "CLD: Import WA Editions from Folder…", over a real connection to out/server.cjs.
const corpus = path.resolve(__dirname, '../../../shared/data/wassenaar');
let client: LspTestClient;
let out: string;

beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-lsp-import-'));
    client = new LspTestClient();
    await client.initialize();
}, 30000);

afterAll(async () => {
    await client?.shutdown();
    fs.rmSync(out, { recursive: true, force: true });
});

describe('import requests', () => {
    test('a folder with no editions: an empty list and the reason', async () => {
        const result = await client.request<{ editions: string[]; message?: string }>('cld/listEditions', { folder: out });
        expect(result.editions).toEqual([]);
        expect(result.message).toMatch(/no edition folders/);
    });

    test('a broken edition: a message naming it, and the server keeps serving', async () => {
        const broken = path.join(out, 'WA-LIST-21-1');
        fs.mkdirSync(broken);
        const result = await client.request<{ ok: boolean; message?: string }>('cld/importEdition', { source: broken, outDir: out });
        expect(result).toEqual({ ok: false, message: `${broken}: no Word, text or PDF files in this folder` });
        expect(fs.readdirSync(out)).toEqual(['WA-LIST-21-1']);
    });

    test.skipIf(!fs.existsSync(corpus))('lists the 27 WA editions and imports one', async () => {
        const listed = await client.request<{ editions: string[] }>('cld/listEditions', { folder: corpus });
        expect(listed.editions.length).toBe(27);
        expect(path.basename(listed.editions[0])).toBe('WA-LIST-97-1');
        const result = await client.request<{ ok: boolean; file: string; errors: number; items: number }>('cld/importEdition', { source: path.join(corpus, 'WA-LIST-99-1'), outDir: out });
        expect(result).toMatchObject({ ok: true, file: path.join(out, 'WA-LIST-99-1.cld'), errors: 0 });
        expect(result.items).toBeGreaterThan(1500);
        expect(fs.readFileSync(result.file, 'utf-8')).toMatch(/^id "WA-LIST \(99\) 1"$/m);
    }, 60000);
});

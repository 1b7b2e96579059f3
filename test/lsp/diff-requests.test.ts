import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspTestClient } from './lsp-client.js';

// The request behind "CLD: Compare with Previous Edition", "Compare with Git HEAD" and
// "Compare Two Files…", over a real connection to out/server.cjs.
const examples = path.resolve(__dirname, '../../examples/examplia');
const uri = (file: string) => pathToFileURL(file).toString();
let client: LspTestClient;
let dir: string;

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-lsp-diff-'));
    client = new LspTestClient();
    await client.initialize();
}, 30000);

afterAll(async () => {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
});

interface DiffResult {
    ok: boolean;
    message?: string;
    diff: { summary: { counts: Record<string, number> }; changes: Array<{ kind: string; code: string; oldCode?: string }> };
    oldUri: string;
    newLines: Record<string, number>;
    oldLines: Record<string, number>;
}

describe('cld/diffLists', () => {
    test('with no old list, the one the new list supersedes; with the line of every item in both', async () => {
        const result = await client.request<DiffResult>('cld/diffLists', { new: { uri: uri(path.join(examples, 'examplia-2025.cld')) } });
        expect(result.ok).toBe(true);
        expect(result.oldUri).toBe(uri(path.join(examples, 'examplia-2024.cld')));
        expect(result.diff.summary.counts).toMatchObject({ added: 2, removed: 1, renumbered: 1, tightened: 1, relaxed: 1 });
        const lines2025 = fs.readFileSync(path.join(examples, 'examplia-2025.cld'), 'utf-8').split('\n');
        expect(lines2025[result.newLines['3A001.b']]).toMatch(/item b "Signal generators/);
        const renumbered = result.diff.changes.find(c => c.kind === 'renumbered')!;
        const lines2024 = fs.readFileSync(path.join(examples, 'examplia-2024.cld'), 'utf-8').split('\n');
        expect(lines2024[result.oldLines[renumbered.oldCode!]]).toMatch(/item b /);
    });

    test('an old text given by the client (git HEAD) is compared as is', async () => {
        const file = path.join(examples, 'examplia-2024.cld');
        const older = fs.readFileSync(file, 'utf-8').replace('frequency > 31.8 GHz }', 'frequency > 40 GHz }');
        const result = await client.request<DiffResult>('cld/diffLists', { old: { uri: 'untitled:Untitled-1', text: older, label: 'HEAD' }, new: { uri: uri(file) } });
        expect(result.diff.changes.map(c => `${c.kind} ${c.code}`)).toEqual(['threshold 3A001.b']);
    });

    test('bad input: a message, and the server keeps serving', async () => {
        const noSupersedes = path.join(dir, 'alone.cld');
        fs.writeFileSync(noSupersedes, 'list "Alone"\n');
        expect(await client.request<DiffResult>('cld/diffLists', { new: { uri: uri(noSupersedes) } })).toEqual({ ok: false, message: 'alone.cld names no previous edition: add supersedes "<file>.cld" to its header' });
        const missing = await client.request<DiffResult>('cld/diffLists', { old: { uri: uri(path.join(dir, 'gone.cld')) }, new: { uri: uri(noSupersedes) } });
        expect(missing).toEqual({ ok: false, message: `${path.join(dir, 'gone.cld')}: no such file` });
        const broken = path.join(dir, 'broken.cld');
        fs.writeFileSync(broken, 'list "X"\ncategory 3 { group A { entry 3A001 "open\n');
        const syntax = await client.request<DiffResult>('cld/diffLists', { old: { uri: uri(broken) }, new: { uri: uri(noSupersedes) } });
        expect(syntax.ok).toBe(false);
        expect(syntax.message).toMatch(/^broken\.cld:\d+: .*fix the syntax errors before comparing/);
        const again = await client.request<DiffResult>('cld/diffLists', { new: { uri: uri(path.join(examples, 'examplia-2025.cld')) } });
        expect(again.ok).toBe(true);
    });
});

describe('malformed custom requests', () => {
    test.each([
        ['cld/diffLists', undefined, /needs 'new'|expects an object/],
        ['cld/diffLists', { new: { uri: 42 } }, /needs 'new' as/],
        ['cld/diffLists', { new: { uri: 'file:///x.cld' }, old: 'HEAD' }, /needs 'old' as/],
        ['cld/listEditions', {}, /needs 'folder' as a string/],
        ['cld/importEdition', { source: '/x' }, /needs 'outDir' as a string/],
    ])('%s with %j is InvalidParams with what is missing, and the server keeps serving', async (method, params, message) => {
        const error = await client.request(method, params).then(() => undefined, (e: { code: number; message: string }) => e);
        expect(error?.code).toBe(-32602);
        expect(error?.message).toMatch(message);
        expect(error?.message).not.toContain('Cannot read properties');
        expect(client.alive).toBe(true);
    });
});

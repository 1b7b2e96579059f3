import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { cld } from '../cli/run-cld.js';
import { LspTestClient } from './lsp-client.js';

// Random edit scripts typed into a real server over stdio, as an editor sends them (ranged,
// incremental changes, fast): after the last edit, the diagnostics the server publishes for that
// version equal `cld validate` of the final text. The server's debounce, cancellation and
// version bookkeeping must never leave a stale or partial answer.

const start = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8');
const pieces = ['item z "New item" { frequency > 1 GHz }\n', '}', '{', '"', ' GHz', ' 0.35 um', '\n', 'tier sensitive ', 'x', '// note\n', '"laser"', "'local'", ' reserved since 2020', '3A001'];
const edit = fc.record({ at: fc.nat(), cut: fc.oneof(fc.constant(0), fc.nat({ max: 12 })), insert: fc.oneof(fc.constantFrom(...pieces), fc.constant('')) });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-edits-'));
let client: LspTestClient;

beforeAll(async () => {
    client = new LspTestClient();
    await client.initialize();
});

afterAll(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
});

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before[before.length - 1].length };
}

const shape = (d: { line: number; column: number; severity: string; code?: string; message: string }) => `${d.line}:${d.column} ${d.severity} ${d.code ?? ''} ${d.message}`;
const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

let run = 0;
test('random edit scripts: the diagnostics of the last version equal cld validate of the final text', async () => {
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async edits => {
        const uri = `file:///edits/script-${++run}.cld`;
        let text = start;
        let version = 1;
        client.open(uri, text);
        for (const { at, cut, insert } of edits) {
            const offset = at % (text.length + 1);
            const end = Math.min(text.length, offset + cut);
            const range = { start: positionAt(text, offset), end: positionAt(text, end) };
            text = text.slice(0, offset) + insert + text.slice(end);
            version++;
            await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
        }
        const deadline = Date.now() + 20000;
        while (client.publishedVersion(uri) !== version) {
            if (Date.now() > deadline) throw new Error(`no diagnostics for version ${version} of ${uri}`);
            client.forgetDiagnostics(uri);
            await client.waitForDiagnostics(uri);
        }
        const published: Diagnostic[] = await client.waitForDiagnostics(uri);
        const file = path.join(dir, `script-${run}.cld`);
        fs.writeFileSync(file, text);
        const validated = JSON.parse(cld('validate', file, '--format', 'json').stdout) as Array<{ line: number; column: number; severity: string; code?: string; message: string }>;
        const fromServer = published.map(d => shape({ line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEVERITIES[d.severity ?? 1], code: d.code === undefined ? undefined : String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value }));
        expect(fromServer.sort()).toEqual(validated.map(shape).sort());
        await client.notify('textDocument/didClose', { textDocument: { uri } });
    }), { numRuns: 8, seed: 20261206 });
}, 240000);

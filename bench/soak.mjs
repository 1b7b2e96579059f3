// `npm run soak`: one language server over stdio, thousands of random edits and requests, then
// the diagnostics of the final text compared with `cld validate` of the same text. Prints the
// server's memory (resident set, from /proc) sampled along the way, against the first sample.
// Usage: npm run build && node bench/soak.mjs [edits] [seed]   (defaults: 3000 edits, seed 1)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver-protocol/node';

const root = resolve(import.meta.dirname, '..');
const edits = Number(process.argv[2] ?? 3000);
let seed = Number(process.argv[3] ?? 1);
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = list => list[Math.floor(random() * list.length)];

const dir = mkdtempSync(join(tmpdir(), 'cld-soak-'));
const file = join(dir, 'soak.cld');
const uri = pathToFileURL(file).toString();
let text = readFileSync(join(root, 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8');
const pieces = ['item z "New item" { frequency > 1 GHz }\n', '}', '{', '"', 'GHz', ' 0.35 um', '\n', 'tier sensitive ', 'see 3A001.a\n', 'x', '// comment\n', '"defined term"', '\r'];

const server = spawn(process.execPath, [join(root, 'out', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let last;
let lastAt = 0;
connection.onNotification('textDocument/publishDiagnostics', params => { if (params.uri === uri) { last = params; lastAt = Date.now(); } });
connection.onRequest('workspace/configuration', () => []);
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
connection.listen();

const rssMb = () => {
    try {
        const status = readFileSync(`/proc/${server.pid}/status`, 'utf-8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
    } catch {
        return NaN;
    }
};

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await connection.sendNotification('initialized', {});
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
const samples = [];
const started = Date.now();
const position = () => {
    const lines = text.split(/\r\n|\r|\n/);
    const line = Math.floor(random() * lines.length);
    return { line, character: Math.floor(random() * (lines[line].length + 1)) };
};
for (let version = 2; version < edits + 2; version++) {
    const offset = Math.floor(random() * (text.length + 1));
    const cut = random() < 0.4 ? Math.floor(random() * 12) : 0;
    text = text.slice(0, offset) + (random() < 0.7 ? pick(pieces) : '') + text.slice(offset + cut);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    if (version % 10 === 0) {
        const method = pick(['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/foldingRange']);
        const params = { textDocument: { uri }, position: position(), options: { tabSize: 4, insertSpaces: true } };
        await connection.sendRequest(method, params).catch(e => { throw new Error(`${method} failed at edit ${version}: ${e.message}`); });
    }
    if (version % 250 === 0) samples.push([version, rssMb()]);
}
// Wait until the diagnostics of the final version are published: the server does not say the
// version, so wait for the first quiet 3 seconds after the last edit.
const lastEdit = Date.now();
while ((lastAt < lastEdit || Date.now() - lastAt < 3000) && Date.now() - lastEdit < 60000) await new Promise(r => setTimeout(r, 100));
const elapsed = (Date.now() - started) / 1000;
writeFileSync(file, text);
const validate = spawnSync(process.execPath, [join(root, 'bin', 'cld.cjs'), 'validate', file, '--format', 'json'], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
const cli = JSON.parse(validate.stdout || '[]').map(f => `${f.line}:${f.column} ${f.code}`).sort();
const lsp = (last?.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort();
const same = JSON.stringify(cli) === JSON.stringify(lsp);

console.log(`edits\t${edits}\nseconds\t${elapsed.toFixed(1)} (with a request every 10 edits)`);
console.log('memory (server RSS, MB)\nafter edit\tMB\tx first');
for (const [version, mb] of samples) console.log(`${version}\t${mb.toFixed(0)}\t${(mb / samples[0][1]).toFixed(2)}`);
console.log(`final diagnostics: server ${lsp.length}, cld validate ${cli.length}: ${same ? 'equal' : 'DIFFERENT'}`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
server.kill();
rmSync(dir, { recursive: true, force: true });
process.exitCode = same ? 0 : 1;

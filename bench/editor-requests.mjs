#!/usr/bin/env node
// The editor's requests over a real stdio LSP connection, on a full WA edition and at ten times
// its size, against the 8 KB example as the baseline, measured in the same run: completion (after
// a threshold's number, where units are offered, and at the start of an item's line, where
// keywords and parameters are), document symbols (the outline), semantic tokens and folding.
// Each request is timed from sending to its answer once the list's diagnostics have arrived (for
// "after a key", a letter is typed before each request and its diagnostics awaited);
// p50 and p95 over the runs. For the outline, also the size of its answer and what encoding and
// decoding that much JSON costs in this process: the floor of its time over LSP.
// Usage: npm run build && node bench/editor-requests.mjs [runs]   (default 40: with 20, a p95 is the
// second slowest answer)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp-server.mjs';
import { percentile } from './percentile.mjs';
import { syntheticList } from './synthetic-list.mjs';
import { tenTimes } from './ten-times.mjs';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'cld-requests-'));
const edition = join(root, '.cache', 'wa', 'WA-LIST-21-1.cld');

/** Positions spread over the list: after a threshold's number, and at the start of an item's line. */
function positions(text) {
    const lines = text.split('\n');
    const units = [];
    const starts = [];
    lines.forEach((line, i) => {
        const number = /(?:^|[{\s])[a-z_]+ (?:<|<=|>|>=|=) -?[0-9.]+ /.exec(line);
        if (number) units.push({ line: i, character: number.index + number[0].length });
        const item = /^(\s*)item /.exec(line);
        if (item) starts.push({ line: i, character: item[1].length });
    });
    const spread = (list, k) => list[Math.floor((k * 7919) % list.length)];
    return { unit: k => spread(units, k), start: k => spread(starts, k) };
}

async function measure(name, text) {
    const uri = pathToFileURL(join(dir, name)).toString();
    let diagnosed;
    let diagnosedVersion = () => {};
    const ready = new Promise(res => { diagnosed = res; });
    const { server, connection } = await startServer({
        'textDocument/publishDiagnostics': params => { if (params.uri === uri) { diagnosed(); diagnosedVersion(params.version); } },
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
    await ready;
    const at = positions(text);
    // A letter typed into an item's text, as an incremental change; resolves when its diagnostics are published.
    const lines = text.split('\n');
    const itemLines = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*item \w+ "/.test(l)).map(([, i]) => i);
    let version = 1;
    const typeKey = async () => {
        const line = itemLines[(version * 7919) % itemLines.length];
        const character = lines[line].indexOf('"') + 1;
        lines[line] = lines[line].slice(0, character) + 'x' + lines[line].slice(character);
        version++;
        const published = new Promise(res => { diagnosedVersion = v => { if (v === version) res(); }; });
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }] });
        await published;
    };
    const requests = {
        'completion (unit)': k => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at.unit(k) }),
        'completion (line start)': k => connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at.start(k) }),
        'document symbols': () => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
        // With the limit raised past every symbol of the list (the default lists 10,000: document-symbols.ts).
        'document symbols (every symbol)': () => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
        'document symbols (after a key)': () => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
        'semantic tokens': () => connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }),
        // As VS Code asks: after each keystroke (typed first, its diagnostics awaited; the request alone is timed).
        'semantic tokens (after a key)': () => connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }),
        'folding': () => connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }),
        'folding (after a key)': () => connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }),
    };
    const figures = {};
    const outline = {};
    for (const [request, send] of Object.entries(requests)) {
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { cld: request === 'document symbols (every symbol)' ? { outline: { maxItems: 1_000_000 } } : {} } });
        const first = await send(0); // the first answer compiles the code paths
        if (request.startsWith('document symbols') && !request.endsWith('(after a key)')) outline[request] = jsonCost(first);
        const times = [];
        for (let k = 1; k <= runs; k++) {
            if (request.endsWith('(after a key)')) await typeKey();
            const start = performance.now();
            await send(k);
            times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        figures[request] = { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
    }
    await Promise.race([connection.sendRequest('shutdown').then(() => connection.sendNotification('exit')), new Promise(r => setTimeout(r, 2000))]);
    server.kill();
    return { name, kb: text.length / 1024, figures, outline };
}

/**
 * What the outline's answer costs to encode and decode as JSON, in this process (the server
 * stringifies it, the client parses it): the part of its time no server-side work can remove
 * while the protocol carries every symbol. The median of five.
 */
function jsonCost(answer) {
    const count = symbols => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    const times = [];
    let bytes = 0;
    for (let k = 0; k < 5; k++) {
        const start = performance.now();
        const json = JSON.stringify({ jsonrpc: '2.0', id: 1, result: answer });
        JSON.parse(json);
        times.push(performance.now() - start);
        bytes = Buffer.byteLength(json);
    }
    return { symbols: count(answer), mb: bytes / 1048576, ms: times.sort((a, b) => a - b)[2] };
}

const example = readFileSync(join(root, 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8');
const full = existsSync(edition) ? readFileSync(edition, 'utf-8') : syntheticList(520);
const fullName = existsSync(edition) ? 'WA-LIST-21-1.cld' : 'generated.cld';
if (!existsSync(edition)) console.log('# no imported WA edition in .cache/wa: generated lists of 520 and 5,200 entries instead');
const rows = [await measure('example.cld', example), await measure(fullName, full), await measure(fullName.replace('.cld', '-x10.cld'), existsSync(edition) ? tenTimes(full) : syntheticList(5200))];
rmSync(dir, { recursive: true, force: true });
console.log('request\tlist\tKB\tp50 ms\tp95 ms\tx base p95');
for (const request of Object.keys(rows[0].figures)) {
    const base = rows[0].figures[request].p95;
    for (const r of rows) {
        const f = r.figures[request];
        console.log([request, r.name, r.kb.toFixed(0), f.p50.toFixed(1), f.p95.toFixed(1), (f.p95 / base).toFixed(1)].join('\t'));
    }
}
console.log('');
console.log('outline answer\tlist\tsymbols\tMB of JSON\tJSON.stringify + JSON.parse ms');
for (const request of Object.keys(rows[0].outline)) {
    for (const r of rows) console.log([request, r.name, r.outline[request].symbols, r.outline[request].mb.toFixed(2), r.outline[request].ms.toFixed(1)].join('\t'));
}

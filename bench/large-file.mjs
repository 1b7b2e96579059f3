#!/usr/bin/env node
// `npm run bench:large-file`: the language server on a list at the file-size limit (9.9 MB,
// 135,000 entries and items) against a small list (90 entries) as the baseline, each in a
// fresh server over stdio: time to first diagnostics, the server's peak memory (VmHWM), hover
// latency while the list is analysed, outline and semantic tokens once it is, and how long the
// server stalls (a small list beside it hovered) while the list is read again from scratch.
// Usage: npm run build && node bench/large-file.mjs [entries]   (default 27000)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp-server.mjs';
import { syntheticList } from './synthetic-list.mjs';

const entries = Number(process.argv[2] ?? 27000);
const dirs = [];

/**
 * How long the server is unavailable while it reads the list again from scratch: a small list open
 * beside it is hovered every 50 ms while the large one is built anew (its text replaced by itself
 * plus a comment line, so that it is parsed whole), and each wait over 100 ms is a stall. The
 * longest is the parse; the others, the parts of the build that do not let other requests through.
 */
async function stalls(connection, uri, text) {
    const smallUri = uri.replace(/[^/]*$/, 'beside.cld');
    const small = syntheticList(90);
    let version = 1;
    let rebuilt;
    const done = new Promise(res => { rebuilt = res; });
    connection.onNotification('textDocument/publishDiagnostics', params => {
        if (params.uri === uri && params.version === 2) rebuilt();
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'cld', version: 1, text: small } });
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 10, character: 20 } });
    version++;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `// again\n${text}` }] });
    let finished = false;
    void done.then(() => { finished = true; });
    const waits = [];
    while (!finished) {
        const start = performance.now();
        await connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 10, character: 20 } });
        waits.push(performance.now() - start);
        await new Promise(r => setTimeout(r, 50));
    }
    const stalled = waits.filter(w => w > 100).sort((a, b) => b - a);
    return { stallCount: stalled.length, stallMaxMs: stalled[0] ?? 0, stallSecondMs: stalled[1] ?? 0 };
}

async function measure(name, text) {
    // Each list in a folder of its own: two WA-numbered lists in one folder are read as a precedent
    // library by the first hover that shows an item (server/src/precedents.ts), a cost of its own.
    const dir = mkdtempSync(join(tmpdir(), 'cld-large-'));
    dirs.push(dir);
    const file = join(dir, name);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    let diagnosedAt;
    const messages = [];
    const { server, connection, peakMb } = await startServer({
        'textDocument/publishDiagnostics': params => { if (params.uri === uri) diagnosedAt ??= performance.now(); },
        'window/showMessage': params => messages.push(params.message),
    });
    const opened = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
    // Hovers every 200 ms until the diagnostics arrive: how long the user waits while the list is analysed.
    // A hover answered while the list is read says so (server/src/reading-hover.ts); the first
    // that shows the item is when a user sees what they hovered.
    const hovers = [];
    let itemShownAt;
    do {
        const start = performance.now();
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 26 } });
        hovers.push(performance.now() - start);
        if (hover?.contents?.value?.startsWith('**')) itemShownAt ??= performance.now();
        await new Promise(r => setTimeout(r, 200));
    } while ((diagnosedAt === undefined || itemShownAt === undefined) && performance.now() - opened < 300000);
    const timed = async (method) => {
        const start = performance.now();
        await connection.sendRequest(method, { textDocument: { uri } });
        return performance.now() - start;
    };
    const row = {
        name, mb: text.length / 1048576, diagnosticsMs: diagnosedAt - opened, hoverMaxMs: Math.max(...hovers), itemShownMs: itemShownAt - opened,
        outlineMs: await timed('textDocument/documentSymbol'), tokensMs: await timed('textDocument/semanticTokens/full'),
        peakMb: peakMb(), messages,
    };
    // Last: the rebuild's own memory is not the first build's peak.
    Object.assign(row, await stalls(connection, uri, text));
    server.kill();
    return row;
}

const base = await measure('baseline.cld', syntheticList(90));
const large = await measure('large.cld', syntheticList(entries));
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
console.log('list\tMB\tdiagnostics ms\tx base\thover max ms\titem hover shown ms\toutline ms\ttokens ms\tpeak MB\tx base\trebuilt: stalls over 100 ms\tlongest ms\tnext ms');
for (const r of [base, large]) {
    console.log([r.name, r.mb.toFixed(1), r.diagnosticsMs.toFixed(0), (r.diagnosticsMs / base.diagnosticsMs).toFixed(1), r.hoverMaxMs.toFixed(0), r.itemShownMs.toFixed(0),
        r.outlineMs.toFixed(0), r.tokensMs.toFixed(0), r.peakMb.toFixed(0), (r.peakMb / base.peakMb).toFixed(1), r.stallCount, r.stallMaxMs.toFixed(0), r.stallSecondMs.toFixed(0)].join('\t'));
}
for (const message of large.messages) console.log(`server said: ${message}`);

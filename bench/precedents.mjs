// `npm run bench:precedents`: the WA precedent library at the size of the real corpus.
// - index cold build (`cld history`, empty cache) and warm load (index read), with the plain
//   parse of the same editions, measured in the same run, as the baseline;
// - hover over a real LSP connection on items of a WA edition with the library loaded: p50/p95,
//   against the same hovers with the history turned off (cld.hover.history: false);
// - the server's resident memory with the library loaded, against the server before it.
// Usage: npm run build && node bench/precedents.mjs [folder of CLD editions, default .cache/wa] [hovers, default 300]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { percentile } from './percentile.mjs';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver-protocol/node';

const root = resolve(import.meta.dirname, '..');
const folder = resolve(process.argv[2] ?? join(root, '.cache', 'wa'));
const hovers = Number(process.argv[3] ?? 300);
const editions = readdirSync(folder).filter(f => f.endsWith('.cld')).sort();
if (editions.length < 2) {
    console.error(`bench/precedents: need a folder of editions (cld import --all ../shared/data/wassenaar); ${folder} has ${editions.length}`);
    process.exit(2);
}
const cache = mkdtempSync(join(tmpdir(), 'cld-bench-cache-'));
const env = { ...process.env, CLD_CACHE_DIR: cache };
const cli = join(root, 'bin', 'cld.cjs');
const timed = (args) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf-8', maxBuffer: 1 << 28 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`cld ${args.join(' ')}: ${result.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
};

// Baseline: parse every edition (cld diff of each consecutive pair parses both; here one pass of export-free parsing via trend).
const baseline = timed(['trend', folder, '--format', 'json', '-o', join(cache, 'trend.json')]);
const cold = timed(['history', '3.B.1.f.1.a', '--precedents', folder]);
const warm = timed(['history', '3.B.1.f.1.a', '--precedents', folder]);
console.log(`editions: ${editions.length} in ${folder}`);
console.log(`cld trend (parse all + diff all pairs, the baseline): ${(baseline / 1000).toFixed(2)} s`);
console.log(`index cold build (cld history, empty cache):          ${(cold / 1000).toFixed(2)} s  (${(cold / baseline).toFixed(2)}x baseline; goal <= 30 s)`);
console.log(`index warm load (cld history, index on disk):         ${(warm / 1000).toFixed(2)} s  (${(warm / baseline).toFixed(2)}x baseline; goal <= 1 s)`);

// The server: hovers on the items of the newest edition, opened from the folder (so the folder is the library).
const newest = editions[editions.length - 1];
const text = readFileSync(join(folder, newest), 'utf-8');
const uri = pathToFileURL(join(folder, newest)).toString();

// A server reading the library for the first time (empty cache): how long plain hovers take
// while the index is built (in a worker thread, so the server's thread should stay free).
{
    const coldCache = mkdtempSync(join(tmpdir(), 'cld-bench-cold-'));
    const coldServer = spawn(process.execPath, [join(root, 'out', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, CLD_CACHE_DIR: coldCache } });
    const cold = createMessageConnection(new StreamMessageReader(coldServer.stdout), new StreamMessageWriter(coldServer.stdin));
    let coldSettings = {};
    let ended = false;
    let opened;
    const ready = new Promise(resolve => { opened = resolve; });
    cold.onRequest('workspace/configuration', params => params.items.map(item => (item.section ? coldSettings[item.section] ?? null : null)));
    cold.onRequest('client/registerCapability', () => null);
    cold.onRequest('window/workDoneProgress/create', () => null);
    cold.onNotification('$/progress', params => { if (params.value?.kind === 'end') ended = true; });
    cold.onNotification('textDocument/publishDiagnostics', params => { if (params.uri === uri) opened(); });
    cold.listen();
    await cold.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
    await cold.sendNotification('initialized', {});
    await cold.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
    await ready;
    const first = text.split('\n').findIndex(l => /^\s*entry /.test(l));
    const position = { line: first, character: text.split('\n')[first].search(/\S/) + 1 };
    const started = Date.now();
    void cold.sendRequest('textDocument/hover', { textDocument: { uri }, position }); // starts the library
    coldSettings = { cld: { hover: { history: false } } };
    await cold.sendNotification('workspace/didChangeConfiguration', { settings: coldSettings });
    const times = [];
    while (!ended && Date.now() - started < 120_000) {
        const t = process.hrtime.bigint();
        await cold.sendRequest('textDocument/hover', { textDocument: { uri }, position });
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        await new Promise(r => setTimeout(r, 20));
    }
    times.sort((a, b) => a - b);
    console.log(`server, first read of the library: index ready in ${((Date.now() - started) / 1000).toFixed(2)} s; plain hovers meanwhile: p50 ${percentile(times, 0.5)?.toFixed(1)} ms, p95 ${percentile(times, 0.95)?.toFixed(1)} ms, max ${times[times.length - 1]?.toFixed(1)} ms over ${times.length}`);
    await cold.sendRequest('shutdown');
    await cold.sendNotification('exit');
    coldServer.kill();
    rmSync(coldCache, { recursive: true, force: true });
}
const server = spawn(process.execPath, [join(root, 'out', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let settings = {};
connection.onRequest('workspace/configuration', params => params.items.map(item => (item.section ? settings[item.section] ?? null : null)));
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
let diagnosed;
const published = new Promise(resolve => { diagnosed = resolve; });
connection.onNotification('textDocument/publishDiagnostics', params => { if (params.uri === uri) diagnosed(); });
connection.listen();
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf-8'))[1]) / 1024;

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
await connection.sendNotification('initialized', {});
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
await published;
const rssBefore = rssMb();

const lines = text.split('\n');
const itemLines = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*(entry|item) /.test(l)).map(([l, i]) => ({ line: i, character: l.search(/\S/) + 1 }));
let state = 7;
const random = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
const positions = Array.from({ length: hovers }, () => itemLines[Math.floor(random() * itemLines.length)]);
const hover = position => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
// Wait for the library: the first hover starts it (and waits for it a moment); hovers meanwhile
// say "indexing". Meanwhile a folding request every 10 ms, timed: how long the server's first
// read of the index holds it.
const loadStarted = Date.now();
const whileLoading = [];
for (;;) {
    let answered = false;
    const first = hover(positions[0]).then(result => { answered = true; return result; });
    while (!answered) {
        const started = process.hrtime.bigint();
        await connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
        whileLoading.push(Number(process.hrtime.bigint() - started) / 1e6);
        await new Promise(r => setTimeout(r, 10));
    }
    if (!JSON.stringify((await first) ?? '').includes('indexing the editions')) break;
    await new Promise(r => setTimeout(r, 100));
}
const loadSeconds = (Date.now() - loadStarted) / 1000;
const rssLoaded = rssMb();
const measure = async () => {
    const times = [];
    for (const position of positions) {
        const started = process.hrtime.bigint();
        await hover(position);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
};
const withHistory = await measure();
settings = { cld: { hover: { history: false } } };
await connection.sendNotification('workspace/didChangeConfiguration', { settings });
const without = await measure();
console.log(`server: library ready ${loadSeconds.toFixed(2)} s after the first hover (index on disk from the runs above); folding requests meanwhile, one every 10 ms: max ${Math.max(...whileLoading).toFixed(0)} ms over ${whileLoading.length}`);
console.log(`hover with history:    p50 ${withHistory.p50.toFixed(1)} ms, p95 ${withHistory.p95.toFixed(1)} ms over ${hovers} hovers (goal p95 <= 50 ms)`);
console.log(`hover without history: p50 ${without.p50.toFixed(1)} ms, p95 ${without.p95.toFixed(1)} ms (baseline); ratio p95 ${(withHistory.p95 / without.p95).toFixed(2)}x`);
console.log(`server memory: ${rssBefore.toFixed(0)} MB with the edition open, ${rssLoaded.toFixed(0)} MB with the library loaded (+${(rssLoaded - rssBefore).toFixed(0)} MB, ${(rssLoaded / rssBefore).toFixed(2)}x; goal <= 400 MB)`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
server.kill();
rmSync(cache, { recursive: true, force: true });

#!/usr/bin/env node
// Keystroke -> diagnostics over a real stdio LSP connection: a character typed into an item's
// text, then the time until diagnostics for that version are published; p50 and p95 over the
// run, for a full WA edition (the imported 2021 edition from .cache/wa, else a generated list of
// the same size) against the 8 KB example as the baseline, measured in the same run.
// Also: five keys 100 ms apart, and how many validations that gave and when the last arrived.
// Usage: npm run build && node bench/keystroke.mjs [keys]   (default 40)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp-server.mjs';
import { syntheticList } from './synthetic-list.mjs';
import { tenTimes } from './ten-times.mjs';

const root = resolve(import.meta.dirname, '..');
const keys = Number(process.argv[2] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'cld-keys-'));
const edition = join(root, '.cache', 'wa', 'WA-LIST-21-1.cld');

/** One server, one document: each key inserts a letter inside the text of a line with an item and waits for its diagnostics. */
async function measure(name, text) {
    const uri = pathToFileURL(join(dir, name)).toString();
    const published = [];
    let wake = () => {};
    const { server, connection, peakMb } = await startServer({
        'textDocument/publishDiagnostics': params => {
            if (params.uri !== uri) return;
            published.push({ version: params.version, at: performance.now() });
            wake();
        },
    });
    const until = version => new Promise(res => {
        const check = () => { if (published.some(p => p.version === version)) res(published.find(p => p.version === version).at); else wake = check; };
        check();
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
    await until(1);
    const lines = text.split('\n');
    const itemLines = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*item \w+ "/.test(l)).map(([, i]) => i);
    let version = 1;
    const type = () => {
        const line = itemLines[(version * 7919) % itemLines.length];
        const column = lines[line].indexOf('"') + 1;
        lines[line] = lines[line].slice(0, column) + 'x' + lines[line].slice(column);
        version++;
        return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: lines.join('\n') }] });
    };
    const times = [];
    for (let k = 0; k < keys; k++) {
        const start = performance.now();
        await type();
        times.push((await until(version)) - start);
    }
    // Five keys 100 ms apart, as a typist types.
    const before = published.length;
    let last = 0;
    for (let k = 0; k < 5; k++) {
        await type();
        last = performance.now();
        if (k < 4) await new Promise(r => setTimeout(r, 100));
    }
    const lastAt = await until(version);
    const burst = { validations: published.length - before, lastAfterMs: lastAt - last };
    const peak = peakMb();
    // Shut down as a client does, so that a profiler the server runs under (CLD_SERVER_NODE_FLAGS) writes its profile.
    await Promise.race([connection.sendRequest('shutdown').then(() => connection.sendNotification('exit')), new Promise(r => setTimeout(r, 2000))]);
    await new Promise(r => setTimeout(r, 500));
    server.kill();
    // The first keys after opening run code the open did not (the JIT warms up): shown apart too.
    const first = times.slice(0, WARM_UP);
    const warm = times.slice(WARM_UP).sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const at = (list, q) => list[Math.min(list.length - 1, Math.floor(q * list.length))];
    return { name, kb: text.length / 1024, p50: at(times, 0.5), p95: at(times, 0.95), firstMax: Math.max(...first), warmP50: at(warm, 0.5), warmP95: at(warm, 0.95), burst, peakMb: peak };
}

const WARM_UP = 3;
const example = readFileSync(join(root, 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8');
const full = existsSync(edition) ? readFileSync(edition, 'utf-8') : syntheticList(520);
const fullName = existsSync(edition) ? 'WA-LIST-21-1.cld' : 'generated.cld';
const rows = [await measure('example.cld', example), await measure(fullName, full), await measure(fullName.replace('.cld', '-x10.cld'), existsSync(edition) ? tenTimes(full) : syntheticList(5200))];
rmSync(dir, { recursive: true, force: true });
console.log(`list\tKB\tp50 ms\tp95 ms\tx base p95\tfirst ${WARM_UP} keys: max ms\tlater keys: p50 ms\tp95 ms\t5 keys: validations\tlast after ms\tserver peak MB`);
for (const r of rows) console.log([r.name, r.kb.toFixed(0), r.p50.toFixed(0), r.p95.toFixed(0), (r.p95 / rows[0].p95).toFixed(1), r.firstMax.toFixed(0), r.warmP50.toFixed(0), r.warmP95.toFixed(0), r.burst.validations, r.burst.lastAfterMs.toFixed(0), r.peakMb.toFixed(0)].join('\t'));

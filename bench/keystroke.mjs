#!/usr/bin/env node
// Keystroke -> diagnostics over a real stdio LSP connection: a character typed into an item's
// text, then the time until diagnostics for that version are published; p50 and p95 over the
// run, for a full WA edition (the imported 2021 edition from .cache/wa, else a generated list of
// the same size) against the 8 KB example as the baseline, measured in the same run.
// Also: five keys 100 ms apart, and how many validations that gave and when the last arrived.
// And two national lists, the WA editions in reach: the 2021 edition under another id, implementing
// itself, and the EU's Annex I (examples/eu-dual-use), which implements WA 2025. There each pause
// in typing has the server work out the list's conformance (a 'slow' check, 600 ms after a key),
// so keys are typed in pairs with pauses of 600-800 ms, the first key after a pause landing while
// that check runs; its keys are shown apart. They are sent as VS Code sends them, the inserted
// letter alone (the other lists' keys send the whole text). Last, the ten-times list as a national
// list implementing WA 2021, the editions in reach: the server's peak memory where a drafter would
// meet it, with the library read and the list's conformance worked out.
// Usage: npm run build && node bench/keystroke.mjs [keys]   (default 40)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp-server.mjs';
import { percentile } from './percentile.mjs';
import { syntheticList } from './synthetic-list.mjs';
import { tenTimes } from './ten-times.mjs';

const root = resolve(import.meta.dirname, '..');
const keys = Number(process.argv[2] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'cld-keys-'));
const edition = join(root, '.cache', 'wa', 'WA-LIST-21-1.cld');

/**
 * One server, one document: each key inserts a letter inside the text of a line with an item and
 * waits for its diagnostics. With `precedents`, the server reads the WA editions there, and the
 * keys come in pairs after pauses (see above).
 */
async function measure(name, text, precedents) {
    const uri = pathToFileURL(join(dir, name)).toString();
    const published = [];
    let wake = () => {};
    const { server, connection, peakMb } = await startServer({
        'textDocument/publishDiagnostics': params => {
            if (params.uri !== uri) return;
            published.push({ version: params.version, at: performance.now() });
            wake();
        },
    }, precedents && { precedents: { path: precedents } });
    const until = version => new Promise(res => {
        const check = () => { if (published.some(p => p.version === version)) res(published.find(p => p.version === version).at); else wake = check; };
        check();
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
    await until(1);
    // The WA editions read (indexed first, if they never were): the conformance request waits for them.
    if (precedents) await connection.sendRequest('cld/conformance', { uri });
    const lines = text.split('\n');
    const itemLines = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*item \w+ "/.test(l)).map(([, i]) => i);
    let version = 1;
    const type = () => {
        const line = itemLines[(version * 7919) % itemLines.length];
        const column = lines[line].indexOf('"') + 1;
        lines[line] = lines[line].slice(0, column) + 'x' + lines[line].slice(column);
        version++;
        // The national list's keys as VS Code sends them, the key alone: a whole text of 736 KB is
        // read from the pipe in pieces between the server's other work (its conformance check).
        const change = precedents ? { range: { start: { line, character: column }, end: { line, character: column } }, text: 'x' } : { text: lines.join('\n') };
        return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    };
    const times = [];
    const afterPause = [];
    for (let k = 0; k < keys; k++) {
        const pause = precedents && k % 2 === 0 ? PAUSE_MS + (k * 37) % 200 : 0;
        if (pause) await new Promise(r => setTimeout(r, pause));
        const start = performance.now();
        await type();
        times.push((await until(version)) - start);
        if (pause) afterPause.push(times.at(-1));
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
    afterPause.sort((a, b) => a - b);
    return { name, kb: text.length / 1024, p50: percentile(times, 0.5), p95: percentile(times, 0.95), firstMax: Math.max(...first), warmP50: percentile(warm, 0.5), warmP95: percentile(warm, 0.95), burst, peakMb: peak, afterPause: afterPause.length ? { p50: percentile(afterPause, 0.5), p95: percentile(afterPause, 0.95), max: afterPause.at(-1), count: afterPause.length } : undefined };
}

const WARM_UP = 3;
/** The server works out conformance 600 ms after a key's diagnostics (server/src/conformance-source.ts). */
const PAUSE_MS = 600;
/** The 2021 edition as a national list that implements it: another id, and the header's `implements`. */
const implementing = edition => edition.replace(/^id .*$/m, 'id "National list"').replace(/^numbering wassenaar$/m, 'numbering wassenaar\nimplements wassenaar "WA-LIST (21) 1"');
const example = readFileSync(join(root, 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8');
const full = existsSync(edition) ? readFileSync(edition, 'utf-8') : syntheticList(520);
const fullName = existsSync(edition) ? 'WA-LIST-21-1.cld' : 'generated.cld';
const rows = [await measure('example.cld', example), await measure(fullName, full), await measure(fullName.replace('.cld', '-x10.cld'), existsSync(edition) ? tenTimes(full) : syntheticList(5200))];
const eu = join(root, 'examples', 'eu-dual-use', 'eu-annex-i-2025-11-15.cld');
if (existsSync(edition)) {
    rows.push(await measure('national-21.cld', implementing(full), join(root, '.cache', 'wa')));
    // A real national list: the EU's, which implements WA 2025 (1,400 items of other regimes or national only).
    rows.push(await measure('eu-annex-i.cld', readFileSync(eu, 'utf-8'), join(root, '.cache', 'wa')));
    rows.push(await measure('national-21-x10.cld', implementing(tenTimes(full)), join(root, '.cache', 'wa')));
}
rmSync(dir, { recursive: true, force: true });
console.log(`list\tKB\tp50 ms\tp95 ms\tx base p95\tfirst ${WARM_UP} keys: max ms\tlater keys: p50 ms\tp95 ms\t5 keys: validations\tlast after ms\tserver peak MB`);
for (const r of rows) console.log([r.name, r.kb.toFixed(0), r.p50.toFixed(0), r.p95.toFixed(0), (r.p95 / rows[0].p95).toFixed(1), r.firstMax.toFixed(0), r.warmP50.toFixed(0), r.warmP95.toFixed(0), r.burst.validations, r.burst.lastAfterMs.toFixed(0), r.peakMb.toFixed(0)].join('\t'));
const paused = rows.filter(r => r.afterPause);
if (paused.length === 0) console.log('\nNo imported WA editions in .cache/wa: the national lists implementing them were not measured.');
else console.log('\nNational lists with the WA editions of .cache/wa in reach (national-21.cld and national-21-x10.cld implement WA-LIST (21) 1, eu-annex-i.cld WA-LIST (25) 1 Corr.): the keys after a pause of 600-800 ms');
for (const r of paused) console.log(`${r.name}: ${r.afterPause.count} keys, p50 ${r.afterPause.p50.toFixed(0)} ms, p95 ${r.afterPause.p95.toFixed(0)} ms, max ${r.afterPause.max.toFixed(0)} ms`);

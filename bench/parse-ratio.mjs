#!/usr/bin/env node
// Parse and validate in-process against JSON.parse of the same list: the 2021 WA edition (from
// .cache/wa, else a generated list of the same size) is parsed, linked and validated with the
// services `cld validate` and the server use, and its `cld export --format json` is parsed with
// JSON.parse, both in this process, start-up excluded; the median of several runs of each and
// their ratio (the goal: at most 10x). A fresh set of services per run, as a first open.
// A second table says where the time goes (the median of each step over the same runs): making
// the services (the parser is built on first use), Langium's parse (lexing, parsing, building the
// tree), indexing and scopes, linking, and validation, each also as a multiple of JSON.parse.
// Usage: npm run build && node bench/parse-ratio.mjs [runs]   (default 7)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { syntheticList } from './synthetic-list.mjs';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'cld-parse-'));
const edition = join(root, '.cache', 'wa', 'WA-LIST-21-1.cld');
const file = existsSync(edition) ? edition : join(dir, 'generated.cld');
if (file !== edition) {
    console.log('# no imported WA edition in .cache/wa: a generated list of 1,000 entries instead');
    writeFileSync(file, syntheticList(1000));
}

// The core's services, bundled for this process from the sources (as the CLI is).
const entry = `
import './scripts/node20-compat.mjs';
import { NodeFileSystem } from 'langium/node';
import { DocumentState, URI } from 'langium';
import { createCldCoreServices } from './language/src/cld-module.js';
export async function parseAndValidate(text, path) {
    const steps = {};
    let last = performance.now();
    const step = name => { const now = performance.now(); steps[name] = now - last; last = now; };
    const services = createCldCoreServices(NodeFileSystem);
    services.Cld.parser.LangiumParser;
    step('services and parser');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path));
    step('parse');
    services.shared.workspace.LangiumDocuments.addDocument(document);
    const builder = services.shared.workspace.DocumentBuilder;
    builder.onBuildPhase(DocumentState.ComputedScopes, () => step('index and scopes'));
    builder.onBuildPhase(DocumentState.Linked, () => step('link'));
    builder.onBuildPhase(DocumentState.Validated, () => step('index references and validate'));
    last = performance.now();
    await builder.build([document], { validation: true });
    return { diagnostics: document.diagnostics?.length ?? 0, steps };
}`;
const bundle = join(dir, 'core.mjs');
await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, define: { __CLD_BUILD__: '"bench"' }, logLevel: 'error', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
const { parseAndValidate } = await import(pathToFileURL(bundle).href);

const text = readFileSync(file, 'utf-8');
const json = execFileSync(process.execPath, [join(root, 'bin', 'cld.cjs'), 'export', file, '--format', 'json'], { maxBuffer: 1 << 28 }).toString();

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(run) {
    await run(); // warm-up: the first run compiles the code paths
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
    }
    return median(times);
}
let diagnostics = 0;
const steps = {};
const jsonMs = await time(async () => JSON.parse(json));
const cldMs = await time(async () => {
    const result = await parseAndValidate(text, file);
    diagnostics = result.diagnostics;
    for (const [name, ms] of Object.entries(result.steps)) (steps[name] ??= []).push(ms);
});

console.log('list\tKB\tJSON KB\tJSON.parse ms\tparse+validate ms\tx JSON.parse\tdiagnostics');
console.log([file === edition ? 'WA-LIST-21-1.cld' : 'generated.cld', (text.length / 1024).toFixed(0), (json.length / 1024).toFixed(0), jsonMs.toFixed(1), cldMs.toFixed(0), (cldMs / jsonMs).toFixed(1), diagnostics].join('\t'));
console.log('');
console.log('step\tms (median)\tx JSON.parse');
for (const [name, times] of Object.entries(steps)) console.log([name, median(times.slice(1)).toFixed(1), (median(times.slice(1)) / jsonMs).toFixed(1)].join('\t'));
rmSync(dir, { recursive: true, force: true });

#!/usr/bin/env node
// Parse and validate in-process against JSON.parse of the same list: the 2021 WA edition (from
// .cache/wa, else a generated list of the same size) is parsed, linked and validated with the
// services `cld validate` and the server use, and its `cld export --format json` is parsed with
// JSON.parse, both in this process, start-up excluded; the median of several runs of each and
// their ratio (the goal: at most 10x). A fresh set of services per run, as a first open.
// A second table says where the time goes (the median of each step over the same runs): making
// the services (the parser is built on first use), Langium's parse (lexing, parsing, building the
// tree), indexing and scopes, linking, and validation, each also as a multiple of JSON.parse.
// A third table is a floor for any parser that gives the language server the tree it works on
// (Langium's CST and AST): lexing the text with the same lexer, and allocating a copy of the
// parsed tree (the same CST node classes, the same AST properties), node by node. A parser, hand-
// written or generated, does at least this much; what it adds (deciding what each token is) is
// not in the floor.
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
}
import { CompositeCstNodeImpl, LeafCstNodeImpl } from 'langium';
/** Lexing alone, and a copy of the parsed tree, for the floor table (see the comment at the top). */
export function floorSteps(text) {
    const services = createCldCoreServices(NodeFileSystem);
    const root = services.Cld.parser.LangiumParser.parse(text).value;
    const copyCst = (node, container) => {
        let copy;
        if (node.content) {
            copy = new CompositeCstNodeImpl();
            for (const child of node.content) copy.content.push(copyCst(child, copy));
            copy._astNode = node._astNode;
        } else {
            copy = new LeafCstNodeImpl(node._offset, node._length, node._startLine, node._startColumn, node._endLine, node._endColumn, node._tokenType, node._hidden);
        }
        copy.grammarSource = node.grammarSource;
        copy.container = container;
        return copy;
    };
    const isNode = value => typeof value === 'object' && value !== null && typeof value.$type === 'string';
    const copyAst = (node, container) => {
        const copy = { $type: node.$type, $container: container, $containerProperty: node.$containerProperty, $containerIndex: node.$containerIndex, $cstNode: node.$cstNode };
        for (const key in node) {
            if (key.startsWith('$')) continue;
            const value = node[key];
            if (Array.isArray(value)) copy[key] = value.map(v => (isNode(v) ? copyAst(v, copy) : v));
            else if (isNode(value)) copy[key] = copyAst(value, copy);
            else if (typeof value === 'object' && value !== null && '$refText' in value) copy[key] = { $refText: value.$refText, ref: undefined };
            else copy[key] = value;
        }
        return copy;
    };
    let cstNodes = 0;
    const count = node => { cstNodes++; for (const child of node.content ?? []) count(child); };
    count(root.$cstNode);
    return {
        tokens: services.Cld.parser.Lexer.tokenize(text).tokens.length,
        cstNodes,
        lex: () => services.Cld.parser.Lexer.tokenize(text),
        tree: () => { copyCst(root.$cstNode, undefined); copyAst(root, undefined); }
    };
}`;
const bundle = join(dir, 'core.mjs');
await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, define: { __CLD_BUILD__: '"bench"' }, logLevel: 'error', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
const { parseAndValidate, floorSteps } = await import(pathToFileURL(bundle).href);

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

const floor = floorSteps(text);
const lexMs = await time(async () => floor.lex());
const treeMs = await time(async () => floor.tree());
const later = ['index and scopes', 'link'].reduce((sum, name) => sum + median(steps[name].slice(1)), 0);
console.log('');
console.log(`floor of any parser giving the same tree (${floor.tokens} tokens, ${floor.cstNodes} CST nodes)\tms (median)\tx JSON.parse`);
console.log(['lexing (the same lexer)', lexMs.toFixed(1), (lexMs / jsonMs).toFixed(1)].join('\t'));
console.log(['allocating the tree (a copy of it)', treeMs.toFixed(1), (treeMs / jsonMs).toFixed(1)].join('\t'));
console.log(['lexing + tree + index, scopes, link (above)', (lexMs + treeMs + later).toFixed(1), ((lexMs + treeMs + later) / jsonMs).toFixed(1)].join('\t'));
rmSync(dir, { recursive: true, force: true });

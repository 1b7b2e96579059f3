#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, each printing its figures with the baseline it
// measured in the same run, gathered into bench/RESULTS.md with the machine, the date and the
// load. The figures before and after each fix, as measured when the fix landed, are in
// bench/fixes.md, which RESULTS.md includes. The WA editions are used where they are (imported
// into .cache/wa, documents in ../shared/data); otherwise the benchmarks generate lists of the
// same shape and say so.
// Usage: npm run bench   (builds first)   or   node bench/run-all.mjs [name...]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const benches = [
    { name: 'keystroke', script: 'keystroke.mjs', what: 'Keystroke -> diagnostics over LSP: a full WA edition against the 8 KB example' },
    { name: 'editor', script: 'editor-requests.mjs', what: 'Completion, outline, semantic tokens and folding over LSP: a full WA edition and ten times it, against the 8 KB example' },
    { name: 'diff', script: 'diff-editions.mjs', what: '`cld diff` and `cld trend`, cold and warm, against the diff of the two examples' },
    { name: 'parse', script: 'parse-ratio.mjs', what: 'Parse and validate a full WA edition in-process, against JSON.parse of the same list' },
    { name: 'validate', script: 'validate-scaling.mjs', what: '`cld validate` of generated lists of growing size, against the smallest' },
    { name: 'large-file', script: 'large-file.mjs', what: 'The language server on a list at the file-size limit, against a 90-entry list' },
    { name: 'precedents', script: 'precedents.mjs', what: 'The WA precedent library: index build and load, hovers, memory' },
    { name: 'import', script: 'import-editions.mjs', what: '`cld import` of each WA edition, against the smallest' },
    { name: 'sheet', script: 'sheet-import.mjs', what: '`cld import` of a national list from a spreadsheet of 500, 5,000 and 50,000 rows, and `cld export --format xlsx` back, against 500 rows' },
];
const chosen = process.argv.slice(2);
const run = benches.filter(b => chosen.length === 0 || chosen.includes(b.name));

const cpus = os.cpus();
const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run-all.mjs); do not edit, run it again. Each table is what',
    'the benchmark printed: its figures, and their ratios to the baseline it measured in the same run.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus.length} x ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; load average before the run ${os.loadavg().map(l => l.toFixed(2)).join(', ')}`,
    `- WA editions: ${existsSync(join(root, '.cache', 'wa')) ? 'imported editions in .cache/wa' : 'none imported (generated lists)'}; documents: ${existsSync(join(root, '..', 'shared', 'data', 'wassenaar')) ? '../shared/data/wassenaar' : 'absent'}`,
    '',
];
let failed = 0;
for (const bench of run) {
    const started = Date.now();
    console.error(`bench: ${bench.name} (${bench.script})...`);
    const result = spawnSync(process.execPath, [join(root, 'bench', bench.script)], { cwd: root, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024, timeout: 20 * 60 * 1000 });
    const output = `${result.stdout ?? ''}`.trim();
    if (result.status !== 0) failed++;
    lines.push(`## ${bench.name}: ${bench.what}`, '', `\`node bench/${bench.script}\`, ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${result.status}${result.error ? ` (${result.error.message})` : ''}:`, '', '```', output || '(no output)', '```', '');
    if (result.status !== 0 && result.stderr) lines.push('stderr:', '', '```', result.stderr.trim().split('\n').slice(-20).join('\n'), '```', '');
    console.log(output);
}
const fixes = join(root, 'bench', 'fixes.md');
if (existsSync(fixes)) lines.push(readFileSync(fixes, 'utf-8').trim(), '');
writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n'));
console.error(`bench: wrote bench/RESULTS.md${failed ? `; ${failed} benchmark(s) failed` : ''}`);
process.exit(failed ? 1 : 0);

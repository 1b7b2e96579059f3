#!/usr/bin/env node
// Measures `cld validate` on synthetic lists of growing size: wall time and peak memory,
// each with its ratio to the smallest list (the baseline, measured in the same run).
// Usage: npm run build && node bench/validate-scaling.mjs [entriesPerSize...]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syntheticList } from './synthetic-list.mjs';

const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
if (sizes.length === 0) sizes.push(100, 1000, 5000);
const cli = path.resolve(import.meta.dirname, '..', 'bin', 'cld.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-bench-'));

function measure(file) {
    const start = process.hrtime.bigint();
    // The findings themselves are not measured: discard stdout (thousands of lines would overflow the pipe buffer).
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'validate', file], { encoding: 'utf-8', stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const peakKb = Number(r.stderr.trim().split('\n').pop());
    return { ms, peakMb: peakKb / 1024, exit: r.status };
}

const rows = [];
for (const entries of sizes) {
    const file = path.join(dir, `list-${entries}.cld`);
    fs.writeFileSync(file, syntheticList(entries));
    rows.push({ entries, bytes: fs.statSync(file).size, ...measure(file) });
}
const base = rows[0];
console.log('entries\tbytes\tms\tx base\tpeak MB\tx base\texit');
for (const r of rows) {
    console.log([r.entries, r.bytes, r.ms.toFixed(0), (r.ms / base.ms).toFixed(2), r.peakMb.toFixed(0), (r.peakMb / base.peakMb).toFixed(2), r.exit].join('\t'));
}
fs.rmSync(dir, { recursive: true, force: true });

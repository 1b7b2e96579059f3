// Time and peak memory of `cld import` per WA edition, read in place from ../shared/data,
// with ratios against the first (smallest, oldest) edition measured in the same run; without
// arguments also `cld import --all` of every edition (the goal: 30 s, 400 MB).
// Usage: npm run build && node bench/import-editions.mjs [edition folder names...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/data/wassenaar');
if (!existsSync(corpus)) {
    console.log(`WA corpus not found at ${corpus}; nothing to measure.`);
    process.exit(0);
}
const editions = process.argv.slice(2).length ? process.argv.slice(2) : ['WA-LIST-97-1', 'WA-LIST-10-1-Corr', 'WA-LIST-21-1', 'WA-LIST-25-1-Corr'];
const out = mkdtempSync(join(tmpdir(), 'cld-bench-import-'));
console.log('edition\tms\tx base\tpeak MB\tx base\texit');
let base;
const measure = (name, args) => {
    const started = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'bin', 'cld.cjs'), ...args], { encoding: 'utf-8', stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const peakMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
    base ??= { ms, peakMb };
    console.log(`${name}\t${ms.toFixed(0)}\t${(ms / base.ms).toFixed(2)}\t${peakMb.toFixed(0)}\t${(peakMb / base.peakMb).toFixed(2)}\t${run.status}`);
};
for (const edition of editions) measure(edition, ['import', join(corpus, edition), '-o', join(out, `${edition}.cld`)]);
if (process.argv.slice(2).length === 0) measure('all 27 (import --all)', ['import', '--all', corpus, '--out', join(out, 'all')]);
rmSync(out, { recursive: true, force: true });

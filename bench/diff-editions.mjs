// Time and peak memory of `cld diff` and `cld trend`, with ratios against the diff of the two
// small bundled examples measured in the same run. Each run is measured cold (--no-cache: every
// file parsed) and warm (the files' parsed models read from a cache folder of this run's own,
// filled by a run before); each figure is the median of three runs (the peak, their largest).
// The issue's other baseline: git's word diff of the two editions exported as JSON (`cld export
// --format json`, as bench/parse-ratio.mjs), the same median of three, and the warm diff's ratio to it.
// The WA editions must be imported first
// (npx cld import --all ../shared/data/wassenaar --out .cache/wa); without them only the
// examples are measured.
// Usage: npm run build && node bench/diff-editions.mjs [folder of imported editions]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const editions = resolve(process.argv[2] ?? join(root, '.cache', 'wa'));
const cli = join(root, 'bin', 'cld.cjs');
const examples = join(root, 'examples', 'examplia');
const runs = [['examples 2024 -> 2025', 'diff', join(examples, 'examplia-2024.cld'), join(examples, 'examplia-2025.cld')]];
const imported = existsSync(editions) ? readdirSync(editions).filter(f => /^WA-LIST-.*\.cld$/.test(f)) : [];
if (imported.includes('WA-LIST-19-1.cld') && imported.includes('WA-LIST-21-1.cld')) {
    runs.push(['WA 2019 -> 2021', 'diff', join(editions, 'WA-LIST-19-1.cld'), join(editions, 'WA-LIST-21-1.cld')]);
    runs.push(['WA 2019 -> 2021 html', 'diff', join(editions, 'WA-LIST-19-1.cld'), join(editions, 'WA-LIST-21-1.cld'), '--format', 'html']);
}
if (imported.length >= 2) runs.push([`trend over ${imported.length} WA editions`, 'trend', editions]);
else console.log(`No imported WA editions in ${editions}; measuring the examples only.`);

const cache = mkdtempSync(join(tmpdir(), 'cld-bench-cache-'));
const measure = (args) => {
    const started = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], { encoding: 'utf-8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CLD_CACHE_DIR: cache } });
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, peakMb: Number(run.stderr.trim().split('\n').pop()) / 1024, status: run.status };
};
console.log('run\tms\tx base\tpeak MB\tx base\texit');
let base;
let warm2021;
for (const [name, ...args] of runs) {
    measure(args);
    for (const [how, extra] of [['cold', ['--no-cache']], ['warm', []]]) {
        const three = [0, 1, 2].map(() => measure([...args, ...extra]));
        const ms = three.map(r => r.ms).sort((a, b) => a - b)[1];
        const peakMb = Math.max(...three.map(r => r.peakMb));
        const status = three.find(r => r.status !== 0)?.status ?? 0;
        base ??= { ms, peakMb };
        if (name === 'WA 2019 -> 2021' && how === 'warm') warm2021 = ms;
        console.log(`${name} (${how})\t${ms.toFixed(0)}\t${(ms / base.ms).toFixed(2)}\t${peakMb.toFixed(0)}\t${(peakMb / base.peakMb).toFixed(2)}\t${status}`);
    }
}
if (imported.includes('WA-LIST-19-1.cld') && imported.includes('WA-LIST-21-1.cld')) {
    const exported = ['19', '21'].map(year => {
        const file = join(cache, `${year}.json`);
        writeFileSync(file, spawnSync(process.execPath, [cli, 'export', join(editions, `WA-LIST-${year}-1.cld`), '--format', 'json'], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 }).stdout);
        return file;
    });
    const git = () => {
        const started = process.hrtime.bigint();
        const run = spawnSync('git', ['diff', '--no-index', '--word-diff', ...exported], { stdio: 'ignore' });
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: run.status };
    };
    git();
    const three = [git(), git(), git()];
    const ms = three.map(r => r.ms).sort((a, b) => a - b)[1];
    // (git diff exits 1 when the files differ, 0 when they do not; anything else is a failure.)
    const status = three.find(r => r.status !== 0 && r.status !== 1)?.status ?? 0;
    console.log(`git diff --word-diff of the two exports (JSON)\t${ms.toFixed(0)}\t${(ms / base.ms).toFixed(2)}\t\t\t${status}`);
    console.log(`WA 2019 -> 2021 (warm), as a multiple of git's word diff: ${(warm2021 / ms).toFixed(1)}x`);
}
rmSync(cache, { recursive: true, force: true });

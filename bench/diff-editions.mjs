// Time and peak memory of `cld diff` and `cld trend`, with ratios against the diff of the two
// small bundled examples measured in the same run. Each run is measured cold (--no-cache: every
// file parsed) and warm (the files' parsed models read from a cache folder of this run's own,
// filled by a run before). The WA editions must be imported first
// (npx cld import --all ../shared/data/wassenaar --out .cache/wa); without them only the
// examples are measured.
// Usage: npm run build && node bench/diff-editions.mjs [folder of imported editions]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
for (const [name, ...args] of runs) {
    measure(args);
    for (const [how, extra] of [['cold', ['--no-cache']], ['warm', []]]) {
        const { ms, peakMb, status } = measure([...args, ...extra]);
        base ??= { ms, peakMb };
        console.log(`${name} (${how})\t${ms.toFixed(0)}\t${(ms / base.ms).toFixed(2)}\t${peakMb.toFixed(0)}\t${(peakMb / base.peakMb).toFixed(2)}\t${status}`);
    }
}
rmSync(cache, { recursive: true, force: true });

#!/usr/bin/env node
// Draws the random sample of imported items that docs/fidelity.md (section 1) reads against the
// documents: N items uniformly (mulberry32, the seed given) among the non-reserved items of each
// edition named, from `cld export --format json` of the imported editions. Writes one JSON file per
// edition (the items as exported: code, text, tiers, thresholds, notes) and prints the codes.
//
//   npm run build && node scripts/sample-items.mjs SEED N OUT-FOLDER EDITION-FILE...
//   e.g. node scripts/sample-items.mjs 20261206 12 /tmp/sample .cache/wa/WA-LIST-97-1.cld .cache/wa/WA-LIST-21-1.cld
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draw, mulberry32 } from './sampling.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [seedText, countText, out, ...editions] = process.argv.slice(2);
if (!seedText || !countText || !out || editions.length === 0) {
    console.error('usage: node scripts/sample-items.mjs SEED N OUT-FOLDER EDITION-FILE...');
    process.exit(2);
}

mkdirSync(out, { recursive: true });
for (const file of editions) {
    const exported = JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'cld.cjs'), 'export', file, '--format', 'json'], { maxBuffer: 1 << 28 }).toString());
    const candidates = exported.items.filter(item => item.reserved === undefined && item.text);
    // Each edition draws with its own stream (seed + its position), so adding an edition leaves the others' draws alone.
    const sample = draw(candidates, Number(countText), mulberry32(Number(seedText) + editions.indexOf(file)));
    const name = basename(file, '.cld');
    writeFileSync(join(out, `${name}.json`), JSON.stringify({ edition: exported.id, items: sample }, null, 1));
    console.log(`${exported.id}: ${sample.map(item => item.code).join(', ')}`);
}

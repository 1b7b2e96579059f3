#!/usr/bin/env node
// Draws the random sample of `cld diff` changes that docs/fidelity.md (section 6) reads against
// the documents: N changes uniformly (mulberry32, the seed given) from `cld diff --format json`
// of each pair of imported editions named. Writes one JSON file per pair (the changes as the diff
// reports them) and prints a line per change.
//
//   npm run build && node scripts/sample-changes.mjs SEED N OUT-FOLDER OLD.cld:NEW.cld...
//   e.g. node scripts/sample-changes.mjs 20261206 25 /tmp/changes .cache/wa/WA-LIST-03-1.cld:.cache/wa/WA-LIST-04-1.cld
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draw, mulberry32 } from './sampling.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [seedText, countText, out, ...pairs] = process.argv.slice(2);
if (!seedText || !countText || !out || pairs.length === 0 || pairs.some(p => !p.includes(':'))) {
    console.error('usage: node scripts/sample-changes.mjs SEED N OUT-FOLDER OLD.cld:NEW.cld...');
    process.exit(2);
}

mkdirSync(out, { recursive: true });
for (const [index, pair] of pairs.entries()) {
    const [oldFile, newFile] = pair.split(':');
    const diff = JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'cld.cjs'), 'diff', oldFile, newFile, '--format', 'json'], { maxBuffer: 1 << 28 }).toString());
    const sample = draw(diff.changes, Number(countText), mulberry32(Number(seedText) + index));
    const name = `${basename(oldFile, '.cld')}_${basename(newFile, '.cld')}`;
    writeFileSync(join(out, `${name}.json`), JSON.stringify({ old: diff.old, new: diff.new, reported: diff.changes.length, changes: sample }, null, 1));
    console.log(`${diff.old?.id ?? oldFile} -> ${diff.new?.id ?? newFile}: ${diff.changes.length} changes; sample: ${sample.map(c => `${c.kind} ${c.oldCode && c.oldCode !== c.code ? `${c.oldCode}->` : ''}${c.code}`).join(', ')}`);
}

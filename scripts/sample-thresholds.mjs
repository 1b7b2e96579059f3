#!/usr/bin/env node
// Draws the random sample of imported thresholds whose parameter names docs/fidelity.md (section
// 7) has read: N distinct thresholds (edition, item, parameter, phrase) drawn with mulberry32 from
// the seed among every threshold of the editions given, in the order given. Prints each with its
// item's text and its parameter's dimension and description, as the readers saw them.
//
//   npm run build && node scripts/sample-thresholds.mjs SEED N EDITION-FILE...
//   e.g. node scripts/sample-thresholds.mjs 20261543 80 .cache/wa/*.cld
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './sampling.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [seedText, countText, ...editions] = process.argv.slice(2);
if (!seedText || !countText || editions.length === 0) {
    console.error('usage: node scripts/sample-thresholds.mjs SEED N EDITION-FILE...');
    process.exit(2);
}

const all = [];
for (const file of [...editions].sort()) {
    const exported = JSON.parse(execFileSync(process.execPath, [join(root, 'bin', 'cld.cjs'), 'export', file, '--format', 'json'], { maxBuffer: 1 << 28 }).toString());
    // The declarations say what each parameter measures; the export names only the parameter.
    const declared = new Map([...readFileSync(file, 'utf8').matchAll(/^parameter (\w+): ([\w-]+) "([^"]*)"/gm)].map(m => [m[1], `${m[2]}; "${m[3]}"`]));
    const edition = basename(file, '.cld');
    for (const item of exported.items) for (const t of item.thresholds ?? []) all.push({ edition, code: item.code, text: item.text, phrase: t.text, parameter: t.parameter, about: declared.get(t.parameter) });
}
const random = mulberry32(Number(seedText));
const seen = new Set();
const picked = [];
while (picked.length < Math.min(Number(countText), all.length)) {
    const t = all[Math.floor(random() * all.length)];
    const key = `${t.edition} ${t.code} ${t.parameter} ${t.phrase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(t);
}
console.log(`# ${all.length} thresholds in ${editions.length} editions; seed ${seedText}; ${picked.length} drawn\n`);
picked.forEach((t, i) => console.log(`## ${i + 1}. ${t.edition} ${t.code}\nitem text: ${t.text}\nphrase: "${t.phrase}"\nparameter: ${t.parameter} (${t.about})\n`));

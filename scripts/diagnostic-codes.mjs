// Writes the tables of diagnostic codes in docs/diagnostics.md, between its `generated` markers,
// from the rule files themselves: esbuild bundles their code records in memory. With --check it
// writes nothing and exits 1 when the page differs.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const entry = `
import { STRUCTURE_DIAGNOSTIC_CODES } from './language/src/validation/structure-rules.ts';
import { SEMANTIC_DIAGNOSTIC_CODES } from './language/src/validation/semantic-rules.ts';
import { THRESHOLD_DIAGNOSTIC_CODES } from './language/src/validation/threshold-rules.ts';
import { CONFORMANCE_DIAGNOSTIC_CODES } from './language/src/conformance/conformance-diagnostics.ts';
import { withDiagnosticTables } from './language/src/validation/diagnostic-tables.ts';
export default (page) => withDiagnosticTables(page, { rules: { ...STRUCTURE_DIAGNOSTIC_CODES, ...SEMANTIC_DIAGNOSTIC_CODES, ...THRESHOLD_DIAGNOSTIC_CODES }, conformance: CONFORMANCE_DIAGNOSTIC_CODES });`;
const result = await esbuild.build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'node' });
const url = 'data:text/javascript;base64,' + Buffer.from(result.outputFiles[0].text).toString('base64');
const update = (await import(url)).default;
const file = 'docs/diagnostics.md';
const page = fs.readFileSync(file, 'utf8');
const next = update(page);
if (process.argv.includes('--check')) process.exit(next === page ? 0 : 1);
if (next !== page) fs.writeFileSync(file, next);
console.log(next === page ? `${file} is up to date` : `${file} written`);

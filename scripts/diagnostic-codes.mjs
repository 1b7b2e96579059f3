// Prints the table of every diagnostic code for docs/diagnostics.md, from the rule files
// themselves: esbuild bundles their code records in memory and the table is printed from them.
import * as esbuild from 'esbuild';

const entry = `
import { STRUCTURE_DIAGNOSTIC_CODES } from './language/src/validation/structure-rules.ts';
import { SEMANTIC_DIAGNOSTIC_CODES } from './language/src/validation/semantic-rules.ts';
import { THRESHOLD_DIAGNOSTIC_CODES } from './language/src/validation/threshold-rules.ts';
export default { ...STRUCTURE_DIAGNOSTIC_CODES, ...SEMANTIC_DIAGNOSTIC_CODES, ...THRESHOLD_DIAGNOSTIC_CODES };`;
const result = await esbuild.build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'node' });
const url = 'data:text/javascript;base64,' + Buffer.from(result.outputFiles[0].text).toString('base64');
const codes = (await import(url)).default;
console.log('| code | meaning |\n|---|---|');
for (const [code, meaning] of Object.entries(codes)) console.log(`| \`${code}\` | ${meaning} |`);

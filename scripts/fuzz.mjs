// `npm run fuzz`: the fuzz tests of test/reliability with many more cases than `npm test` runs.
// CLD_FUZZ_RUNS (default 3000) and CLD_FUZZ_SEED choose how many and which; a failure prints the
// seed and the counterexample, to keep in the test's REGRESSIONS.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const env = { ...process.env, CLD_FUZZ_RUNS: process.env.CLD_FUZZ_RUNS ?? '3000' };
if (!env.CLD_FUZZ_SEED) env.CLD_FUZZ_SEED = String(Date.now() % 2147483647);
console.log(`fuzzing with ${env.CLD_FUZZ_RUNS} runs, seed ${env.CLD_FUZZ_SEED}`);
const vitest = path.resolve('node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/reliability/fuzz-cld.test.ts', 'test/reliability/damaged-input.test.ts', '--testTimeout=3600000'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);

import * as v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past what its last full collection kept. Its own factor is tuned
 * for throughput and lets a long run (a server typing into a large list, an import of 27 editions)
 * reach two to three times what is live; a smaller factor collects sooner, for a little more time.
 * The callers measure their choice (bench/keystroke.mjs, bench/import-editions.mjs).
 */

/** Whether the command line chose the factor: it then wins. */
export function heapGrowthOnCommandLine(): boolean {
    return process.execArgv.some(arg => /^--heap[-_]growing[-_]percent\b/.test(arg));
}

/**
 * The heap grows by at most `percent` between full collections; 0 is V8's own factor. V8 reads
 * the flag at each full collection, so setting it while running takes effect.
 */
export function limitHeapGrowth(percent: number): void {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * V8 stops moving objects from the allocation sites whose objects mostly survive straight to the
 * old generation ("pretenuring"). A list of 10 MB parsed in pieces in the server (parse-in-pieces.ts)
 * made those guesses go wrong, with a quarter of a gigabyte more to collect: first diagnostics
 * 9.3-9.9 s with it, 6.3-6.6 s without (four interleaved runs each; in-process, without the
 * server's pauses, both are fast). Keystrokes cost the same either way (bench/keystroke.mjs).
 * A command line that sets the flag wins.
 */
export function stopPretenuring(): void {
    if (process.execArgv.some(arg => /allocation[-_]site[-_]pretenuring/.test(arg))) return;
    v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

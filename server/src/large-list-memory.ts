import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import { heapGrowthOnCommandLine, limitHeapGrowth } from '../../language/src/heap-growth.js';

/**
 * How much V8 lets the heap grow past what the last full collection kept, in percent, once the
 * lists the server holds are large.
 *
 * The server holds one tree per list and makes short-lived garbage on every keystroke (a relink and
 * revalidation of the list). V8's own growth factor, tuned for throughput, let the heap reach three
 * times what is live: 700 MB while typing into a list ten times a WA edition, with about 250 MB in
 * use. Growing by half at most keeps the peak near 370 MB there, for about a tenth more time per
 * keystroke; on a list the size of one WA edition the same costs a fifth, for memory nobody misses
 * (220 MB), so below LARGE_TEXT V8 keeps its own (bench/keystroke.mjs; CLD_SERVER_NODE_FLAGS to compare).
 */
const HEAP_GROWING_PERCENT = 50;
/** Characters of list text held, above which the heap grows by HEAP_GROWING_PERCENT (three WA editions). */
const LARGE_TEXT = 2_000_000;

/**
 * Watches what the server holds once each build has parsed (the lists open, and those of the
 * workspace it reads), and sets V8's growth factor to match. Set in the server itself, so that
 * every way of starting it (the extension, the tests, the benchmarks, another editor) runs the
 * same; V8 reads the flag at each full collection. A command line that sets it wins.
 */
export function collectGarbageSoonerForLargeLists(shared: LangiumSharedCoreServices, log: (message: string) => void): void {
    if (heapGrowthOnCommandLine()) return;
    let sooner = false;
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Parsed, () => {
        let held = 0;
        for (const document of shared.workspace.LangiumDocuments.all) held += document.textDocument.getText().length;
        if (held > LARGE_TEXT === sooner) return;
        sooner = !sooner;
        limitHeapGrowth(sooner ? HEAP_GROWING_PERCENT : 0);
        log(sooner ? `The lists the server holds (open, or in the workspace) have ${held} characters: memory is collected sooner (the heap grows by ${HEAP_GROWING_PERCENT}% at most).` : 'The lists the server holds are small again: memory is collected as V8 chooses.');
    });
}

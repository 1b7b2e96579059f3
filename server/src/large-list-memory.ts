import { DocumentState, type LangiumSharedCoreServices } from 'langium';
import { heapGrowthOnCommandLine, limitHeapGrowth } from '../../language/src/heap-growth.js';

/**
 * How much V8 lets the heap grow past what the last full collection kept, in percent, once the
 * server holds much.
 *
 * The server holds one tree per list and makes short-lived garbage on every keystroke (a relink and
 * revalidation of the list). V8's own growth factor, tuned for throughput, let the heap reach three
 * times what is live: 700 MB while typing into a list ten times a WA edition, with about 250 MB in
 * use. Growing by half at most keeps the peak near 350 MB there, by 30% near 330 MB. The WA
 * precedent library counts too: a national list with it read (its conformance worked out as you
 * pause) peaked at 342-384 MB with V8's own factor, 229-276 MB growing by half from when the
 * library starts being read, its keys as fast (bench/keystroke.mjs, national-21.cld and
 * eu-annex-i.cld); ten times a WA edition with the library peaked at 419-425 MB growing by half,
 * 392-422 MB by 30%, 362-372 MB by 20% (the peak comes as the library is read and conformance
 * worked out), keys p95 as fast: 321-453 ms by 20%, 346-474 ms by 30% (goal 500; four
 * interleaved runs each). Small lists alone keep V8's own factor (bench/keystroke.mjs;
 * CLD_SERVER_NODE_FLAGS to compare).
 */
const HEAP_GROWING_PERCENT = 50;
const HUGE_HEAP_GROWING_PERCENT = 20;
/** Characters of list text held, above which the heap grows by HEAP_GROWING_PERCENT (three WA editions). */
const LARGE_TEXT = 2_000_000;
/** Characters of list text held, above which it grows by HUGE_HEAP_GROWING_PERCENT (seven WA editions). */
const HUGE_TEXT = 5_000_000;

/** What the server holds besides its lists: the precedent libraries it has read (precedents.ts). */
export interface HeldLibraries {
    holdsLibrary(): boolean;
    onLibraryRead(listener: () => void): void;
}

/**
 * Watches what the server holds once each build has parsed (the lists open, and those of the
 * workspace it reads) and as a library starts being read and is read, and sets V8's growth factor to match. Set in
 * the server itself, so that every way of starting it (the extension, the tests, the benchmarks,
 * another editor) runs the same; V8 reads the flag at each full collection. A command line that
 * sets it wins.
 */
export function collectGarbageSoonerForLargeLists(shared: LangiumSharedCoreServices, libraries: HeldLibraries, log: (message: string) => void): void {
    if (heapGrowthOnCommandLine()) return;
    let percent = 0;
    const update = () => {
        let held = 0;
        for (const document of shared.workspace.LangiumDocuments.all) held += document.textDocument.getText().length;
        const library = libraries.holdsLibrary();
        const wanted = held > HUGE_TEXT ? HUGE_HEAP_GROWING_PERCENT : held > LARGE_TEXT || library ? HEAP_GROWING_PERCENT : 0;
        if (wanted === percent) return;
        percent = wanted;
        limitHeapGrowth(percent);
        const holds = `The lists the server holds (open, or in the workspace) have ${held} characters${library ? ', and it holds the WA editions of a precedent library' : ''}`;
        log(percent ? `${holds}: memory is collected sooner (the heap grows by ${percent}% at most).` : 'The lists the server holds are small again: memory is collected as V8 chooses.');
    };
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Parsed, update);
    libraries.onLibraryRead(update);
}

// Plain text, no syntax tree: the diff reads notes from flat models (change-remarks.ts) and must
// not load the parser for it (test/cli/lazy-loading.test.ts).

/**
 * The terms a note defines in words, as Technical Notes do: "1. 'Run-out' (out-of-true running)
 * is the radial displacement ...", "For the purposes of 3B001.j., 'Extreme Ultraviolet' ('EUV')
 * refers to ...", "In 1A227 the term 'cold area' means ...", "'Hard selectors': data ...",
 * "'Peak power' = ...", "'System synthesis scale' denotes ...". A term quoted inside the gloss
 * ('EUV') is defined with it. The term must begin a sentence or a clause (after a full stop,
 * colon, semicolon, comma, a number, "while", "In <code>" or "For the purposes of <code>", with
 * "the", "a", "an" or "the term" between): "where the 'MRF' is less than 5 nm" says something of
 * the term, it does not define it. "The term 'X'" or "the phrase 'X'" beginning a clause defines
 * X whatever words come between ("the term 'alloy' when not accompanied by a specific elemental
 * concentration is understood as ..."), as does "For the purposes of <where>, 'X'" (below).
 * 'Local' terms are in single quotes; with `anyQuotes`, "defined terms" in double quotes too (a
 * definition moved into a note: the diff).
 */
export function termsDefinedIn(text: string, { anyQuotes = false, technicalNote = false, termDefinition = false }: { anyQuotes?: boolean; technicalNote?: boolean; termDefinition?: boolean } = {}): string[] {
    const patterns = anyQuotes ? ANY_QUOTES : SINGLE_QUOTES;
    const names: string[] = [];
    const add = (name: string | undefined) => { if (name !== undefined && !names.includes(name)) names.push(name); };
    const beginsClause = (index: number) => CLAUSE_START.test(text.slice(Math.max(0, index - 120), index));
    for (const match of text.matchAll(patterns.definition)) {
        if (!beginsClause(match.index)) continue;
        add(match[1]);
        if (match[2] !== undefined) add(patterns.gloss.exec(match[2].trim())?.[1]);
    }
    for (const match of text.matchAll(patterns.theTerm)) {
        if (!beginsClause(match.index)) continue;
        add(match[1]);
        add(match[2]);
    }
    // Wherever they stand: "... and the 'scan direction' is defined as the axis perpendicular to
    // ...", "Sensors are considered 'geographically dispersed' when ...", "... a single
    // semiconducting piece of material, a so-called 'chip'", and a heading "ON 'ADJUSTED PEAK
    // PERFORMANCE' ('APP')" on a line of its own.
    for (const pattern of [patterns.definedAs, patterns.consideredWhen, patterns.soCalled, patterns.onHeading]) {
        for (const match of text.matchAll(pattern)) {
            add(match[1]);
            add(match[2]);
        }
    }
    for (const match of text.matchAll(patterns.forThePurposes)) {
        for (const name of match.slice(1)) add(name);
    }
    // "For the purposes of 1C002.b.: 1. 'Stress-rupture life' should be measured ... 2. 'Low cycle
    // fatigue life' should be measured ...": each numbered paragraph under the heading is about its term.
    const heading = PURPOSES_HEADING.exec(text);
    if (heading) for (const match of text.slice(heading.index).matchAll(patterns.numbered)) add(match[1]);
    // "Definitions of terms between 'single quotes' are given in a Technical Note to the relevant
    // item" (the WA's lists): a Technical Note, or a numbered paragraph of one, that begins with a
    // term is about it ("'Bulk electrical conductivity' and 'sheet (surface) resistivity' should be
    // determined using ...", "2. 'Stress-rupture life' should be measured ..."). Other notes that
    // begin so only say something of it ("'Microbolometer' ... are only specified by 6.A.2.a.3.f.").
    // The same for a Technical Note inside another text, under its own heading (a defined term's
    // definition: "Grippers, 'active tooling units' and ... \nTechnical Note\n'Active tooling units' are devices ...").
    // So does each numbered paragraph under such a heading ("Technical Notes\n1. 'Technical data' may
    // take forms such as ...\n2. 'Technical assistance' may take forms such as ...", in "Technology"),
    // and, in a term's definition, an N.B. that begins with a term (the EU's "N.B.1. 'Technical
    // assistance' may take forms ...").
    // The same under a table's notes ("TABLE - DEPOSITION TECHNIQUES - NOTES\n... 13. 'Titanium
    // alloys' refers only to aerospace alloys ...").
    const embedded = EMBEDDED_HEADING.exec(text) ?? NOTES_HEADING.exec(text);
    if (embedded) for (const match of text.slice(embedded.index).matchAll(patterns.numberedLine)) add(match[1]);
    const subjects = [patterns.embeddedSubject, ...(technicalNote ? [patterns.technicalNoteSubject] : []), ...(termDefinition ? [patterns.nbSubject] : [])];
    for (const subject of subjects) {
        for (const match of text.matchAll(subject)) {
            add(match[1]);
            add(match[2]);
        }
    }
    return names;
}

const CLAUSE_START = /(?:^|[.:;,\n]|\d\.|\bin [^\s,]+|\bpurposes of [^\s,]+|\bwhile)\s*(?:(?:the term|the|a|an)\s+)?$/i;
const PURPOSES_HEADING = /\bpurposes? of [^'‘"“:\r\n]{1,120}?:/i;
const EMBEDDED_HEADING = /(?:^|\n)\s*Technical Notes?\s*\d*\s*:?\s*\n/i;
/** A note's first line, a heading in capitals that says notes follow: "TABLE - DEPOSITION TECHNIQUES - NOTES" (2025: "– NOTES"). */
const NOTES_HEADING = /^[A-Z][A-Z0-9 ,()–—-]*\bNOTES?\s*\n/;

/** The patterns for terms between the quotes `open` and `close` ('local' terms in single quotes; any, for the diff). */
function patternsFor(open: string, close: string) {
    const quoted = `[${open}]([^${close}\\r\\n]{1,80})[${close}]`;
    // A term after "the", "a" or "an", perhaps.
    const term = `(?:(?:the|an?)\\s+)?${quoted}`;
    // After "For the purposes of <where>,", a word may come between: "the core 'Numerical Aperture' ('NA') is measured ...".
    const purposeTerm = `(?:(?:the|an?)\\s+(?:[a-z]+\\s+)?)?${quoted}`;
    return {
        /** A quoted term, perhaps "in <code>" ("described in <code>") and a gloss in brackets, then what says it is defined. */
        definition: new RegExp(`${quoted}(?:\\s+(?:(?:described|specified)\\s+)?in\\s+\\S+)?(?:\\s*\\(([^)]{1,80})\\))?(?:,?\\s+(?:means|is|are|refers to|denotes|consists? of|includes?)\\b|\\s*:\\s|\\s+[-–—]\\s|\\s*=\\s)`, 'g'),
        /** A short form quoted in the gloss ('EUV'). */
        gloss: new RegExp(`^[${open}]([^${close}]{1,60})[${close}]$`),
        /** "The term 'X'", "the phrase 'X'", "the words 'metals' and 'alloys'". */
        theTerm: new RegExp(`\\bthe (?:term|phrase(?: \\w+)?|words?) ${quoted}(?:\\s+(?:and|or)\\s+${quoted})?`, 'gi'),
        /** "a so-called 'chip'": the words before say what it is. */
        soCalled: new RegExp(`\\bso-called\\s+${quoted}`, 'gi'),
        /**
         * "For the purposes of 1C001.c., 'bulk electrical conductivity' and 'sheet (surface) resistivity'
         * should be determined using ...", "For the purposes of 1B001.b., 'tape-laying machines' have ...":
         * the terms right after the words that say where they hold are what the note is about, whatever
         * words follow (two joined by "and", "or" or a comma). Where: up to a comma or colon, or a code
         * alone ("For the purposes of 1C005 'filaments' may be ...").
         */
        forThePurposes: new RegExp(`\\bpurposes? of (?:[^${open}:\\r\\n]{1,120}?[,:]\\s*|[0-9A-Z][0-9A-Za-z.]*\\s+)(?:\\d{1,2}\\.\\s*)?${purposeTerm}(?:\\s*\\(${quoted}\\))?(?:(?:\\s*,\\s*(?:(?:and|or)\\s+)?|\\s+(?:and|or)\\s+)${term})?`, 'gi'),
        /** "'cross-scan direction' is defined as ...", a short form in brackets perhaps. */
        definedAs: new RegExp(`${quoted}(?:\\s*\\(${quoted}\\))?\\s+(?:is|are)\\s+defined\\s+as\\b`, 'gi'),
        /** "Sensors are considered 'geographically dispersed' when ...". */
        consideredWhen: new RegExp(`\\b(?:is|are)\\s+considered\\s+${quoted}\\s+(?:when|if)\\b`, 'gi'),
        /** A heading naming the term the words under it are on: "ON 'ADJUSTED PEAK PERFORMANCE' ('APP')". */
        onHeading: new RegExp(`(?:^|\\n)\\s*ON\\s+${quoted}(?:\\s*\\(${quoted}\\))?\\s*(?:\\n|$)`, 'g'),
        /** A term beginning a numbered paragraph on a line of its own. */
        numberedLine: new RegExp(`\\n\\s*\\d{1,2}\\.\\s*${term}`, 'gi'),
        /** A term beginning an N.B. (a term's definition: "N.B.1. 'Technical assistance' may take forms ..."). */
        nbSubject: new RegExp(`\\bN\\.\\s?B\\.\\s*(?:\\d{1,2}\\.?\\s*)?:?\\s*${term}`, 'g'),
        numbered: new RegExp(`(?:^|\\s)\\d{1,2}\\.\\s*${quoted}`, 'g'),
        /** A term beginning a Technical Note (after its "Technical Note:" heading) or a numbered paragraph of one, and a second joined to it. */
        technicalNoteSubject: new RegExp(`(?:^(?:Technical Notes?\\s*\\d*\\s*:?\\s*)?(?:\\d{1,2}\\.\\s*)?|\\s\\d{1,2}\\.\\s*)${term}(?:\\s*,?\\s*(?:and|or)\\s+${term})?`, 'gi'),
        /** The same after a "Technical Note" heading on a line of its own, inside another text. */
        embeddedSubject: new RegExp(`(?:^|\\n)\\s*Technical Notes?\\s*\\d*\\s*:?\\s*(?:\\d{1,2}\\.\\s*)?${term}(?:\\s*,?\\s*(?:and|or)\\s+${term})?`, 'gi'),
    };
}
const SINGLE_QUOTES = patternsFor("'‘", "'’");
const ANY_QUOTES = patternsFor('\'‘"“', '\'’"”');

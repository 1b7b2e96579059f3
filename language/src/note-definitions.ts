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
export function termsDefinedIn(text: string, { anyQuotes = false, technicalNote = false }: { anyQuotes?: boolean; technicalNote?: boolean } = {}): string[] {
    const names: string[] = [];
    const beginsClause = (index: number) => CLAUSE_START.test(text.slice(Math.max(0, index - 120), index));
    for (const match of text.matchAll(anyQuotes ? DEFINITION_ANY_QUOTES : DEFINITION)) {
        if (!beginsClause(match.index)) continue;
        names.push(match[1]);
        const gloss = match[2] === undefined ? null : (anyQuotes ? /^['‘"“]([^'’"”]{1,60})['’"”]$/ : /^['‘]([^'’]{1,60})['’]$/).exec(match[2].trim());
        if (gloss) names.push(gloss[1]);
    }
    const add = (name: string | undefined) => { if (name !== undefined && !names.includes(name)) names.push(name); };
    for (const match of text.matchAll(anyQuotes ? THE_TERM_ANY_QUOTES : THE_TERM)) {
        if (beginsClause(match.index)) add(match[1]);
    }
    for (const match of text.matchAll(anyQuotes ? FOR_THE_PURPOSES_ANY_QUOTES : FOR_THE_PURPOSES)) {
        add(match[1]);
        add(match[2]);
    }
    // "For the purposes of 1C002.b.: 1. 'Stress-rupture life' should be measured ... 2. 'Low cycle
    // fatigue life' should be measured ...": each numbered paragraph under the heading is about its term.
    const heading = PURPOSES_HEADING.exec(text);
    if (heading) for (const match of text.slice(heading.index).matchAll(anyQuotes ? NUMBERED_ANY_QUOTES : NUMBERED)) add(match[1]);
    // "Definitions of terms between 'single quotes' are given in a Technical Note to the relevant
    // item" (the WA's lists): a Technical Note, or a numbered paragraph of one, that begins with a
    // term is about it ("'Bulk electrical conductivity' and 'sheet (surface) resistivity' should be
    // determined using ...", "2. 'Stress-rupture life' should be measured ..."). Other notes that
    // begin so only say something of it ("'Microbolometer' ... are only specified by 6.A.2.a.3.f.").
    // The same for a Technical Note inside another text, under its own heading (a defined term's
    // definition: "Grippers, 'active tooling units' and ... \nTechnical Note\n'Active tooling units' are devices ...").
    const subjects = technicalNote ? [anyQuotes ? TECHNICAL_NOTE_SUBJECT_ANY_QUOTES : TECHNICAL_NOTE_SUBJECT] : [];
    subjects.push(anyQuotes ? EMBEDDED_TECHNICAL_NOTE_SUBJECT_ANY_QUOTES : EMBEDDED_TECHNICAL_NOTE_SUBJECT);
    for (const subject of subjects) {
        for (const match of text.matchAll(subject)) {
            add(match[1]);
            add(match[2]);
        }
    }
    return names;
}

/** A quoted term, perhaps "in <code>" and a gloss in brackets, then what says it is defined. */
const definitionPattern = (open: string, close: string) =>
    new RegExp(`[${open}]([^${close}\\r\\n]{1,80})[${close}](?:\\s+in\\s+\\S+)?(?:\\s*\\(([^)]{1,80})\\))?(?:,?\\s+(?:means|is|are|refers to|denotes|consists? of|includes?)\\b|\\s*:\\s|\\s+[-–—=]\\s)`, 'g');
const DEFINITION = definitionPattern("'‘", "'’");
const DEFINITION_ANY_QUOTES = definitionPattern('\'‘"“', '\'’"”');
const CLAUSE_START = /(?:^|[.:;,\n]|\d\.|\bin [^\s,]+|\bpurposes of [^\s,]+|\bwhile)\s*(?:(?:the term|the|a|an)\s+)?$/i;
const THE_TERM = /\bthe (?:term|phrase(?: \w+)?) ['‘]([^'’\r\n]{1,80})['’]/gi;
const THE_TERM_ANY_QUOTES = /\bthe (?:term|phrase(?: \w+)?) ['‘"“]([^'’"”\r\n]{1,80})['’"”]/gi;
/**
 * "For the purposes of 1C001.c., 'bulk electrical conductivity' and 'sheet (surface) resistivity'
 * should be determined using ...", "For the purposes of 1B001.b., 'tape-laying machines' have ...":
 * the terms right after the words that say where they hold are what the note is about, whatever
 * words follow (two joined by "and", "or" or a comma).
 */
const forThePurposes = (open: string, close: string) => {
    const term = `(?:(?:the|an?)\\s+)?[${open}]([^${close}\\r\\n]{1,80})[${close}]`;
    // Where: up to a comma or colon, or a code alone ("For the purposes of 1C005 'filaments' may be ...").
    const where = `(?:[^${open}:\\r\\n]{1,120}?[,:]\\s*|[0-9A-Z][0-9A-Za-z.]*\\s+)`;
    const joined = `(?:\\s*,\\s*(?:(?:and|or)\\s+)?|\\s+(?:and|or)\\s+)`;
    return new RegExp(`\\bpurposes? of ${where}(?:\\d{1,2}\\.\\s*)?${term}(?:${joined}${term})?`, 'gi');
};
const FOR_THE_PURPOSES = forThePurposes("'‘", "'’");
const FOR_THE_PURPOSES_ANY_QUOTES = forThePurposes('\'‘"“', '\'’"”');
const PURPOSES_HEADING = /\bpurposes? of [^'‘"“:\r\n]{1,120}?:/i;
const NUMBERED = /(?:^|\s)\d{1,2}\.\s*['‘]([^'’\r\n]{1,80})['’]/g;
const NUMBERED_ANY_QUOTES = /(?:^|\s)\d{1,2}\.\s*['‘"“]([^'’"”\r\n]{1,80})['’"”]/g;
/** A term beginning a Technical Note (after its "Technical Note:" heading) or a numbered paragraph of one, and a second joined to it. */
const technicalNoteSubject = (open: string, close: string, embedded: boolean) => {
    const term = `(?:(?:the|an?)\\s+)?[${open}]([^${close}\\r\\n]{1,80})[${close}]`;
    const start = embedded ? '(?:^|\\n)\\s*Technical Notes?\\s*\\d*\\s*:?\\s*(?:\\d{1,2}\\.\\s*)?' : '(?:^(?:Technical Notes?\\s*\\d*\\s*:?\\s*)?(?:\\d{1,2}\\.\\s*)?|\\s\\d{1,2}\\.\\s*)';
    return new RegExp(`${start}${term}(?:\\s*,?\\s*(?:and|or)\\s+${term})?`, 'gi');
};
const TECHNICAL_NOTE_SUBJECT = technicalNoteSubject("'‘", "'’", false);
const TECHNICAL_NOTE_SUBJECT_ANY_QUOTES = technicalNoteSubject('\'‘"“', '\'’"”', false);
const EMBEDDED_TECHNICAL_NOTE_SUBJECT = technicalNoteSubject("'‘", "'’", true);
const EMBEDDED_TECHNICAL_NOTE_SUBJECT_ANY_QUOTES = technicalNoteSubject('\'‘"“', '\'’"”', true);

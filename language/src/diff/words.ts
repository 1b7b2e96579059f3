/**
 * Word-level comparison of item texts: the segments a reader sees as kept, struck and inserted,
 * and a similarity score used to match items whose codes changed.
 */

export interface WordSegment {
    op: 'same' | 'removed' | 'added';
    text: string;
}

/** Above this many token pairs the texts are shown as one replacement, to bound time and memory. */
const MAX_LCS_CELLS = 4_000_000;

/**
 * The text as a reader compares it: what differs only in how it was typed or encoded is the same
 * text. Spacing and line breaks, the micro sign and the Greek mu (Word writes µ, the 2025 PDF μ),
 * superscripts and their flattened digits (NFKC), curly and straight quotes, dashes and the
 * spaces Word leaves before punctuation ("operator .") never make a rewording.
 */
export function normaliseText(text: string | undefined): string {
    const source = text ?? '';
    let normal = normalised.get(source);
    if (normal === undefined) {
        // (NFKC and the quotes and dashes change nothing in plain ASCII, most texts.)
        const typed = ASCII.test(source) ? source : source.normalize('NFKC').replace(/[‘’‛′]/g, "'").replace(/[“”‟″]/g, '"').replace(/[‐‑‒–—]/g, '-');
        normal = typed.replace(/\s+/g, ' ').replace(/ (?=[,;.:)])/g, '').replace(/\( /g, '(').trim();
        remember(normalised, source, normal);
    }
    return normal;
}

const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * The matcher compares each text with many others, so each text is normalised and split once:
 * bounded caches, emptied when full (a diff of two editions holds about 5,000 texts).
 */
const normalised = new Map<string, string>();
const wordLists = new Map<string, string[]>();
const CACHE_LIMIT = 50_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
}

/** The words of a text as the document writes them (a word diff shows the document's characters). */
function tokens(text: string): string[] {
    return text.replace(/\s+/g, ' ').trim().split(' ').filter(t => t.length > 0);
}

/** The words of a text as compared: normalised and case-folded. */
function comparedWords(text: string | undefined): string[] {
    const source = text ?? '';
    let words = wordLists.get(source);
    if (words === undefined) {
        words = normaliseText(source).toLowerCase().split(' ').filter(t => t.length > 0);
        remember(wordLists, source, words);
    }
    return words;
}

/** The words of `before` and `after` aligned by their longest common subsequence. */
export function wordDiff(before: string | undefined, after: string | undefined): WordSegment[] {
    const a = tokens(before ?? '');
    const b = tokens(after ?? '');
    if (a.length * b.length > MAX_LCS_CELLS) return merge([...a.map(t => ({ op: 'removed' as const, text: t })), ...b.map(t => ({ op: 'added' as const, text: t }))]);
    // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array.
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
        }
    }
    const out: WordSegment[] = [];
    let i = 0, j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            out.push({ op: 'same', text: a[i++] });
            j++;
        } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) {
            out.push({ op: 'removed', text: a[i++] });
        } else {
            out.push({ op: 'added', text: b[j++] });
        }
    }
    return merge(out);
}

function merge(segments: WordSegment[]): WordSegment[] {
    const out: WordSegment[] = [];
    for (const segment of segments) {
        const last = out[out.length - 1];
        if (last && last.op === segment.op) last.text += ` ${segment.text}`;
        else out.push({ ...segment });
    }
    return out;
}

/** Dice coefficient of the two texts' word multisets, case-folded: 1 for the same words, 0 for none shared. */
export function textSimilarity(a: string | undefined, b: string | undefined): number {
    const countsA = wordCounts(a);
    const countsB = wordCounts(b);
    if (countsA.total === 0 && countsB.total === 0) return 1;
    // Shared words: for each word, the fewer of its two counts; walked over the smaller text.
    const [small, large] = countsA.counts.size <= countsB.counts.size ? [countsA, countsB] : [countsB, countsA];
    let shared = 0;
    for (const [word, n] of small.counts) shared += Math.min(n, large.counts.get(word) ?? 0);
    return (2 * shared) / (countsA.total + countsB.total);
}

/** How many words textSimilarity compares of a text. */
export function comparedWordCount(text: string | undefined): number {
    return wordCounts(text).total;
}

/**
 * Whether texts of these many compared words can be `least` alike (textSimilarity) at all: the
 * words two texts share are at most the shorter one's, so texts of very different lengths cannot.
 * The same arithmetic as textSimilarity on that upper bound, so no pair it would find is left out.
 */
export function lengthsAllow(wordsA: number, wordsB: number, least: number): boolean {
    return wordsA + wordsB === 0 || (2 * Math.min(wordsA, wordsB)) / (wordsA + wordsB) >= least;
}

/**
 * One spelling for the British and American forms of a word ("synthesised" and "synthesized",
 * "analyse" and "analyze"), which the documents mix from one edition to the next: for similarity
 * they are one word. (Both texts are keyed alike, so "noise" and "precise" still match themselves.)
 */
function spellingKey(word: string): string {
    return word.length < 6 ? word : word.replace(/([iy])s(e|ed|es|ing|ation|ations|er|ers)(\W*)$/, '$1z$2$3');
}

const wordCountCache = new Map<string, { counts: Map<string, number>; total: number }>();

/** How often each compared word occurs in the text (kept, as the matcher asks for each text many times). */
function wordCounts(text: string | undefined): { counts: Map<string, number>; total: number } {
    const source = text ?? '';
    let entry = wordCountCache.get(source);
    if (entry === undefined) {
        const words = comparedWords(source).map(spellingKey);
        const counts = new Map<string, number>();
        for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
        entry = { counts, total: words.length };
        remember(wordCountCache, source, entry);
    }
    return entry;
}

/** A text's words without punctuation, case-folded: "(CAS 2625-76-5);" -> cas, 2625-76-5. Made once per text (asked for every pair of notes and items compared). */
function bareWords(text: string | undefined): string[] {
    const source = text ?? '';
    let words = bareWordCache.get(source);
    if (!words) {
        words = comparedWords(source).map(w => w.replace(/^[("'[]+|[)"'\],;:.]+$/g, '')).filter(w => w.length > 0);
        remember(bareWordCache, source, words);
    }
    return words;
}

const bareWordCache = new Map<string, string[]>();

/** The set of a text's bare words, made once per text. */
function bareWordSet(text: string | undefined): Set<string> {
    const source = text ?? '';
    let set = bareWordSetCache.get(source);
    if (!set) remember(bareWordSetCache, source, set = new Set(bareWords(source)));
    return set;
}

const bareWordSetCache = new Map<string, Set<string>>();

/** Fewer words than this say too little to be recognised inside another text ("Software;"). */
const MIN_CONTAINED_WORDS = 3;
/** Words of the lead-ins every list repeats ("Having any of the following:"), which name nothing. */
const LEAD_IN_WORDS = new Set(['a', 'all', 'an', 'and', 'any', 'as', 'by', 'characteristics', 'follows', 'following', 'for', 'having', 'in', 'of', 'or', 'such', 'the', 'to', 'with']);

/**
 * Whether `part` names something in at least `least` words (not a lead-in's), all of them in
 * `whole`: a heading that restates an item ("Mechanical or electronic streak cameras as follows:").
 */
export function tellingWordsWithin(part: string | undefined, whole: string | undefined, least = 1): boolean {
    const telling = tellingWords(part);
    if (telling.length < least) return false;
    const inWhole = bareWordSet(whole);
    return telling.every(w => inWhole.has(w));
}

/** How many different words of the text name something (not a list's lead-in words). */
export function tellingWordCount(text: string | undefined): number {
    return tellingWordSet(text).size;
}

/** Whether two texts share a word that names something, not only the words of a list's lead-in. */
export function sharesTellingWord(a: string | undefined, b: string | undefined): boolean {
    const telling = tellingWordSet(a);
    return bareWords(b).some(w => telling.has(w));
}

/** The words of a text that name something (not a list's lead-in words), in order; made once per text. */
function tellingWords(text: string | undefined): string[] {
    const source = text ?? '';
    let words = tellingWordLists.get(source);
    if (!words) remember(tellingWordLists, source, words = bareWords(source).filter(w => !LEAD_IN_WORDS.has(w)));
    return words;
}

/** The different words of a text that name something, made once per text. */
function tellingWordSet(text: string | undefined): Set<string> {
    const source = text ?? '';
    let set = tellingWordSets.get(source);
    if (!set) remember(tellingWordSets, source, set = new Set(tellingWords(source)));
    return set;
}

const tellingWordLists = new Map<string, string[]>();
const tellingWordSets = new Map<string, Set<string>>();

/** The most words of one clause the whole may insert into the part ("not controlled elsewhere on the Munitions List"). */
const MAX_INSERTED_WORDS = 8;

/**
 * Whether `part` is written, word for word, inside `whole` (punctuation, case, a closing "or" /
 * "and" and one inserted clause aside): the text of a new sub-item that was a phrase of its
 * parent's text or of a note. Parts shorter than `minWords` are too short to tell.
 */
export function containedIn(part: string | undefined, whole: string | undefined, minWords = MIN_CONTAINED_WORDS): boolean {
    const words = [...bareWords(part)];
    while (words.length > 0 && (words[words.length - 1] === 'or' || words[words.length - 1] === 'and')) words.pop();
    if (words.length === 0 || words.length < minWords || words.every(w => LEAD_IN_WORDS.has(w))) return false;
    const haystack = bareWords(whole);
    const matchesAt = (from: number, at: number, to = words.length) => {
        for (let i = from; i < to; i++) if (haystack[at + i - from] !== words[i]) return false;
        return true;
    };
    for (let start = 0; start + words.length <= haystack.length; start++) {
        if (haystack[start] !== words[0]) continue;
        let prefix = 1;
        while (prefix < words.length && haystack[start + prefix] === words[prefix]) prefix++;
        if (prefix === words.length) return true;
        // The rest, after one inserted clause.
        for (let gap = 1; gap <= MAX_INSERTED_WORDS && start + prefix + gap + words.length - prefix <= haystack.length; gap++) {
            if (matchesAt(prefix, start + prefix + gap)) return true;
        }
    }
    return false;
}

/** The most words `part` and `whole` write in a row alike (a longest common run of words, as compared). */
export function longestCommonRun(part: string | undefined, whole: string | undefined): number {
    const a = bareWords(part);
    const b = bareWords(whole);
    let best = 0;
    let previous = new Array<number>(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        const row = new Array<number>(b.length + 1).fill(0);
        for (let j = 1; j <= b.length; j++) {
            if (a[i - 1] === b[j - 1]) {
                row[j] = previous[j - 1] + 1;
                if (row[j] > best) best = row[j];
            }
        }
        previous = row;
    }
    return best;
}

/** How many words a text has, as compared. */
export function wordCount(text: string | undefined): number {
    return bareWords(text).length;
}


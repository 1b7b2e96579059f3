/**
 * What a change says of where its content came from or went, beyond its kind: an added item
 * already written in an old item's text or note (`alreadyIn`), a removed one merged into the item
 * above it (`mergedInto`), goods decontrolled whose technology stays (`technologyAt`,
 * `technologyOf`), a definition moved to or from a Technical Note (`definedInNoteOf`), a note
 * moved from one item to another (`noteMovedTo`, `noteMovedFrom`). The diff
 * (diff.ts) makes the changes from the matcher's pairs; these remarks are set on them after.
 */
import type { FlatItem } from '../model/flat-items.js';
import { escapeRegExp } from '../text-safety.js';
import { termsDefinedIn } from '../note-definitions.js';
import type { Change } from './diff.js';
import { type ItemPair, MIN_SIMILARITY } from './match.js';
import { categoryOf, isReserved, isTechnology, matchKey } from './match-keys.js';
import { containedIn, longestCommonRun, normaliseText, tellingWordsWithin, textSimilarity, wordCount } from './words.js';

/** Sets every remark, in an order where each can read those before it. */
export function markRemarks(changes: Change[], pairs: ItemPair[], oldItems: FlatItem[], newItems: FlatItem[]): void {
    markDefinitionsInNotes(changes, oldItems, newItems);
    markTechnologyKept(changes, pairs);
    markAlreadyWritten(changes, pairs);
    markMergedUp(changes, pairs);
    markListMoved(changes, pairs);
    markWrittenOnward(changes);
    markNotesMoved(changes);
}

/**
 * Removed goods (groups A-D) whose text was added as a technology item of the same category
 * (8.A.1.f in 2014, now 8.E.2.c.1 "Technology" for it): the removal says where the technology stays.
 */
function markTechnologyKept(changes: Change[], pairs: ItemPair[]): void {
    const addedTechnology = pairs.filter(p => !p.old && p.new && isTechnology(p.new) && !isReserved(p.new)).map(p => p.new!);
    if (addedTechnology.length === 0) return;
    for (const change of changes) {
        if (change.kind !== 'removed' || typeof change.old !== 'string' || change.group?.endsWith('E')) continue;
        let best: { code: string; score: number } | undefined;
        for (const item of addedTechnology) {
            if (categoryOf(item.code) !== change.category) continue;
            const score = textSimilarity(change.old, item.text);
            if (score >= MIN_SIMILARITY && (!best || score > best.score)) best = { code: item.code, score };
        }
        if (best) change.technologyAt = best.code;
    }
    // The added item says it too: a reader of "8.E.2.c.1.c added" learns it was 8.A.1.f.3's text.
    const added = new Map(changes.filter(c => c.kind === 'added').map(c => [c.code, c]));
    for (const change of changes) {
        const taker = change.kind === 'removed' && change.technologyAt ? added.get(change.technologyAt) : undefined;
        if (taker && !taker.technologyOf) taker.technologyOf = change.code;
    }
}

/** How many items above an added one are searched for its text. */
const ALREADY_WRITTEN_DEPTH = 3;

/**
 * Added items whose text the old list wrote elsewhere, and the new list no longer does there: in
 * an item above them, in its text or a note (2010 split "... or tactile sense between the
 * manipulator and an external object" out of 8.A.2.i.1's text as 8.A.2.i.1.b; 2004 turned the list
 * in ML7.a's note into ML7.a.1-ML7.a.4), or in a removed sub-item of such an item (2019 split ML2.d
 * "Mountings and detachable cartridge magazines ..." into ML2.c.3 and ML2.c.4). They are new
 * items, but what they name was already there. A text of one or two words ("Mountings;") counts
 * only where a sibling's text was found in the same place.
 */
function markAlreadyWritten(changes: Change[], pairs: ItemPair[]): void {
    const oldOf = new Map<string, FlatItem>();
    const newOf = new Map<string, FlatItem>();
    const removedByParent = new Map<string, FlatItem[]>();
    const oldParents = new Set<string>();
    for (const pair of pairs) {
        if (pair.old) oldParents.add(parentOf(pair.old.code));
        if (pair.new) newOf.set(matchKey(pair.new.code), pair.new);
        if (!pair.old || isReserved(pair.old)) continue;
        if (pair.new && !isReserved(pair.new)) oldOf.set(matchKey(pair.new.code), pair.old);
        else pushTo(removedByParent, parentOf(pair.old.code), pair.old);
    }
    const written = (text: string, item: FlatItem, minWords?: number): 'text' | 'note' | undefined =>
        containedIn(text, item.text, minWords) ? 'text' : item.notes.some(n => containedIn(text, n.text, minWords)) ? 'note' : undefined;
    const sourceOf = (change: Change, minWords?: number): Change['alreadyIn'] => {
        const text = change.new as string;
        for (const [nearest, { before, after }] of pairedAncestors(change.code, oldOf, newOf).entries()) {
            const place = written(text, before, minWords);
            // (Still written in the new text above it only where that is a heading restating the
            // old item's list: 9.A.4 "Space launch vehicles and "spacecraft"." became a heading
            // naming both, over a. "Space launch vehicles;" and b. "Spacecraft;", 2014.)
            const split = nearest === 0 && !oldParents.has(matchKey(before.code)) && /:\s*$/.test(after.text ?? '') && normaliseText(after.text) !== normaliseText(before.text);
            if (place && (split || !written(text, after, minWords))) return { code: before.code, place };
            // In other words, where the item above became the heading of a new list: most of the
            // sub-item's words stood in its old text and left it ("Smoke canister projectors" from
            // 2018's "Smoke, gas and pyrotechnic projectors or generators ..."; ML2.b, 2019).
            if (nearest === 0 && splitInOtherWords(text, before, after.text)) return { code: before.code, place: 'text' };
            for (const removed of removedByParent.get(matchKey(before.code)) ?? []) {
                const where = written(text, removed, minWords);
                if (where) return { code: removed.code, place: where };
            }
        }
        if (minWords !== undefined) return undefined;
        const neighbour = neighbours(change.code).find(({ before, after }) => splitFromNeighbour(text, before, after.text, matchKey(before.code) === matchKey(change.code)));
        if (neighbour) return { code: neighbour.before.code, place: 'text' };
        // Last, a note of an item above that the new list dropped, made into this item in other words.
        const noted = pairedAncestors(change.code, oldOf, newOf).find(({ before, after }) => before.notes.some(note => noteMadeItem(text, note.text, after)));
        return noted ? { code: noted.before.code, place: 'note' } : undefined;
    };
    // The kept items beside the new one and beside the item above it (their old and new versions).
    const keptByParent = new Map<string, Array<{ before: FlatItem; after: FlatItem }>>();
    for (const pair of pairs) if (pair.old && pair.new && !isReserved(pair.old) && !isReserved(pair.new)) pushTo(keptByParent, parentOf(pair.new.code), { before: pair.old, after: pair.new });
    const neighbours = (code: string) => [...(keptByParent.get(parentOf(code)) ?? []), ...(parentOf(code).includes('.') ? keptByParent.get(parentOf(parentOf(code))) ?? [] : [])]
        .filter(({ after }) => !matchKey(code).startsWith(`${matchKey(after.code)}.`));
    const added = changes.filter(c => c.kind === 'added' && typeof c.new === 'string');
    for (const change of added) change.alreadyIn = sourceOf(change);
    // Short texts: where a sibling came from the same place.
    const sourcesByParent = new Map<string, string[]>();
    for (const change of added) if (change.alreadyIn) pushTo(sourcesByParent, parentOf(change.code), change.alreadyIn.code);
    for (const change of added) {
        if (change.alreadyIn || !sourcesByParent.has(parentOf(change.code))) continue;
        const source = sourceOf(change, 1);
        if (source && sourcesByParent.get(parentOf(change.code))!.includes(source.code)) change.alreadyIn = source;
    }
    for (const change of added) if (!change.alreadyIn) delete change.alreadyIn;
}

/**
 * Removed items whose text the new list writes inside an item that was above them, in its text
 * or a note, where the old list did not: 2014 took 3.A.1.b.10.a's phase-noise limit into
 * 3.A.1.b.10's text. The removal says where the text went ("merged into 3.A.1.b.10").
 */
function markMergedUp(changes: Change[], pairs: ItemPair[]): void {
    const newOf = new Map<string, FlatItem>();
    for (const pair of pairs) if (pair.old && pair.new && !isReserved(pair.new)) newOf.set(matchKey(pair.old.code), pair.new);
    const oldByKey = new Map(pairs.filter(p => p.old).map(p => [matchKey(p.old!.code), p.old!]));
    // Word for word, or nearly so where a formula or a range was retyped ("-(126+20 log10F-20
    // log10f) ... 10 Hz <F<10 kHz" in 2013, "-(126 + 20log10F - 20log10f) ... 10 Hz ≤ F ≤ 10 kHz" in 2014).
    const within = (text: string, whole: string | undefined, minWords?: number) => containedIn(text, whole, minWords) || nearlyWithin(text, whole);
    const written = (text: string, item: FlatItem, minWords?: number) => within(text, item.text, minWords) || item.notes.some(n => within(text, n.text, minWords));
    const mergeInto = (change: Change, minWords?: number) => {
        for (const { before, after } of pairedAncestors(change.code, oldByKey, newOf)) {
            if (written(change.old as string, after, minWords) && !written(change.old as string, before, minWords)) {
                change.mergedInto = after.code;
                return;
            }
        }
    };
    const removed = changes.filter(c => c.kind === 'removed' && typeof c.old === 'string' && !c.mergedInto);
    for (const change of removed) mergeInto(change);
    // A text of one or two words ("Propelling nozzles; or", 9.E.3.a.10.c in 2010) counts only where
    // a sibling went to the same place.
    const siblingsWent = new Map(removed.filter(c => c.mergedInto).map(c => [parentOf(c.code), c.mergedInto]));
    for (const change of removed) {
        const went = siblingsWent.get(parentOf(change.code));
        if (change.mergedInto || !went) continue;
        mergeInto(change, 1);
        if (change.mergedInto !== went) delete change.mergedInto;
    }
}

/** Least letters and digits a text needs to be found nearly written in another, and the share of its pieces that must be. */
const NEARLY_LENGTH = 40;
const NEARLY_SHARE = 0.9;

/**
 * Whether `part` is nearly written inside `whole`, spacing, punctuation and signs aside: nine in ten
 * of its six-character pieces (letters and digits only) are found there.
 */
function nearlyWithin(part: string, whole: string | undefined): boolean {
    const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '').replace(/(?:and|or)$/, '');
    const small = compact(part);
    const large = compact(whole ?? '');
    if (small.length < NEARLY_LENGTH || large.length < small.length) return false;
    let found = 0, pieces = 0;
    for (let i = 0; i + 6 <= small.length; i += 3, pieces++) if (large.includes(small.slice(i, i + 6))) found++;
    return found >= NEARLY_SHARE * pieces;
}

/**
 * A removed item whose sub-items all went, each paired with a live item, under one item of the new list: its list
 * was merged there (ML7.i "Technology as follows:" in 2003, whose three sub-items are ML22.b.3-5
 * in 2004 under ML22.b "Technology as follows:").
 */
function markListMoved(changes: Change[], pairs: ItemPair[]): void {
    const parentKey = (code: string) => matchKey(code).slice(0, matchKey(code).lastIndexOf('.'));
    const newByKey = new Map(pairs.filter(p => p.new).map(p => [matchKey(p.new!.code), p.new!]));
    const children = new Map<string, Array<FlatItem | undefined>>();
    for (const pair of pairs) {
        if (!pair.old || isReserved(pair.old)) continue;
        const key = parentKey(pair.old.code);
        children.set(key, [...(children.get(key) ?? []), pair.new]);
    }
    for (const change of changes) {
        if (change.kind !== 'removed' || change.mergedInto || change.technologyAt) continue;
        const went = children.get(matchKey(change.code)) ?? [];
        if (went.length === 0 || went.some(item => item === undefined || isReserved(item))) continue;
        // A list folded into its heading's code: the only sub-item took it (ML9.h.1 is ML9.h in 2019).
        if (went.some(item => matchKey(item!.code) === matchKey(change.code))) {
            if (went.length === 1) change.mergedInto = went[0]!.code;
            continue;
        }
        const parents = new Set(went.map(item => parentKey(item!.code)));
        const into = parents.size === 1 ? newByKey.get([...parents][0]) : undefined;
        if (into) change.mergedInto = into.code;
    }
}

/**
 * A removed item whose text the new list's added items were found to have been written in (their
 * "already written in" names it) went there: ML2.d "Mountings and detachable cartridge magazines"
 * (2018) is ML2.c.3 "Mountings" and ML2.c.4 "Detachable cartridge magazines" in 2019, so ML2.d
 * was merged into ML2.c. One added item: that item; several: the item above them all.
 */
function markWrittenOnward(changes: Change[]): void {
    const takers = new Map<string, string[]>();
    for (const change of changes) {
        if (change.kind === 'added' && change.alreadyIn) takers.set(change.alreadyIn.code, [...(takers.get(change.alreadyIn.code) ?? []), change.code]);
    }
    for (const change of changes) {
        const codes = change.kind === 'removed' && !change.mergedInto && !change.technologyAt ? takers.get(change.code) : undefined;
        if (!codes) continue;
        const parts = codes.map(code => code.split('.'));
        let common = codes.length === 1 ? parts[0].length : 0;
        while (codes.length > 1 && parts.every(p => p.length > common + 1 && p[common] === parts[0][common])) common++;
        if (common > 0) change.mergedInto = parts[0].slice(0, common).join('.');
    }
}

/**
 * The items above `code` that are in both lists (by their key on the side the maps are keyed
 * by), nearest first, at most ALREADY_WRITTEN_DEPTH of them.
 */
function pairedAncestors(code: string, oldAt: Map<string, FlatItem>, newAt: Map<string, FlatItem>): Array<{ before: FlatItem; after: FlatItem }> {
    const found: Array<{ before: FlatItem; after: FlatItem }> = [];
    for (let key = matchKey(code); key.includes('.') && found.length < ALREADY_WRITTEN_DEPTH;) {
        key = key.slice(0, key.lastIndexOf('.'));
        const before = oldAt.get(key);
        const after = newAt.get(key);
        if (before && after) found.push({ before, after });
    }
    return found;
}

/** Words that name nothing of an item's content. */
const FUNCTION_WORDS = new Set(['a', 'all', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'by', 'for', 'following', 'follows', 'from', 'having', 'in', 'is', 'more', 'of', 'on', 'or', 'other', 'than', 'that', 'the', 'their', 'therefor', 'to', 'which', 'with']);

/**
 * A sub-item's text split out of its parent's in other words: the parent now heads a list ("...,
 * as follows:"), at least two thirds of the sub-item's content words (two or more) stood in the
 * parent's old text, some of them are gone from its new one, and every number it writes stood there.
 */
function splitInOtherWords(text: string, oldParent: FlatItem, newParent: string | undefined): boolean {
    if (!/(?:as follows|following)\s*:?\s*$/i.test(newParent ?? '') || /(?:as follows|following)\s*:?\s*$/i.test(oldParent.text ?? '')) return false;
    const { content, stood, left } = wordsMoved(text, oldParent.text, newParent);
    if (content.length < 2 || stood.length * 3 < content.length * 2 || left.length === 0) return false;
    // A number or a code the old text did not write is a limit or a subject of the sub-item's own:
    // new, not split out; unless three in four of its words, three or more, stood there ("Using
    // fluxgate "technology" having a "noise level" ... 10 pT" out of 2003's 6.A.6.a "... or triaxial
    // fluxgate "technology" having a "noise level" ... 0.05 nT", 2004: its limit changed on the way).
    const words = content.filter(w => !/^\d/.test(w));
    const wordsStood = stood.filter(w => !/^\d/.test(w));
    return limitsAndCodesStood(text, oldParent, wordsStood.length >= 3 && wordsStood.length * 4 >= words.length * 3);
}

/**
 * A note the item above no longer has, written again as a new sub-item in other words: 2003's
 * ML22 "Note 1.b.8. of ML22. does not release from control "technology" for non-antique small
 * arms, even if used to produce reproductions of antique small arms." is 2004's ML22.b.2
 * '"Technology" "required" for the "development" and "production" of small arms even if used to
 * produce reproductions of antique small arms;'. Two thirds of the item's content words (three or
 * more) stood in the note, four words in a row at least, and every number it writes.
 */
function noteMadeItem(text: string, note: string, after: FlatItem): boolean {
    // (Not a Sensitive List's entry kept as a note: it restates items, it does not become one.)
    if (/^(?:Very )?Sensitive List\b/.test(note)) return false;
    if (after.notes.some(kept => normaliseText(kept.text) === normaliseText(note))) return false;
    const { content, stood } = wordsMoved(text, note, undefined);
    if (content.length < 3 || stood.length * 3 < content.length * 2 || longestCommonRun(text, note) < 4) return false;
    const noteNumbers = new Set(numbersIn(note));
    return numbersIn(text).every(n => noteNumbers.has(n));
}

/**
 * A new item's words taken out of a kept neighbour's text: "or exceeding 43.5 GHz" left 3.A.2.c.1
 * for c.2 (2004), "signature reduction devices" left ML2.a for ML2.c.2 (2019). At least two thirds
 * of its content words stood in the neighbour's old text, every number and code it writes too,
 * and what left the neighbour is a number, or two thirds of its words.
 */
function splitFromNeighbour(text: string, neighbour: FlatItem, newText: string | undefined, tookItsCode = false): boolean {
    const { content, stood, left } = wordsMoved(text, neighbour.text, newText);
    if (content.length < 2 || !limitsAndCodesStood(text, neighbour) || stood.length * 3 < content.length * 2) return false;
    // Under the code the neighbour had, three in four of its words the neighbour's: what it says
    // came from there whatever stayed behind ("Incorporating continuous flexible sensing
    // elements" at 6.A.1.a.2.a.1 in 2004, where 2003's a.1, now a.2, wrote "continuous flexible
    // sensors or assemblies of discrete sensor elements").
    if (tookItsCode && stood.length >= 3 && stood.length * 4 >= content.length * 3 && left.length > 0) return true;
    const newNumbers = new Set(numbersIn(newText));
    return numbersIn(text).some(n => !newNumbers.has(n)) || left.length * 3 >= content.length * 2;
}

/** The content words of `text`, those of them the old text wrote, and those of these the new text no longer writes. */
function wordsMoved(text: string, oldText: string | undefined, newText: string | undefined): { content: string[]; stood: string[]; left: string[] } {
    const content = [...new Set(contentWords(text))];
    const before = new Set(contentWords(oldText));
    const after = new Set(contentWords(newText));
    const stood = content.filter(w => before.has(w));
    return { content, stood, left: stood.filter(w => !after.has(w)) };
}

/**
 * Every number `text` writes stood in the old item's text (unless `newLimits`), and half the codes it cites at least:
 * that code, an item above it ("3.B." for "3.B.1.a.", 3.D.2 in 2003), or an item under the old
 * item itself ("helmets specified in ML13.c.1." split out of ML13.c, 2021).
 */
function limitsAndCodesStood(text: string, old: FlatItem, newLimits = false): boolean {
    const oldNumbers = new Set(numbersIn(old.text));
    if (!newLimits && numbersIn(text).some(n => !oldNumbers.has(n))) return false;
    const oldCodes = [...codesIn(old.text), matchKey(old.code)];
    const cited = codesIn(text);
    // At least half: "technology specified by 9.E.3.h. or 9.E.3.i." took 9.B.2's "9.E.3.a. or 9.E.3.h." (2010).
    return cited.filter(code => oldCodes.some(o => code === o || code.startsWith(`${o}.`))).length * 2 >= cited.length;
}

/** The words that say what an item is about; a plural is its singular ("Pyrotechnics projectors" from "pyrotechnic projectors", ML2.b.3 in 2019). */
function contentWords(text: string | undefined): string[] {
    // (NFKC: the micro sign Word writes is the Greek mu of other editions, "10 µrad" and "10 μrad".)
    return (text ?? '').normalize('NFKC').toLowerCase().split(/[^a-z0-9%\u03bc-]+/).filter(w => w.length >= 3 && !FUNCTION_WORDS.has(w)).map(w => w.length > 4 ? w.replace(/s$/, '') : w);
}

/** Item codes as a text cites them ("3.B.1.a.", "ML8.a.1"), without the closing stop. */
const CITED_CODE = /\b\d\.[A-E](?:\.\d+)?(?:\.[a-z0-9]+)*\.?|\bML\d+(?:\.[a-z0-9]+)*\.?/g;

function codesIn(text: string | undefined): string[] {
    return ((text ?? '').match(CITED_CODE) ?? []).map(code => code.replace(/\.$/, ''));
}

/** The numbers a text writes, not counting those of the item codes it cites. */
function numbersIn(text: string | undefined): string[] {
    return (text ?? '').replace(CITED_CODE, ' ').match(/\d+(?:[.,]\d+)*/g) ?? [];
}

function parentOf(code: string): string {
    const key = matchKey(code);
    return key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : key;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
    const existing = map.get(key);
    if (existing) existing.push(value);
    else map.set(key, [value]);
}

/**
 * A term that moves between the definitions and an item's Technical Note ("'Instrumented range'
 * is ...", a definition until 2018, a note to 6.A.8.i in 2019): the definition's change says
 * where the term is defined on the other side.
 */
function markDefinitionsInNotes(changes: Change[], oldItems: FlatItem[], newItems: FlatItem[]): void {
    for (const change of changes) {
        if (change.kind !== 'definition' || (change.old === undefined) === (change.new === undefined)) continue;
        const items = change.old === undefined ? oldItems : newItems;
        const term = change.code.toLowerCase();
        // "'library' (parametric technical database) means" (1.E.2.g's Technical Note, 2013): a gloss may stand between.
        // "'Hard selectors': data or set of data, ..." (5.A.1.j's Technical Note, 2018): a colon or dash too.
        // (Tried only on notes that hold the term: every note of every item is asked.)
        const definedBy = (note: { kind: string; text: string }) => note.text.toLowerCase().includes(term) && termsDefinedIn(note.text, { anyQuotes: true, technicalNote: note.kind === 'technical-note' }).some(name => name.toLowerCase() === term);
        const item = items.find(i => i.notes.some(definedBy));
        if (item) change.definedInNoteOf = item.code;
    }
}

/** Telling words a removed note must have, all written in the added one, to count as moved there. */
const MOVED_NOTE_WORDS = 4;
/** And words written in a row alike: at least this many, and at least half the removed note's. */
const MOVED_NOTE_RUN = 6;

/**
 * A note removed from one item and written, in its telling words, in a note added to another
 * (2003's "ML12. does not control "technology" for magnetic induction for continuous propulsion
 * of civil transport devices." is point c of ML22's new decontrol note in 2004; 2004's "ML11.
 * includes: ..." is ML11.a's in 2004 (2)): both changes say where it went or came from. Its
 * telling words all there, and half its words in a row at least (not "Not used since 2009" found
 * in a long note that happens to hold those words). A note
 * naming its own item by code names the other the same way; other codes must stay. Not the
 * Sensitive Lists' restatements, and not two items that traded notes (each removed note found in
 * the other's added ones: their notes were reworded alike, as 1.C.11.a's and b's in 1999).
 */
function markNotesMoved(changes: Change[]): void {
    const noteChanges = changes.filter(c => c.kind === 'note');
    const notesOf = (change: Change, side: 'old' | 'new') => {
        const value = change[side];
        const own = side === 'old' ? change.oldCode ?? change.code : change.code;
        // The item's own code as a note writes it ("ML21.c.", "ML21. c."), not the start of a longer one (ML21.c.1, ML210).
        const ownCode = new RegExp(`\\b${own.split('.').map(escapeRegExp).join('\\.\\s*')}(?!\\.?[0-9a-z])\\.?`, 'g');
        return (Array.isArray(value) ? value : [])
            .map(note => note.replace(/^[a-z-]+: /, ''))
            .filter(note => !/^(?:Very )?Sensitive List\b/i.test(note))
            .map(note => note.replace(ownCode, ' itself '));
    };
    const moves: Array<[Change, Change]> = [];
    const writtenIn = (removed: string, note: string) => tellingWordsWithin(removed, note, MOVED_NOTE_WORDS) && longestCommonRun(removed, note) >= Math.max(MOVED_NOTE_RUN, wordCount(removed) / 2);
    // A note added where the item had it before in other words is that item's own, reworded: a
    // copy of it dropped elsewhere did not move there (ML22's copy of ML18's "products referred to
    // in the Munitions List" note, gone in 2004 when ML18's own was respelt).
    const added = new Map(noteChanges.map(c => {
        const own = notesOf(c, 'old');
        return [c, notesOf(c, 'new').filter(note => !own.some(old => writtenIn(old, note)))];
    }));
    for (const from of noteChanges) {
        for (const removed of notesOf(from, 'old')) {
            const movedInto = (note: string) => writtenIn(removed, note);
            const to = noteChanges.find(c => c !== from && c.code !== from.code && added.get(c)!.some(movedInto));
            if (to && !moves.some(([a, b]) => a === from && b === to)) moves.push([from, to]);
        }
    }
    for (const [from, to] of moves) {
        if (moves.some(([a, b]) => a === to && b === from)) continue;
        from.noteMovedTo = [...new Set([...(from.noteMovedTo ?? []), to.code])];
        to.noteMovedFrom = [...new Set([...(to.noteMovedFrom ?? []), from.code])];
    }
}

/**
 * The semantic diff of two lists: per matched item, what changed and in which direction.
 * Works on the flat model, so national and WA lists, and lists in either numbering, compare alike.
 */
import { type FlatBound, type FlatDefinition, type FlatItem, type FlatList, type FlatThreshold, withoutUndefined } from '../model/flat-items.js';
import { thresholdSummary } from '../export/export-format.js';
import { type Scope, compareScopes } from '../scopes/scope.js';
import { FlatScopes, baseValue, scopeOfThresholds } from './flat-scope.js';
import { inTermsOfRate } from './inverse-limits.js';
import { type ItemPair, type MatchRule, MIN_SIMILARITY, categoryOf, groupOf, isReserved, isTechnology, matchItems, matchKey, statedMove } from './match.js';
import { type WordSegment, containedIn, normaliseText, textSimilarity, wordDiff } from './words.js';

export const CHANGE_KINDS = ['added', 'removed', 'renumbered', 'reworded', 'threshold', 'tier', 'note', 'definition'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * tightened: the controlled scope grew; relaxed: it shrank; incomparable: it grew one way and
 * shrank another (or the item was rewritten); not-read: one edition's text states a limit no
 * threshold was read from, so no direction can be claimed.
 */
export type Direction = 'tightened' | 'relaxed' | 'equal' | 'incomparable' | 'not-read';

export interface Change {
    kind: ChangeKind;
    /** The item's code in the new list's numbering (the old one's for removals); the term for definitions. */
    code: string;
    oldCode?: string;
    newCode?: string;
    /** `3`, `ML8`; `definitions` for definition changes. */
    category: string;
    /** `3B`; absent for munitions and definitions. */
    group?: string;
    direction?: Direction;
    old?: string | string[];
    new?: string | string[];
    /** Word-level changes of a rewording. */
    words?: WordSegment[];
    /** How a renumbered item was recognised. */
    matchedBy?: MatchRule;
    /** The year from which a removed item is reserved ("Not used since"). */
    reservedSince?: number;
    /** For a removed item whose note says where its contents went, to an item that was already there: that item. */
    mergedInto?: string;
    /** For removed goods whose text is now a technology item: that item (the goods were decontrolled, their technology stays). */
    technologyAt?: string;
    /** For an added technology item whose text was removed goods': those goods (the other side of technologyAt). */
    technologyOf?: string;
    /** For an added item the old list already wrote inside an item above it: that item, and whether in its text or a note. */
    alreadyIn?: { code: string; place: 'text' | 'note' };
    /**
     * For a term added to the definitions that a note of an item defined before, or removed from
     * them while a note of an item defines it now: that item ("Cyber incident response" in 4.E.1's
     * Technical Note until 2018, then a definition).
     */
    definedInNoteOf?: string;
}

export type Counts = Record<ChangeKind | 'tightened' | 'relaxed', number>;

export interface DiffSummary {
    changes: number;
    counts: Counts;
    byCategory: Record<string, Counts>;
    byGroup: Record<string, Counts>;
}

export interface ListInfo {
    list?: string;
    id?: string;
    edition?: string;
    date?: string;
    numbering: string;
    file?: string;
    items: number;
}

export interface ListDiff {
    old: ListInfo;
    new: ListInfo;
    /** What the reader should know about the comparison itself (different numbering, unrelated lists). */
    warnings: string[];
    summary: DiffSummary;
    changes: Change[];
}

export function diffLists(oldList: FlatList, newList: FlatList, files: { old?: string; new?: string } = {}): ListDiff {
    return diffWithPairs(oldList, newList, files).diff;
}

/** The diff and the item pairs it was made from (the history chains the pairs of consecutive editions). */
export function diffWithPairs(oldList: FlatList, newList: FlatList, files: { old?: string; new?: string } = {}): { diff: ListDiff; pairs: ItemPair[] } {
    const pairs = matchItems(oldList.items, newList.items);
    const scopes = { old: new FlatScopes(oldList.items), new: new FlatScopes(newList.items), oldParents: parentCodes(oldList.items), newParents: parentCodes(newList.items), oldItems: oldList.items, newItems: newList.items };
    const changes = [...pairs.flatMap(pair => itemChanges(pair, scopes)), ...definitionChanges(oldList.definitions, newList.definitions)];
    markDefinitionsInNotes(changes, oldList.items, newList.items);
    markTechnologyKept(changes, pairs);
    markAlreadyWritten(changes, pairs);
    markMergedUp(changes, pairs);
    markListMoved(changes, pairs);
    markWrittenOnward(changes);
    const diff = {
        old: info(oldList, files.old),
        new: info(newList, files.new),
        warnings: comparisonWarnings(oldList, newList, pairs),
        summary: summarise(changes),
        changes,
    };
    return { diff, pairs };
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
        const neighbour = minWords === undefined ? neighbours(change.code).find(({ before, after }) => splitFromNeighbour(text, before, after.text)) : undefined;
        return neighbour ? { code: neighbour.before.code, place: 'text' } : undefined;
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
    const content = [...new Set(contentWords(text))];
    if (content.length < 2) return false;
    const before = new Set(contentWords(oldParent.text));
    const after = new Set(contentWords(newParent));
    const stood = content.filter(w => before.has(w));
    // A number or a code the old text did not write is a limit or a subject of the sub-item's own: new, not split out.
    return limitsAndCodesStood(text, oldParent) && stood.length * 3 >= content.length * 2 && stood.some(w => !after.has(w));
}

/**
 * A new item's words taken out of a kept neighbour's text: "or exceeding 43.5 GHz" left 3.A.2.c.1
 * for c.2 (2004), "signature reduction devices" left ML2.a for ML2.c.2 (2019). At least two thirds
 * of its content words stood in the neighbour's old text, every number and code it writes too,
 * and what left the neighbour is a number, or two thirds of its words.
 */
function splitFromNeighbour(text: string, neighbour: FlatItem, newText: string | undefined): boolean {
    const content = [...new Set(contentWords(text))];
    if (content.length < 2 || !limitsAndCodesStood(text, neighbour)) return false;
    const before = new Set(contentWords(neighbour.text));
    const after = new Set(contentWords(newText));
    const stood = content.filter(w => before.has(w));
    if (stood.length * 3 < content.length * 2) return false;
    const newNumbers = new Set(numbersIn(newText));
    const left = stood.filter(w => !after.has(w));
    return numbersIn(text).some(n => !newNumbers.has(n)) || left.length * 3 >= content.length * 2;
}

/**
 * Every number `text` writes stood in the old item's text, and half the codes it cites at least:
 * that code, an item above it ("3.B." for "3.B.1.a.", 3.D.2 in 2003), or an item under the old
 * item itself ("helmets specified in ML13.c.1." split out of ML13.c, 2021).
 */
function limitsAndCodesStood(text: string, old: FlatItem): boolean {
    const oldNumbers = new Set(numbersIn(old.text));
    if (numbersIn(text).some(n => !oldNumbers.has(n))) return false;
    const oldCodes = [...codesIn(old.text), matchKey(old.code)];
    const cited = codesIn(text);
    // At least half: "technology specified by 9.E.3.h. or 9.E.3.i." took 9.B.2's "9.E.3.a. or 9.E.3.h." (2010).
    return cited.filter(code => oldCodes.some(o => code === o || code.startsWith(`${o}.`))).length * 2 >= cited.length;
}

/** The words that say what an item is about; a plural is its singular ("Pyrotechnics projectors" from "pyrotechnic projectors", ML2.b.3 in 2019). */
function contentWords(text: string | undefined): string[] {
    return (text ?? '').toLowerCase().split(/[^a-z0-9%µ-]+/).filter(w => w.length >= 3 && !FUNCTION_WORDS.has(w)).map(w => w.length > 4 ? w.replace(/s$/, '') : w);
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
        const definedBy = (text: string) => {
            // "'library' (parametric technical database) means" (1.E.2.g's Technical Note, 2013): a gloss may stand between.
            // "'Hard selectors': data or set of data, ..." (5.A.1.j's Technical Note, 2018): a colon or dash too.
            const at = text.toLowerCase().search(new RegExp(`['‘"“]${escapeRegExp(term)}['’"”](?:\\s+in\\s+\\S+)?(?:\\s*\\([^)]{1,60}\\))?(?:,?\\s+(?:means|is|are|refers to|consists? of)\\b|\\s*:\\s|\\s+[-–—]\\s)`));
            return at >= 0;
        };
        const item = items.find(i => i.notes.some(n => definedBy(n.text)));
        if (item) change.definedInNoteOf = item.code;
    }
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a change's line adds to its kind: since when a label is unused, where contents went or came from. */
export function changeRemark(change: Change): string | undefined {
    const remarks = [
        change.reservedSince ? `not used since ${change.reservedSince}` : '',
        change.mergedInto === change.code ? 'merged with its only sub-item, which holds its code now' : change.mergedInto ? `merged into ${change.mergedInto}` : '',
        change.technologyAt ? `goods decontrolled; their technology stays in ${change.technologyAt}` : '',
        change.technologyOf ? `the technology of ${change.technologyOf}, goods decontrolled` : '',
        change.alreadyIn ? `already written in ${change.alreadyIn.place === 'note' ? 'a note to ' : 'the text of '}${change.alreadyIn.code}` : '',
        change.definedInNoteOf ? `${change.old === undefined ? 'defined before' : 'defined now'} in a note to ${change.definedInNoteOf}` : '',
        change.kind === 'definition' && change.oldCode !== undefined && change.oldCode !== change.code ? `spelt "${change.oldCode}" before` : '',
    ].filter(r => r !== '');
    return remarks.length > 0 ? remarks.join('; ') : undefined;
}

function info(list: FlatList, file: string | undefined): ListInfo {
    return { list: list.list, id: list.id, edition: list.edition, date: list.date, numbering: list.numbering, file, items: list.items.length };
}

interface Scopes {
    old: FlatScopes;
    new: FlatScopes;
    /** The codes (WA form) of the items that have sub-items, on each side. */
    oldParents: Set<string>;
    newParents: Set<string>;
    oldItems: FlatItem[];
    newItems: FlatItem[];
}

function parentCodes(items: FlatItem[]): Set<string> {
    const parents = new Set<string>();
    for (const item of items) {
        const key = matchKey(item.code);
        if (key.includes('.')) parents.add(key.slice(0, key.lastIndexOf('.')));
    }
    return parents;
}

function itemChanges(pair: ItemPair, scopes: Scopes): Change[] {
    const { old: before, new: after } = pair;
    const live = (item: FlatItem | undefined): item is FlatItem => item !== undefined && !isReserved(item);
    if (live(before) && !live(after)) return [removal(before, after)];
    if (!live(before) && live(after)) return [at(after, { kind: 'added', new: after.text })];
    if (!live(before) || !live(after)) return [];
    const changes: Change[] = [];
    if (matchKey(before.code) !== matchKey(after.code)) changes.push(at(after, { kind: 'renumbered', oldCode: before.code, newCode: after.code, matchedBy: pair.rule }));
    if (normaliseText(before.text) !== normaliseText(after.text)) {
        changes.push(at(after, { kind: 'reworded', oldCode: before.code, old: before.text, new: after.text, words: wordDiff(before.text, after.text) }));
    }
    const threshold = thresholdChange(before, after, scopes);
    if (threshold) changes.push(threshold);
    if (!sameSet(before.tiers, after.tiers)) changes.push(at(after, { kind: 'tier', oldCode: before.code, old: before.tiers, new: after.tiers }));
    const note = noteChange(before, after);
    if (note) changes.push(note);
    return changes;
}

function removal(before: FlatItem, after: FlatItem | undefined): Change {
    const reservedSince = after && typeof after.reserved === 'number' ? after.reserved : undefined;
    // A stated move to an item that existed already is a merge (the matcher pairs only moves to new items).
    const mergedInto = after ? statedMove(after) : undefined;
    return withoutUndefined({ kind: 'removed', code: before.code, oldCode: before.code, category: categoryOf(before.code), group: groupOf(before.code), old: before.text, reservedSince, mergedInto });
}

function at(item: FlatItem, change: Omit<Change, 'code' | 'category' | 'group'>): Change {
    return { code: item.code, category: categoryOf(item.code), group: groupOf(item.code), ...change };
}

function thresholdChange(before: FlatItem, after: FlatItem, scopes: Scopes): Change | undefined {
    const oldText = before.thresholds.map(thresholdSummary);
    const newText = after.thresholds.map(thresholdSummary);
    if (sameSet(oldText, newText) || sameLimitsRenamed(before, after) || limitsMovedBetweenLevels(before, after, scopes)) return undefined;
    // A time limit restated as the rate it is the inverse of, where a note says so (3.A.1.a.5 in 2004).
    const restated = inverseRestatement(before, after, scopes);
    if (restated && sameSet(limits(restated[0]), limits(restated[1]))) return undefined;
    // Where the side without thresholds states a limit the import did not read, no direction is claimed.
    const unread = (oldText.length === 0 && statesLimit(before.text)) || (newText.length === 0 && statesLimit(after.text));
    // The limits read on one side, written with the same numbers in the other side's text where
    // they were not read ("5 x 10-6" in 2018, "5 x 10-6/K" in 2019): nothing says they changed.
    if (unread && (oldText.length === 0 ? sameNumbersIn(after, before.text) : sameNumbersIn(before, after.text))) return undefined;
    // The side without thresholds heads sub-items now (or did): its limits moved into them
    // (6.A.4.d.2 in 2014, 6.A.6.a in 2004), which are reported as added; the heading itself changed no limit.
    if (oldText.length === 0 ? scopes.oldParents.has(matchKey(before.code)) : newText.length === 0 && scopes.newParents.has(matchKey(after.code))) return undefined;
    // An item that states no limit at all controls whatever it names: gaining a limit narrows it
    // (relaxed: "Polybiphenylenethersulphone." -> "... having a Tg exceeding 513 K", 1.C.8.f in
    // 2004), losing every limit widens it (tightened).
    const direction = unread ? 'not-read' : oldText.length === 0 ? 'relaxed' : newText.length === 0 ? 'tightened'
        : restated && !scopes.oldParents.has(matchKey(before.code)) && !scopes.newParents.has(matchKey(after.code)) ? compareItemScopes(scopeOfThresholds(restated[0].thresholds), scopeOfThresholds(restated[1].thresholds))
        : compareItemScopes(scopes.old.scopeOf(before), scopes.new.scopeOf(after));
    return at(after, { kind: 'threshold', oldCode: before.code, direction, old: oldText, new: newText });
}

/** [before, after] with one side's time limits written as the other side's rate, where a note says one is the inverse of the other. */
function inverseRestatement(before: FlatItem, after: FlatItem, scopes: Scopes): [FlatItem, FlatItem] | undefined {
    const oldAsRate = inTermsOfRate(before, after, scopes.oldItems, scopes.newItems);
    if (oldAsRate) return [oldAsRate, after];
    const newAsRate = inTermsOfRate(after, before, scopes.newItems, scopes.oldItems);
    return newAsRate ? [before, newAsRate] : undefined;
}

/**
 * The same limits, whatever a parameter is called ("resolution_time < 200 ns" in 1998,
 * "conversion_time < 200 ns" in 1999) and in whatever unit of its dimension it is written ("50,000
 * ft (15,240 m)" for "15,240 m (50,000 ft)", 9.A.12.b.4 in 2014): the names and units are the
 * writer's words for one quantity, and neither changes anything the item controls. Values are
 * compared exactly, in their dimension's base unit; the rewording, if any, is reported as such.
 */
export function sameLimitsRenamed(before: FlatItem, after: FlatItem): boolean {
    return before.thresholds.length > 0 && (sameSet(limits(before), limits(after)) || unitNowWritten(before, after) || unitNowWritten(after, before));
}

/**
 * The limits one side has and the other has not were moved into (or out of) that other side's
 * sub-items, and the rest are the same: 2009's 7.A.2.a "bias stability ... less (better) than 0.5
 * degree per hour ... up to and including 100 g" keeps "up to 100 g" in 2010 and its new sub-item
 * 7.A.2.a.1.a writes the 0.5 degree per hour. The sub-items are reported on their own.
 */
function limitsMovedBetweenLevels(before: FlatItem, after: FlatItem, scopes: Scopes): boolean {
    const below = (item: FlatItem, items: FlatItem[]) => {
        const prefix = `${matchKey(item.code)}.`;
        return new Set(items.filter(i => matchKey(i.code).startsWith(prefix)).flatMap(limits));
    };
    const oldLimits = limits(before);
    const newLimits = limits(after);
    const onlyOld = oldLimits.filter(l => !newLimits.includes(l));
    const onlyNew = newLimits.filter(l => !oldLimits.includes(l));
    if (onlyOld.length === 0 && onlyNew.length === 0) return false;
    const newBelow = onlyOld.length > 0 ? below(after, scopes.newItems) : new Set<string>();
    const oldBelow = onlyNew.length > 0 ? below(before, scopes.oldItems) : new Set<string>();
    return onlyOld.every(l => newBelow.has(l)) && onlyNew.every(l => oldBelow.has(l));
}

/**
 * The same numbers, where one side gave a limit no unit and the other writes it ("'Sounding
 * rate' greater than 3,800" in 2013, "greater than 3,800 m/s" in 2014): every limit of `bare`
 * without a unit has its number and comparator in `written`, and the rest are the same limits.
 */
function unitNowWritten(bare: FlatItem, written: FlatItem): boolean {
    const unitless = (t: FlatThreshold) => t.alternatives === undefined && t.comparator !== 'from-to' && !t.unit;
    if (bare.thresholds.length !== written.thresholds.length || !bare.thresholds.some(unitless)) return false;
    const rest = [...written.thresholds];
    for (const t of bare.thresholds) {
        const same = (u: FlatThreshold) => unitless(t) ? u.alternatives === undefined && u.comparator === t.comparator && u.value === t.value : exactBound(u) === exactBound(t) && u.alternatives === undefined && t.alternatives === undefined;
        const index = rest.findIndex(same);
        if (index < 0) return false;
        rest.splice(index, 1);
    }
    return true;
}

/** An item's limits, each as exact values in base units ("> 15240 length or < 10 length"). */
function limits(item: FlatItem): string[] {
    return item.thresholds.map(t => [t, ...(t.alternatives ?? [])].map(exactBound).join(' or '));
}

/** A bound as an exact value in its dimension's base unit: `> 15240 length` for `> 50000 ft`. */
function exactBound(bound: FlatBound): string {
    const exact = (value: string | undefined, unit: string | undefined) => {
        const base = baseValue(value, unit);
        return base ? `${base.value.toString()} ${base.dimension ?? ''}` : `${value ?? ''} ${unit ?? ''}`;
    };
    return bound.comparator === 'from-to' ? `from ${exact(bound.low?.value, bound.low?.unit)} to ${exact(bound.high?.value, bound.high?.unit)}` : `${bound.comparator} ${exact(bound.value, bound.unit)}`;
}

/** Whether every number of `item`'s threshold phrases is written in `text` too. */
function sameNumbersIn(item: FlatItem, text: string | undefined): boolean {
    const numbers = (t: string) => t.match(/\d+(?:[.,]\d+)*/g) ?? [];
    const inText = new Set(numbers(text ?? ''));
    const read = item.thresholds.flatMap(t => numbers(t.text ?? ''));
    return read.length > 0 && read.every(n => inText.has(n));
}

/** Whether a text states a numeric limit ("exceeding 40 MHz", "45 nm or less"), read or not. */
export function statesLimit(text: string | undefined): boolean {
    return /\b(?:exceeding|more than|less than|greater than|lower than|higher than|shorter than|below|above|not exceeding|at least|up to|better than|within)\s[±-]?\s?\d|\d[^;:]{0,30}\bor (?:more|less|greater|higher|lower|better|larger|smaller)\b/i.test(text ?? '');
}

/**
 * Exact: what the item controls before and after (its thresholds and those of its sub-items),
 * compared as sets of values. tightened = the new item controls more.
 */
export function compareItemScopes(before: Scope | undefined, after: Scope | undefined): Direction {
    if (!before || !after) return 'incomparable';
    const comparison = compareScopes(after, before);
    return comparison === 'broader' ? 'tightened' : comparison === 'narrower' ? 'relaxed' : comparison;
}

function noteChange(before: FlatItem, after: FlatItem): Change | undefined {
    const text = (n: { kind: string; text: string }) => `${n.kind}: ${normaliseText(n.text)}`;
    const oldNotes = before.notes.map(text);
    const newNotes = after.notes.map(text);
    if (sameSet(oldNotes, newNotes)) return undefined;
    return at(after, { kind: 'note', oldCode: before.code, old: oldNotes.filter(n => !newNotes.includes(n)), new: newNotes.filter(n => !oldNotes.includes(n)) });
}

/**
 * A defined term, spelt either way: "Frequency synthesiser" (2009) is "Frequency synthesizer"
 * (2010), "Real-time" is "Real time".
 */
function termKey(term: string): string {
    return term.toLowerCase().replace(/(\w)is(e|ed|er|ers|es|ing|ation|ations)\b/g, '$1iz$2').replace(/(\w)yse\b/g, '$1yze').replace(/[^\p{L}\p{N}]+/gu, '');
}

function definitionChanges(before: FlatDefinition[], after: FlatDefinition[]): Change[] {
    const key = (d: FlatDefinition) => termKey(d.term);
    const oldByTerm = new Map(before.map(d => [key(d), d]));
    const newByTerm = new Map(after.map(d => [key(d), d]));
    const changes: Change[] = [];
    const change = (term: string, old: string | undefined, now: string | undefined): Change => ({
        kind: 'definition', code: term, category: 'definitions', old, new: now, words: old !== undefined && now !== undefined ? wordDiff(old, now) : undefined,
    });
    for (const [k, d] of oldByTerm) {
        const now = newByTerm.get(k);
        if (!now) changes.push(change(d.term, d.text, undefined));
        // (A term respelt alone, its text the same, is only formatting: "Real-time" -> "Real time".)
        else if (normaliseText(now.text) !== normaliseText(d.text)) changes.push(now.term.toLowerCase() !== d.term.toLowerCase() ? { ...change(now.term, d.text, now.text), oldCode: d.term } : change(now.term, d.text, now.text));
    }
    for (const [k, d] of newByTerm) if (!oldByTerm.has(k)) changes.push(change(d.term, undefined, d.text));
    return changes;
}

function comparisonWarnings(oldList: FlatList, newList: FlatList, pairs: ItemPair[]): string[] {
    const warnings: string[] = [];
    if (oldList.numbering !== newList.numbering) {
        warnings.push(`the lists use different numbering (${oldList.numbering} and ${newList.numbering}): items are compared by their WA codes (ECCN 0xx entries: 3B001.f is 3.B.1.f) and by their precedents; codes of other regimes only match by text`);
    }
    const matched = pairs.filter(p => p.old && p.new).length;
    const smaller = Math.min(oldList.items.length, newList.items.length);
    if (smaller >= 10 && matched < smaller / 4) {
        warnings.push(`the lists share few items (${matched} of ${smaller} matched): they may be unrelated lists, and most changes below are whole items added or removed`);
    }
    return warnings;
}

export function emptyCounts(): Counts {
    return { added: 0, removed: 0, renumbered: 0, reworded: 0, threshold: 0, tier: 0, note: 0, definition: 0, tightened: 0, relaxed: 0 };
}

export function countChange(counts: Counts, change: Change): void {
    counts[change.kind]++;
    if (change.direction === 'tightened' || change.direction === 'relaxed') counts[change.direction]++;
}

export function summarise(changes: Change[]): DiffSummary {
    const summary: DiffSummary = { changes: changes.length, counts: emptyCounts(), byCategory: {}, byGroup: {} };
    for (const change of changes) {
        countChange(summary.counts, change);
        countChange((summary.byCategory[change.category] ??= emptyCounts()), change);
        if (change.group) countChange((summary.byGroup[change.group] ??= emptyCounts()), change);
    }
    return summary;
}

function sameSet(a: string[], b: string[]): boolean {
    if (a.length !== b.length) return false;
    const sortedA = [...a].sort();
    const sortedB = [...b].sort();
    return sortedA.every((v, i) => v === sortedB[i]);
}

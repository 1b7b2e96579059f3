/**
 * The semantic diff of two lists: per matched item, what changed and in which direction.
 * Works on the flat model, so national and WA lists, and lists in either numbering, compare alike.
 */
import type { FlatBound, FlatDefinition, FlatItem, FlatList, FlatThreshold } from '../model/flat-items.js';
import { withoutUndefined } from '../without-undefined.js';
import { thresholdSummary } from '../export/export-format.js';
import { kindKey } from '../scopes/kind-scope.js';
import { type Scope, compareScopes } from '../scopes/scope.js';
import { FlatScopes, baseValue, formulaKey, scopeOfThresholds } from './flat-scope.js';
import { inTermsOfRate } from './inverse-limits.js';
import { markRemarks } from './change-remarks.js';
import { type ItemPair, type MatchRule, matchItems } from './match.js';
import { categoryOf, groupOf, isReserved, matchKey } from './match-keys.js';
import { statedMove } from './stated-moves.js';
import { type WordSegment, normaliseText, wordDiff } from './words.js';

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
    /** For a note change: the items a removed note went to (in a note added there), and those an added note came from. */
    noteMovedTo?: string[];
    noteMovedFrom?: string[];
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
    markRemarks(changes, pairs, oldList.items, newList.items);
    const diff = {
        old: info(oldList, files.old),
        new: info(newList, files.new),
        warnings: comparisonWarnings(oldList, newList, pairs),
        summary: summarise(changes),
        changes,
    };
    return { diff, pairs };
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
        change.noteMovedTo ? `a note moved to ${change.noteMovedTo.join(', ')}` : '',
        change.noteMovedFrom ? `a note moved from ${change.noteMovedFrom.join(', ')}` : '',
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
    // An item that now heads a list, and lost a limit its new sub-items state in their own way
    // (2014's 6.A.1.a.1.c.1: its 'acoustic power density' became source levels in dB under it):
    // what it controls now is its list's, which its own limits alone do not say.
    const headsNewList = !scopes.oldParents.has(matchKey(before.code)) && scopes.newParents.has(matchKey(after.code))
        && before.thresholds.some(t => !after.thresholds.some(u => u.parameter === t.parameter));
    const direction = unread ? 'not-read' : headsNewList ? 'incomparable' : oldText.length === 0 ? 'relaxed' : newText.length === 0 ? 'tightened'
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
    const below = (item: FlatItem, items: FlatItem[]) => new Set((itemsBelow(items).get(matchKey(item.code)) ?? []).flatMap(limits));
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
 * The items with limits below each code (WA form) of a list, found once per list when first
 * asked: one walk instead of one per changed limit (26 diffs of a trend asked it thousands of
 * times). Their limits are worked out only for the codes asked about (exact values are not cheap).
 */
function itemsBelow(items: FlatItem[]): Map<string, FlatItem[]> {
    let below = itemsBelowCache.get(items);
    if (below) return below;
    below = new Map();
    for (const item of items) {
        if (item.thresholds.length === 0) continue;
        const key = matchKey(item.code);
        for (let dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            const ancestor = key.slice(0, dot);
            const under = below.get(ancestor);
            if (under) under.push(item);
            else below.set(ancestor, [item]);
        }
    }
    itemsBelowCache.set(items, below);
    return below;
}

const itemsBelowCache = new WeakMap<FlatItem[], Map<string, FlatItem[]>>();

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
    let found = limitsOf.get(item);
    if (!found) limitsOf.set(item, found = limitsIn(item));
    return found;
}

/** Each item's limits, worked out once (asked for each change, and for the items below a changed one). */
const limitsOf = new WeakMap<FlatItem, string[]>();

function limitsIn(item: FlatItem): string[] {
    // (A limit in an `either` choice is another limit than the same one outside it.)
    return item.thresholds.map(t => `${t.either ? `either ${t.either.join('.')}${t.kind !== undefined ? ` for ${kindKey(t.kind)}` : ''}: ` : ''}${[t, ...(t.alternatives ?? [])].map(exactBound).join(' or ')}`);
}

/** A bound as an exact value in its dimension's base unit: `> 15240 length` for `> 50000 ft`. */
function exactBound(bound: FlatBound): string {
    const exact = (value: string | undefined, unit: string | undefined) => {
        const base = baseValue(value, unit);
        return base ? `${base.value.toString()} ${base.dimension ?? ''}` : `${value ?? ''} ${unit ?? ''}`;
    };
    if (bound.formula !== undefined) return `${bound.comparator} formula ${formulaKey(bound.formula)} ${bound.unit ?? ''}`;
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
    const reprinted = (n: { kind: string; text: string }) => `${n.kind}: ${normaliseText(lastLabels(n.text))}`;
    if (sameSet(oldNotes, newNotes) || sameSet(before.notes.map(reprinted), after.notes.map(reprinted))) return undefined;
    // A renumbered item's notes that name it by its code follow it: "6.A.1.c. does not apply to ..."
    // is "8.A.2.r. does not apply to ..." when 6.A.1.c became 8.A.2.r (2010); that is the renumbering.
    if (matchKey(before.code) !== matchKey(after.code)) {
        const ownCode = (item: FlatItem) => (n: { kind: string; text: string }) => `${n.kind}: ${normaliseText(withoutOwnCode(n.text, item.code))}`;
        if (sameSet(before.notes.map(ownCode(before)), after.notes.map(ownCode(after)))) return undefined;
    }
    return at(after, { kind: 'note', oldCode: before.code, old: oldNotes.filter(n => !newNotes.includes(n)), new: newNotes.filter(n => !oldNotes.includes(n)) });
}

/** A note's text with the item's own code (as written, or in WA form), and the codes below it, written as one mark. */
function withoutOwnCode(note: string, code: string): string {
    const forms = [...new Set([code, matchKey(code)])].map(form => form.replace(/\./g, '\\.'));
    return note.replace(new RegExp(`(?:${forms.join('|')})(?=[.\\s,;:]|$)`, 'g'), '§');
}

/**
 * A note's text with each line's label cut to its last part: a list broken over a page is printed
 * again with its labels in full ("3. A positioning accuracy ..." in 2009's Sensitive List is "b.3.
 * A positioning accuracy ..." in 2010's, after "2.D.1. b.2."), which changes nothing. A list
 * relabelled ("1." to "a.") still differs.
 */
function lastLabels(note: string): string {
    return note.replace(/(^|\n)(?:\d\.[A-E]\.\d+\.\s+)?(?:(?:[a-z]{1,2}|\d{1,3})\.)?((?:[a-z]{1,2}|\d{1,3})\.)(?=\s)/g, '$1$2');
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

/**
 * Matching the items of two lists: which item of the new list is which item of the old one.
 * The diff reads the pairs; the history of an entry across many editions chains them.
 *
 * The rules, in order, each on what the earlier ones left unmatched:
 * 1. Moved: a reserved item whose note says "moved to X" pairs the live item of its code on the
 *    other side with X.
 * 2. Relocated: the same text (long enough to be telling, unique on both sides) under another
 *    code, where the code's own counterpart says something else (entries renumbered by an
 *    insertion); then, for longer texts, the same but for commas and the closing "; or".
 * 3. Shifted: the sub-items of one item on both sides, aligned in order by text similarity (and
 *    by the bounds they keep on a parameter both bound), where
 *    that alignment is clearly better than pairing them by label (a list renumbered by an
 *    insertion while its texts changed a little: 7.A.2.b became 7.A.2.c in 2004).
 * 4. Nested: an item whose text moved into the first sub-item of a new list under its code (or
 *    out of it), when the texts say so clearly.
 * 5. Parent: the sub-items of an item paired under another code (by 1 to 4), by their labels
 *    below it, so the children of a moved entry move with it.
 * 6. Code: the same code, compared in WA form (3B001.f is 3.B.1.f).
 * 7. Precedent: a national item's `precedent` names the other item's code (or both name one).
 * 8. Text: the most similar live items of the same category, if similar enough; of another
 *    category, an item whose code is gone and one whose code is new, if nearly equal.
 * 9. Sub-items: two items left over, alike in text, where every sub-item of one went under the other.
 * No rule but 1 and 7 pairs goods (groups A-D) with technology (group E).
 * Every rule is symmetric, so matching B with A gives the same pairs as A with B, turned round.
 * A change to these rules changes saved precedent indexes: bump INDEX_VERSION in
 * history/precedent-library.ts.
 */
import type { FlatItem } from '../model/flat-items.js';
import { byKey, categoryOf, childrenByParent, isReserved, isTechnology, matchKey } from './match-keys.js';
import { movedTo } from './stated-moves.js';
import { type Steps, finished } from '../stepwise.js';
import { comparedWordCount, containedIn, lengthsAllow, normaliseText, sharesTellingWord, tellingWordCount, tellingWordsWithin, textSimilarity } from './words.js';

export type MatchRule = 'moved' | 'relocated' | 'shifted' | 'nested' | 'parent' | 'code' | 'precedent' | 'text';

export interface ItemPair {
    old?: FlatItem;
    new?: FlatItem;
    /** How the two were found to be one item; absent for items on one side only. */
    rule?: MatchRule;
}

/** Texts shorter than this ("Not used", "Software") say too little to identify an item by. */
const MIN_TELLING_TEXT = 25;
/** Least word similarity for rule 8. */
export const MIN_SIMILARITY = 0.7;
/** Rule 8 across categories: least word similarity of an item whose code is gone and one whose code is new. */
const MIN_MOVE_SIMILARITY = 0.85;
/** Rule 3: least similarity of two siblings aligned across a shift, and how much better than by label the alignment must be. */
const MIN_SHIFT_SIMILARITY = 0.6;
const SHIFT_MARGIN = 0.5;
/** Rule 3, one shift alone: least similarity, and how much more alike than either item's label partner. */
const STANDOUT_SHIFT = 0.75;
const STANDOUT_MARGIN = 0.3;
/** Rule 3, one shift alone where the label partners share next to nothing: a lower least similarity will do. */
const UNRELATED_LABEL_PARTNER = 0.15;
const STANDOUT_SHIFT_FROM_UNRELATED = 0.5;
/** Rule 4 (nesting): least similarity to the sub-item, and how much more alike than to the item holding the code. */
const NESTED_SIMILARITY = 0.7;
const NESTED_MARGIN = 0.35;
/** Rule 4: a heading naming the item in this many words or more, all the item's, restates it ("Technology as follows:" does not). */
const RESTATING_WORDS = 3;
/** Rule 5: least similarity of a sub-item and the one under its label below the parent's new code. */
const PARENT_SIMILARITY = 0.2;
/** Rule 6: least similarity of two items under one code whose parents were paired with other items. */
const APART_SIMILARITY = 0.5;
/** Rule 6: two texts under one code sharing no telling word are different items from this many telling words each. */
const STRANGER_WORDS = 3;
/** Rule 3 aligns lists of at most this many sub-items a side. */
const MAX_SHIFT_SIBLINGS = 60;
/** Rule 8 compares at most this many pairs, so two unrelated lists cannot take long. */
const MAX_SIMILARITY_PAIRS = 2_000_000;
/** Rule 8 takes a step after about this many pairs (matchInSteps). */
const PAIRS_BETWEEN_STEPS = 20_000;

export function matchItems(oldItems: FlatItem[], newItems: FlatItem[]): ItemPair[] {
    return finished(matchInSteps(oldItems, newItems));
}

/**
 * The same matching in steps (stepwise.ts): a step after each rule, and within the rule that
 * compares texts pair by pair, after every few items. Up to about 20 ms a step on a WA edition.
 */
export function* matchInSteps(oldItems: FlatItem[], newItems: FlatItem[]): Steps<ItemPair[]> {
    const matcher = new Matcher(oldItems, newItems);
    yield;
    matcher.byMovedNotes();
    yield;
    matcher.byRelocatedText(normaliseText, MIN_TELLING_TEXT);
    yield;
    // Then blind to commas and the closing "; or", among the items left: a looser key meets more
    // texts, so it takes longer ones ("Output power exceeding 2 kW; or", 6.A.5.a.6.a.1 in 2025, is
    // 6.A.5.a.6.b.2's old "Output power exceeding 2 kW;" in words only).
    matcher.byRelocatedText(relocationKey, 2 * MIN_TELLING_TEXT);
    yield;
    matcher.byShiftedSiblings();
    yield;
    matcher.byNesting();
    matcher.byParent();
    yield;
    matcher.byCode();
    matcher.byPrecedent();
    yield;
    yield* matcher.bySimilarText();
    yield;
    matcher.bySubItems();
    return matcher.pairs();
}

class Matcher {
    private readonly oldToNew = new Map<FlatItem, { item: FlatItem; rule: MatchRule }>();
    private readonly newToOld = new Map<FlatItem, FlatItem>();
    private readonly oldByKey: Map<string, FlatItem>;
    private readonly newByKey: Map<string, FlatItem>;
    /** Each item's direct sub-items on each side, worked out once for the rules that walk them. */
    private readonly oldChildren: Map<FlatItem, FlatItem[]>;
    private readonly newChildren: Map<FlatItem, FlatItem[]>;

    constructor(private readonly oldItems: FlatItem[], private readonly newItems: FlatItem[]) {
        this.oldByKey = byKey(oldItems);
        this.newByKey = byKey(newItems);
        this.oldChildren = childrenByParent(oldItems);
        this.newChildren = childrenByParent(newItems);
    }

    private pair(oldItem: FlatItem, newItem: FlatItem, rule: MatchRule): void {
        if (this.oldToNew.has(oldItem) || this.newToOld.has(newItem)) return;
        // Goods are never renumbered into technology: when 8.A.1.f's text reappears as 8.E.2.c.1,
        // the goods were decontrolled and their technology stays (the diff says so). Only a
        // stated move or the drafter's own precedent may cross.
        if (rule !== 'moved' && rule !== 'precedent' && isTechnology(oldItem) !== isTechnology(newItem)) return;
        this.oldToNew.set(oldItem, { item: newItem, rule });
        this.newToOld.set(newItem, oldItem);
    }

    private unmatchedOld(): FlatItem[] { return this.oldItems.filter(i => !this.oldToNew.has(i)); }
    private unmatchedNew(): FlatItem[] { return this.newItems.filter(i => !this.newToOld.has(i)); }

    /**
     * A move stated on one side pairs across only when the target is new there: an item that
     * stays under its own code on both sides did not move now (a "Deleted (transferred to
     * 1.C.11.d.)" kept for years, while the freed label is given to something else).
     */
    byMovedNotes(): void {
        const live = (item: FlatItem | undefined): item is FlatItem => item !== undefined && !isReserved(item);
        for (const reserved of this.newItems.filter(isReserved)) {
            const target = movedTo(reserved);
            if (!target) continue;
            const from = this.oldByKey.get(matchKey(reserved.code));
            const to = this.newByKey.get(target);
            if (live(from) && live(to) && !live(this.oldByKey.get(target))) this.pair(from, to, 'moved');
        }
        for (const reserved of this.oldItems.filter(isReserved)) {
            const target = movedTo(reserved);
            if (!target) continue;
            const to = this.newByKey.get(matchKey(reserved.code));
            const from = this.oldByKey.get(target);
            if (live(from) && live(to) && !live(this.newByKey.get(target))) this.pair(from, to, 'moved');
        }
    }

    byRelocatedText(key: (text: string | undefined) => string, minLength: number): void {
        const oldByText = uniqueTexts(this.oldItems, key, minLength);
        const newByText = uniqueTexts(this.newItems, key, minLength);
        for (const [text, oldItem] of oldByText) {
            const newItem = newByText.get(text);
            if (!newItem || matchKey(oldItem.code) === matchKey(newItem.code)) continue;
            const oldCounterpart = this.newByKey.get(matchKey(oldItem.code));
            const newCounterpart = this.oldByKey.get(matchKey(newItem.code));
            const differs = (a: FlatItem | undefined) => !a || isReserved(a) || key(a.text) !== text;
            if (differs(oldCounterpart) && differs(newCounterpart)) this.pair(oldItem, newItem, 'relocated');
        }
    }

    /**
     * Each item's sub-items, on both sides, aligned in order by text similarity (pairs below
     * MIN_SHIFT_SIMILARITY not allowed): when the alignment pairs some of them under other labels
     * and its total similarity beats pairing them by label by SHIFT_MARGIN, its pairs are taken.
     */
    byShiftedSiblings(): void {
        // Parents a depth at a time (a parent paired at one depth brings its sub-items to the
        // next), each depth's pairs in an order that does not depend on which list is the old one.
        const byDepth = (items: FlatItem[]) => {
            const levels: FlatItem[][] = [];
            for (const item of items) (levels[depthOf(matchKey(item.code))] ??= []).push(item);
            return levels;
        };
        const oldLevels = byDepth(this.oldItems);
        const newLevels = byDepth(this.newItems);
        const seen = new Set<string>();
        for (let level = 1; level < Math.max(oldLevels.length, newLevels.length); level++) {
            const parents = new Map<string, [FlatItem, FlatItem]>();
            const consider = (oldItem: FlatItem | undefined, newItem: FlatItem | undefined) => {
                if (!oldItem || !newItem) return;
                const key = [matchKey(oldItem.code), matchKey(newItem.code)].sort().join(' ');
                if (!seen.has(key)) parents.set(key, [oldItem, newItem]);
                seen.add(key);
            };
            for (const item of oldLevels[level] ?? []) consider(item, this.oldToNew.get(item)?.item ?? this.newByKey.get(matchKey(item.code)));
            for (const item of newLevels[level] ?? []) consider(this.newToOld.get(item) ?? this.oldByKey.get(matchKey(item.code)), item);
            for (const key of [...parents.keys()].sort()) this.alignChildren(...parents.get(key)!);
        }
    }

    private alignChildren(oldParent: FlatItem, newParent: FlatItem): void {
        const { oldChildren, newChildren } = this;
        // An item that names its precedent is left to rule 7: the drafter said which it is.
        const free = (items: FlatItem[] | undefined, taken: Map<FlatItem, unknown>) => (items ?? []).filter(i => !isReserved(i) && !i.precedent && !taken.has(i));
        const olds = free(oldChildren.get(oldParent), this.oldToNew);
        const news = free(newChildren.get(newParent), this.newToOld);
        if (olds.length === 0 || news.length === 0 || olds.length > MAX_SHIFT_SIBLINGS || news.length > MAX_SHIFT_SIBLINGS) return;
        const label = (item: FlatItem) => item.code.slice(item.code.lastIndexOf('.') + 1);
        if (unchangedSiblings(olds, news, label)) return;
        const similarity = olds.map(o => news.map(n => siblingSimilarity(o, n)));
        let byLabel = 0;
        olds.forEach((o, i) => news.forEach((n, j) => { if (label(o) === label(n)) byLabel += similarity[i][j]; }));
        // Aligned from either side (ties break one way in each), the pairs both agree on, so that
        // matching B with A gives the pairs of A with B.
        const transposed = news.map((_, j) => olds.map((_, i) => similarity[i][j]));
        const fromNew = new Set(alignInOrder(transposed, MIN_SHIFT_SIMILARITY).map(([j, i]) => `${i} ${j}`));
        const aligned = alignInOrder(similarity, MIN_SHIFT_SIMILARITY).filter(([i, j]) => fromNew.has(`${i} ${j}`));
        const total = aligned.reduce((sum, [i, j]) => sum + similarity[i][j], 0);
        const shifts = aligned.some(([i, j]) => label(olds[i]) !== label(news[j]));
        if (shifts && total >= byLabel + SHIFT_MARGIN) {
            for (const [i, j] of aligned) this.pair(olds[i], news[j], label(olds[i]) === label(news[j]) ? 'code' : 'shifted');
            return;
        }
        // Else only the shifts that stand out: far more alike than either item is to the one
        // holding its label on the other side (3.A.2.c.3 -> c.4 in 2010, 0.80 against 0.44).
        const byLabelOf = (i: number, j: number) => {
            const oldPartner = news.findIndex(n => label(n) === label(olds[i]));
            const newPartner = olds.findIndex(o => label(o) === label(news[j]));
            return Math.max(oldPartner < 0 ? 0 : similarity[i][oldPartner], newPartner < 0 ? 0 : similarity[newPartner][j]);
        };
        // Each the other's most alike (strictly), so that the pairs do not depend on which list is the old one.
        const mutualBest = (i: number, j: number) => similarity[i].every((v, k) => k === j || v < similarity[i][j]) && similarity.every((row, k) => k === i || row[j] < similarity[i][j]);
        // Or half alike where the label partners share next to nothing ("Flexible piezoelectric
        // ceramic materials" 6.A.1.a.2.a.2.b -> "Flexible piezoelectric composites" .a.3.c in 2004,
        // while .a.3.b became "Piezoelectric polymer films ...").
        // (Only where a label partner is there to be unrelated: not a heading put where a label fell free.)
        const hasPartner = (i: number, j: number) => news.some(n => label(n) === label(olds[i])) || olds.some(o => label(o) === label(news[j]));
        const standsOut = (i: number, j: number) => {
            const partner = byLabelOf(i, j);
            return (similarity[i][j] >= STANDOUT_SHIFT && similarity[i][j] >= partner + STANDOUT_MARGIN)
                || (similarity[i][j] >= STANDOUT_SHIFT_FROM_UNRELATED && partner <= UNRELATED_LABEL_PARTNER && hasPartner(i, j));
        };
        olds.forEach((_, i) => news.forEach((_, j) => {
            if (label(olds[i]) !== label(news[j]) && mutualBest(i, j) && standsOut(i, j)) this.pair(olds[i], news[j], 'shifted');
        }));
    }

    /**
     * An item whose code now heads a new list and whose text moved into that list's first
     * sub-item ("Bathymetric survey systems ..." 6.A.1.a.1.a in 2009, "Surface vessel survey
     * equipment ..." 6.A.1.a.1.a.1 in 2010 under a new heading) is that sub-item; and the other
     * way round, a first sub-item whose text became its parent's. Only where the text says so
     * clearly: alike by NESTED_SIMILARITY and far more than to the item holding its code.
     */
    byNesting(): void {
        const { oldChildren, newChildren } = this;
        const free = (item: FlatItem | undefined): item is FlatItem => item !== undefined && !isReserved(item) && !item.precedent && !this.oldToNew.has(item) && !this.newToOld.has(item);
        for (const oldItem of this.oldItems) {
            const newItem = this.newByKey.get(matchKey(oldItem.code));
            // (The same text under the same code did not move: alike by 1, no sub-item can be more so.)
            if (!free(oldItem) || !free(newItem) || oldItem.text === newItem.text) continue;
            const here = textSimilarity(oldItem.text, newItem.text);
            const downChild = newChildren.get(newItem)?.[0];
            const upChild = oldChildren.get(oldItem)?.[0];
            const downScore = free(downChild) ? textSimilarity(oldItem.text, downChild.text) : 0;
            const upScore = free(upChild) ? textSimilarity(upChild.text, newItem.text) : 0;
            // The one direction the texts clearly point to; none when both or neither do. Not where
            // the heading only restates the item ("Mechanical or electronic streak cameras as
            // follows:" over "Mechanical streak cameras ..." in 2014 is 2013's "Mechanical or
            // electronic streak cameras, having writing speeds exceeding 10 mm/µs", split in two).
            const clear = (score: number) => score >= NESTED_SIMILARITY && score >= here + NESTED_MARGIN;
            // Or the whole of the one text written inside the other, where the item holding the code
            // shares little with it: 2018's 1.C.10.c.1 "'Specific modulus' exceeding 2.54 x 10⁶ m"
            // is 2019's c.1.a "Composed of 50% or more by weight silicon dioxide and having a
            // 'specific modulus' exceeding 2.54 x 10⁶ m", under a new heading "Having any of the following:".
            const within = (part: FlatItem, whole: FlatItem | undefined) => free(whole) && here < NESTED_MARGIN && containedIn(part.text, whole.text);
            const down = (clear(downScore) || within(oldItem, downChild)) && !tellingWordsWithin(newItem.text, oldItem.text, RESTATING_WORDS);
            const up = (clear(upScore) || within(newItem, upChild)) && !tellingWordsWithin(oldItem.text, newItem.text, RESTATING_WORDS);
            if (down && !up) this.nest(oldItem, downChild!);
            else if (up && !down) this.nest(upChild!, newItem);
        }
    }

    /**
     * A nested pair brings its sub-items along, aligned by text as rule 3 aligns siblings: the
     * sub-items of 2009's "Bathymetric survey systems" (6.A.1.a.1.a.1-3) are those of 2010's
     * 6.A.1.a.1.a.1 (a-d), not the items now holding their codes.
     */
    private nest(oldItem: FlatItem, newItem: FlatItem): void {
        this.pair(oldItem, newItem, 'nested');
        if (this.oldToNew.get(oldItem)?.item === newItem) this.alignChildren(oldItem, newItem);
    }

    /**
     * The sub-items of an item that moved move with it: old 6.A.6.b.1 is new 6.A.6.a.4.a when
     * 6.A.6.b became 6.A.6.a.4, before the code rule pairs it with whatever now holds 6.A.6.b.1.
     */
    byParent(): void {
        const moved = [...this.oldToNew].filter(([oldItem, { item }]) => matchKey(oldItem.code) !== matchKey(item.code));
        for (let i = 0; i < moved.length; i++) {
            const [oldParent, { item: newParent }] = moved[i];
            const oldPrefix = `${matchKey(oldParent.code)}.`;
            const newPrefix = `${matchKey(newParent.code)}.`;
            for (const oldItem of this.oldItems) {
                const key = matchKey(oldItem.code);
                if (!key.startsWith(oldPrefix) || this.oldToNew.has(oldItem)) continue;
                const newItem = this.newByKey.get(newPrefix + key.slice(oldPrefix.length));
                if (!newItem || this.newToOld.has(newItem) || isReserved(newItem) !== isReserved(oldItem)) continue;
                // Not a label given to other goods: "Azidomethylmethyloxetane (AMMO)" was ML8.e.1 in
                // 2000 and ML8.e became ML8.g, whose g.1 is "BCMO" in 2001.
                if (!isReserved(oldItem) && textSimilarity(oldItem.text, newItem.text) < PARENT_SIMILARITY) continue;
                this.pair(oldItem, newItem, 'parent');
            }
        }
    }

    /**
     * The same code, unless the two items' parents are not one item and the texts share little:
     * old 6.A.1.a.1.a.3 ("Designed to provide any of the following:") went with its
     * parent into 2010's 6.A.1.a.1.a.1, and is not 2010's 6.A.1.a.1.a.3 (Side Scan Sonar).
     */
    byCode(): void {
        const parentOf = (byCode: Map<string, FlatItem>, item: FlatItem) => {
            const key = matchKey(item.code);
            return key.includes('.') ? byCode.get(key.slice(0, key.lastIndexOf('.'))) : undefined;
        };
        for (const oldItem of this.unmatchedOld()) {
            const newItem = this.newByKey.get(matchKey(oldItem.code));
            if (!newItem || this.newToOld.has(newItem)) continue;
            const oldParent = parentOf(this.oldByKey, oldItem);
            const newParent = parentOf(this.newByKey, newItem);
            // (Parents come before their sub-items, so theirs is settled: paired with each other or not.)
            const parentsApart = oldParent !== undefined && newParent !== undefined && this.oldToNew.get(oldParent)?.item !== newParent;
            if (parentsApart && !isReserved(oldItem) && !isReserved(newItem) && textSimilarity(oldItem.text, newItem.text) < APART_SIMILARITY) continue;
            // Nor two texts of some length that share not one word naming something: 2013's
            // 9.A.12.a.2 "Capability of controlled flight out of the direct visual range involving a
            // human operator" went into 2014's heading 9.A.12.a, and 2014's a.2 "A maximum
            // 'endurance' of 1 hour or greater" is new.
            if (!isReserved(oldItem) && !isReserved(newItem) && strangers(oldItem.text, newItem.text)) continue;
            this.pair(oldItem, newItem, 'code');
        }
    }

    byPrecedent(): void {
        const newByPrecedent = new Map<string, FlatItem>();
        for (const item of this.unmatchedNew()) if (item.precedent) newByPrecedent.set(matchKey(item.precedent), item);
        const unmatchedNewByKey = byKey(this.unmatchedNew());
        for (const oldItem of this.unmatchedOld()) {
            const candidates = [
                oldItem.precedent ? unmatchedNewByKey.get(matchKey(oldItem.precedent)) : undefined,
                newByPrecedent.get(matchKey(oldItem.code)),
                oldItem.precedent ? newByPrecedent.get(matchKey(oldItem.precedent)) : undefined,
            ];
            const newItem = candidates.find(c => c !== undefined && !this.newToOld.has(c));
            if (newItem) this.pair(oldItem, newItem, 'precedent');
        }
    }

    *bySimilarText(): Steps<void> {
        const olds = this.unmatchedOld().filter(i => !isReserved(i));
        const news = this.unmatchedNew().filter(i => !isReserved(i));
        if (olds.length * news.length > MAX_SIMILARITY_PAIRS) return;
        let compared = 0;
        const candidates: Array<{ oldItem: FlatItem; newItem: FlatItem; score: number; tie: string }> = [];
        // Each new item's category, and whether its code is new, worked out once, not per pair.
        const newSides = news.map(newItem => ({ newItem, category: categoryOf(newItem.code), isNew: !this.oldByKey.has(matchKey(newItem.code)), words: comparedWordCount(newItem.text) }));
        for (const oldItem of olds) {
            if ((compared += newSides.length) > PAIRS_BETWEEN_STEPS) {
                compared = 0;
                yield;
            }
            // An item whose code is gone from the new list may have moved to another category
            // (ML7.i.1 -> ML22.b.3 in 2004): there, only a new code and a nearly equal text.
            const gone = !this.newByKey.has(matchKey(oldItem.code));
            const category = categoryOf(oldItem.code);
            const words = comparedWordCount(oldItem.text);
            for (const { newItem, category: newCategory, isNew, words: newWords } of newSides) {
                const across = category !== newCategory;
                if (across && !(gone && isNew)) continue;
                const least = across ? MIN_MOVE_SIMILARITY : MIN_SIMILARITY;
                // Most pairs differ too much in length to be alike: not compared word by word.
                if (!lengthsAllow(words, newWords, least)) continue;
                const score = textSimilarity(oldItem.text, newItem.text);
                // (Not two texts alike only in a lead-in: "Having any of the following characteristics:".)
                if (score >= least && sharesTellingWord(oldItem.text, newItem.text)) candidates.push({ oldItem, newItem, score, tie: [matchKey(oldItem.code), matchKey(newItem.code)].sort().join(' ') });
            }
        }
        // Best first; ties broken by a key that does not depend on which list is the old one.
        candidates.sort((a, b) => b.score - a.score || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
        for (const c of candidates) this.pair(c.oldItem, c.newItem, 'text');
    }

    /**
     * Rule 9, sub-items: two items left over, alike in text, where every sub-item of one went
     * under the other: 2003's ML7.i "Technology as follows:", whose three sub-items are 2004's
     * ML22.b.3-5, is 2004's ML22.b "Technology as follows:" (its b.1 the old ML22.b).
     */
    bySubItems(): void {
        const { oldChildren, newChildren } = this;
        const newParentOf = new Map<FlatItem, FlatItem>();
        for (const [parent, children] of newChildren) for (const child of children) newParentOf.set(child, parent);
        const oldParentOf = new Map<FlatItem, FlatItem>();
        for (const [parent, children] of oldChildren) for (const child of children) oldParentOf.set(child, parent);
        // Where all of an item's sub-items went (came from): one item on the other side, or none.
        const allWent = (children: FlatItem[] | undefined, partner: (c: FlatItem) => FlatItem | undefined, parentOf: Map<FlatItem, FlatItem>) => {
            const live = (children ?? []).filter(c => !isReserved(c));
            const parents = new Set(live.map(c => { const p = partner(c); return p ? parentOf.get(p) : undefined; }));
            return live.length > 0 && parents.size === 1 ? [...parents][0] : undefined;
        };
        const candidates: Array<[FlatItem, FlatItem]> = [];
        for (const oldItem of this.unmatchedOld()) {
            const target = allWent(oldChildren.get(oldItem), c => this.oldToNew.get(c)?.item, newParentOf);
            if (target && !this.newToOld.has(target)) candidates.push([oldItem, target]);
        }
        for (const newItem of this.unmatchedNew()) {
            const source = allWent(newChildren.get(newItem), c => this.newToOld.get(c), oldParentOf);
            if (source && !this.oldToNew.has(source)) candidates.push([source, newItem]);
        }
        for (const [oldItem, newItem] of candidates) {
            if (!isReserved(oldItem) && !isReserved(newItem) && textSimilarity(oldItem.text, newItem.text) >= MIN_SIMILARITY) this.pair(oldItem, newItem, 'parent');
        }
    }

    /** In the new list's order, each removed item placed after the pair that preceded it in the old list. */
    pairs(): ItemPair[] {
        const out: ItemPair[] = [];
        const removedAfter = new Map<FlatItem | undefined, FlatItem[]>();
        let previousNew: FlatItem | undefined;
        for (const oldItem of this.oldItems) {
            const match = this.oldToNew.get(oldItem);
            if (match) previousNew = match.item;
            else if (removedAfter.has(previousNew)) removedAfter.get(previousNew)!.push(oldItem);
            else removedAfter.set(previousNew, [oldItem]);
        }
        const pushRemoved = (after: FlatItem | undefined) => (removedAfter.get(after) ?? []).forEach(oldItem => out.push({ old: oldItem }));
        pushRemoved(undefined);
        for (const newItem of this.newItems) {
            const oldItem = this.newToOld.get(newItem);
            out.push(oldItem ? { old: oldItem, new: newItem, rule: this.oldToNew.get(oldItem)!.rule } : { new: newItem });
            pushRemoved(newItem);
        }
        return out;
    }
}

/** The order-keeping pairing (i, j) of largest total score, using only scores of at least `least`. */
export function alignInOrder(score: number[][], least: number): Array<[number, number]> {
    const m = score.length;
    const n = score[0]?.length ?? 0;
    const best = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
    for (let i = m - 1; i >= 0; i--) {
        for (let j = n - 1; j >= 0; j--) {
            const take = score[i][j] >= least ? score[i][j] + best[i + 1][j + 1] : -Infinity;
            best[i][j] = Math.max(take, best[i + 1][j], best[i][j + 1]);
        }
    }
    const out: Array<[number, number]> = [];
    for (let i = 0, j = 0; i < m && j < n;) {
        if (score[i][j] >= least && best[i][j] === score[i][j] + best[i + 1][j + 1]) out.push([i++, j++]);
        else if (best[i][j] === best[i + 1][j]) i++;
        else j++;
    }
    return out;
}

/**
 * How alike two sub-items are, for aligning a list: their words, and where both bound the same
 * parameter alike, those bounds as much (the ADC list 3.A.1.a.5.a in 2004: every text changed "total
 * conversion time" for "output rate", while the resolutions, "more than 12 bit but equal to or
 * less than 14 bit", moved down a label with their items).
 */
function siblingSimilarity(a: FlatItem, b: FlatItem): number {
    const words = textSimilarity(a.text, b.text);
    const common = new Set(a.thresholds.map(t => t.parameter).filter(p => b.thresholds.some(t => t.parameter === p)));
    if (common.size === 0) return words;
    const bounds = (item: FlatItem) => item.thresholds.filter(t => common.has(t.parameter)).map(t => `${t.parameter} ${t.comparator} ${t.value ?? ''} ${t.unit ?? ''}`);
    const before = bounds(a);
    const after = new Set(bounds(b));
    const shared = before.filter(l => after.has(l)).length;
    // Only ever a help: a limit that changed is what the diff reports, not a reason to pair otherwise.
    return Math.max(words, (words + (2 * shared) / (before.length + after.size)) / 2);
}

/** How many parts a dotted code has (3.A.1.b: 4). */
function depthOf(key: string): number {
    let depth = 1;
    for (let i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) depth++;
    return depth;
}

/**
 * The same labels in the same order, each with the same text: most lists in consecutive editions.
 * Rule 3 can pair nothing there (each item's label partner is alike by 1, so no alignment beats
 * the labels and no shift stands out), so the similarity of every pair need not be worked out.
 */
function unchangedSiblings(olds: FlatItem[], news: FlatItem[], label: (item: FlatItem) => string): boolean {
    if (olds.length !== news.length) return false;
    const labels = new Set<string>();
    for (let k = 0; k < olds.length; k++) {
        const l = label(olds[k]);
        if (labels.has(l) || l !== label(news[k]) || olds[k].text !== news[k].text) return false;
        labels.add(l);
    }
    return true;
}

/** Texts of at least STRANGER_WORDS words naming something each that share none of them. */
function strangers(a: string | undefined, b: string | undefined): boolean {
    return a !== b && tellingWordCount(a) >= STRANGER_WORDS && tellingWordCount(b) >= STRANGER_WORDS && !sharesTellingWord(a, b);
}

function uniqueTexts(items: FlatItem[], key: (text: string | undefined) => string, minLength: number): Map<string, FlatItem> {
    const seen = new Map<string, FlatItem | null>();
    for (const item of items) {
        if (isReserved(item)) continue;
        const text = key(item.text);
        if (text.length < minLength) continue;
        seen.set(text, seen.has(text) ? null : item);
    }
    return new Map([...seen].filter((e): e is [string, FlatItem] => e[1] !== null));
}

/**
 * A text as rule 2 compares it the second time: commas and the list's closing "; or" are punctuation, not words
 * ("... output power, exceeding 2.5 W; or" at 6.A.5.d.1.b.2 in 2021 is "... output power exceeding
 * 2.5 W; or" at b.4 in 2025).
 */
function relocationKey(text: string | undefined): string {
    return normaliseText(text).replace(/,/g, '').replace(/(?:[;.:]\s*(?:or|and)?)\s*$/, '').trim();
}

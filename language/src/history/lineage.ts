/**
 * The history of an item across a series of editions (the WA editions since 1997): its lineage.
 * The diff's matcher pairs the items of each consecutive pair of editions; the lineage follows
 * one item along those pairs, backwards and forwards, so a renumbered item stays one item. Its
 * versions are the runs of editions in which it read the same; its changes are the diff's own
 * changes of each step, with thresholds taken apart per parameter and the direction of each
 * computed exactly. One engine: nothing here matches items a second way.
 */
import { type Change, type ChangeKind, type Direction, type ListDiff, changeRemark, compareItemScopes, diffWithPairs, sameLimitsRenamed, statesLimit } from '../diff/diff.js';
import { scopeOfThresholds } from '../diff/flat-scope.js';
import { matchKey } from '../diff/match-keys.js';
import { editionYear } from '../diff/trend.js';
import { normaliseText } from '../diff/words.js';
import { boundSummary } from '../export/export-format.js';
import type { FlatItem, FlatList, FlatThreshold } from '../model/flat-items.js';
import { withoutUndefined } from '../without-undefined.js';

export interface PrecedentEdition {
    /** The list id, "WA-LIST (21) 1". */
    id: string;
    year?: number;
    date?: string;
    file: string;
    list: FlatList;
}

export interface LineageVersion {
    /** The ids of the editions in which the item read like this. */
    editions: string[];
    years: number[];
    code: string;
    text?: string;
    reserved?: number | true;
    tiers: string[];
    thresholds: FlatThreshold[];
    notes: Array<{ kind: string; text: string }>;
}

export interface LineageChange {
    /** The year of the edition that made the change. */
    year?: number;
    listId: string;
    kind: ChangeKind;
    /** The item changed: the lineage's own item or one of its sub-items, in that edition's numbering. */
    code: string;
    from?: string;
    to?: string;
    /** For threshold changes: the parameter, one change per parameter. */
    parameter?: string;
    direction?: Direction;
    /** Set when a threshold is read on one side only: no direction is claimed. */
    remark?: string;
}

export interface Lineage {
    /** The item's code in the latest edition it is in. */
    code: string;
    versions: LineageVersion[];
    changes: LineageChange[];
}

/** One step between consecutive editions: the diff and which code became which. */
export interface Step {
    diff: ListDiff;
    forward: Map<string, string>;
    backward: Map<string, string>;
    /** The changes of the step by every code they are at or under (3.A.1.b.2 is under 3.A.1 and 3.A.1.b). */
    under?: Map<string, Change[]>;
}

/** Oldest first: by year, then date, then id (as `cld trend`). */
export function sortPrecedents(editions: PrecedentEdition[]): PrecedentEdition[] {
    const key = (e: PrecedentEdition) => `${String(e.year ?? 9999).padStart(4, '0')} ${e.date ?? ''} ${e.id}`;
    return [...editions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function precedentEdition(file: string, list: FlatList): PrecedentEdition {
    return { id: list.id ?? file, year: editionYear(list), date: list.date, file, list };
}

export class PrecedentHistory {
    readonly editions: PrecedentEdition[];
    private readonly itemsByKey: Array<Map<string, FlatItem>>;
    private readonly steps: Array<Step | undefined>;

    constructor(editions: PrecedentEdition[], steps?: Array<Step | undefined>) {
        this.editions = sortPrecedents(editions);
        this.itemsByKey = this.editions.map(e => new Map(e.list.items.map(i => [matchKey(i.code), i])));
        this.steps = steps ?? new Array(Math.max(0, this.editions.length - 1)).fill(undefined);
    }

    /** The step from edition k to k + 1, diffed once and kept. */
    step(k: number): Step {
        let step = this.steps[k];
        if (!step) {
            const { diff, pairs } = diffWithPairs(this.editions[k].list, this.editions[k + 1].list, { old: this.editions[k].file, new: this.editions[k + 1].file });
            const forward = new Map<string, string>();
            const backward = new Map<string, string>();
            for (const pair of pairs) {
                if (!pair.old || !pair.new) continue;
                forward.set(matchKey(pair.old.code), matchKey(pair.new.code));
                backward.set(matchKey(pair.new.code), matchKey(pair.old.code));
            }
            step = { diff, forward, backward };
            this.steps[k] = step;
        }
        return step;
    }

    /** The changes of step k at `code` or under it. */
    private changesUnder(k: number, code: string): Change[] {
        const step = this.step(k);
        if (!step.under) {
            step.under = new Map();
            for (const change of step.diff.changes) {
                if (change.kind === 'definition') continue;
                const parts = matchKey(change.code).split('.');
                for (let n = 1; n <= parts.length; n++) {
                    const prefix = parts.slice(0, n).join('.');
                    const list = step.under.get(prefix);
                    if (list) list.push(change);
                    else step.under.set(prefix, [change]);
                }
            }
        }
        return step.under.get(matchKey(code)) ?? [];
    }

    /** Every step computed, for an index written to disk. */
    allSteps(): Step[] {
        return this.editions.slice(1).map((_, k) => this.step(k));
    }

    /** The item in edition k under a code in WA form. */
    item(k: number, key: string): FlatItem | undefined {
        return this.itemsByKey[k]?.get(key);
    }

    /** Editions holding the code (WA form or ECCN 0xx, as a national list writes it). */
    editionsWith(code: string): number[] {
        const key = matchKey(code.trim());
        return this.itemsByKey.flatMap((items, k) => (items.has(key) ? [k] : []));
    }

    /**
     * The lineage of the item that has `code` in the latest edition holding it (or in edition
     * `at`), followed back and forward through the matcher's pairs.
     */
    lineage(code: string, at?: number): Lineage | undefined {
        const key = matchKey(code.trim());
        const holding = this.editionsWith(key);
        const start = at !== undefined && holding.includes(at) ? at : holding[holding.length - 1];
        if (start === undefined) return undefined;
        const chain: Array<{ k: number; key: string }> = [{ k: start, key }];
        for (let k = start - 1, current = key; k >= 0; k--) {
            const previous = this.step(k).backward.get(current);
            if (!previous) break;
            chain.unshift({ k, key: previous });
            current = previous;
        }
        for (let k = start, current = key; k < this.editions.length - 1; k++) {
            const next = this.step(k).forward.get(current);
            if (!next) break;
            chain.push({ k: k + 1, key: next });
            current = next;
        }
        const links = chain.map(({ k, key: itemKey }) => ({ k, item: this.item(k, itemKey)! }));
        return { code: links[links.length - 1].item.code, versions: versionsOf(links, this.editions), changes: this.changesOf(links) };
    }

    private changesOf(links: Array<{ k: number; item: FlatItem }>): LineageChange[] {
        const changes: LineageChange[] = [];
        const first = links[0];
        if (first.k > 0) {
            // Added in the first edition that has it (or it came from an item the matcher could not pair).
            const added = this.changesUnder(first.k - 1, first.item.code).filter(c => c.kind === 'added');
            changes.push(...added.map(c => this.fromDiff(first.k, c)));
        }
        for (let i = 1; i < links.length; i++) {
            const before = links[i - 1];
            const after = links[i];
            const removedBelow = this.changesUnder(before.k, before.item.code).filter(c => c.kind === 'removed');
            // A removal is filed under the code the removed item had: at the new code, after a
            // renumbering, it is the item that held that code before (2004's 9.A.1.b "Not certified
            // for civil use ...", removed as 9.A.1.c became 9.A.1.b), not this one.
            const atOrBelow = this.changesUnder(before.k, after.item.code).filter(c => c.kind !== 'removed' || removedBelow.includes(c));
            for (const change of [...atOrBelow, ...removedBelow.filter(c => !atOrBelow.includes(c))]) {
                const pair = change.kind === 'threshold' ? this.itemsOf(before.k, change) : undefined;
                if (pair) changes.push(...thresholdChanges(this.editions[after.k], pair.before, pair.after));
                else changes.push(this.fromDiff(after.k, change));
            }
        }
        const last = links[links.length - 1];
        if (last.k < this.editions.length - 1) {
            const removed = this.changesUnder(last.k, last.item.code).filter(c => c.kind === 'removed');
            changes.push(...removed.map(c => this.fromDiff(last.k + 1, c)));
        }
        return changes;
    }

    /** The two items a change of step k is about (old code in edition k, new code in k + 1). */
    private itemsOf(k: number, change: Change): { before: FlatItem; after: FlatItem } | undefined {
        const before = this.item(k, matchKey(change.oldCode ?? change.code));
        const after = this.item(k + 1, matchKey(change.code));
        return before && after ? { before, after } : undefined;
    }

    private fromDiff(k: number, change: Change): LineageChange {
        const edition = this.editions[k];
        const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('; ') : v);
        const renumbered = change.kind === 'renumbered';
        return withoutUndefined({
            year: edition.year, listId: edition.id, kind: change.kind, code: change.code,
            from: renumbered ? change.oldCode : text(change.old), to: renumbered ? change.newCode : text(change.new),
            direction: change.direction,
            remark: changeRemark(change),
        });
    }
}

/** One change per parameter whose thresholds differ, with the direction of that parameter alone. */
function thresholdChanges(edition: PrecedentEdition, before: FlatItem, after: FlatItem): LineageChange[] {
    if (sameLimitsRenamed(before, after)) return [];
    const parameters = [...new Set([...before.thresholds, ...after.thresholds].map(t => t.parameter))];
    const changes: LineageChange[] = [];
    for (const parameter of parameters) {
        const old = before.thresholds.filter(t => t.parameter === parameter);
        const now = after.thresholds.filter(t => t.parameter === parameter);
        const from = old.map(boundsText).join(' and ');
        const to = now.map(boundsText).join(' and ');
        if (from === to) continue;
        const oneSide = old.length === 0 || now.length === 0;
        changes.push(withoutUndefined({
            year: edition.year, listId: edition.id, kind: 'threshold' as const, code: after.code, parameter,
            from: from || undefined, to: to || undefined,
            direction: oneSide ? undefined : compareItemScopes(scopeOfThresholds(old), scopeOfThresholds(now)),
            remark: oneSide ? oneSideRemark(old.length === 0 ? before : after, old.length === 0 ? 'earlier' : 'later') : undefined,
        }));
    }
    return changes;
}

/** Why a parameter is bounded in one edition only: its limit was not read there, or there is none. */
function oneSideRemark(without: FlatItem, which: 'earlier' | 'later'): string {
    return statesLimit(without.text) ? `thresholds not read in the ${which} edition` : `no such threshold in the ${which} edition`;
}

/** `> 27 GHz`, `< 228 K or > 358 K`. */
function boundsText(t: FlatThreshold): string {
    return [t, ...(t.alternatives ?? [])].map(boundSummary).join(' or ');
}

function versionsOf(links: Array<{ k: number; item: FlatItem }>, editions: PrecedentEdition[]): LineageVersion[] {
    const versions: LineageVersion[] = [];
    let previousKey: string | undefined;
    for (const { k, item } of links) {
        const key = contentKey(item);
        const edition = editions[k];
        if (key === previousKey) {
            const current = versions[versions.length - 1];
            current.editions.push(edition.id);
            if (edition.year !== undefined) current.years.push(edition.year);
            continue;
        }
        previousKey = key;
        versions.push(withoutUndefined({
            editions: [edition.id], years: edition.year !== undefined ? [edition.year] : [], code: item.code, text: item.text,
            reserved: item.reserved, tiers: item.tiers, thresholds: item.thresholds, notes: item.notes,
        }));
    }
    return versions;
}

/** What makes two editions' items the same version: code, words (spacing aside), tiers, thresholds, notes. */
function contentKey(item: FlatItem): string {
    return JSON.stringify([
        matchKey(item.code), normaliseText(item.text), item.reserved ?? null, [...item.tiers].sort(),
        item.thresholds.map(t => `${t.parameter} ${boundsText(t)}`).sort(), item.notes.map(n => `${n.kind}: ${normaliseText(n.text)}`).sort(),
    ]);
}

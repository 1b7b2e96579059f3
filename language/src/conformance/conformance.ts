/**
 * Conformance: a national list against the WA edition it implements, item by item. The items are
 * paired by the diff's matcher (diff/match.ts: a `precedent`, an ECCN 0xx code read as its WA
 * code, the code, the text), as the diff and the history pair them; nothing here pairs items a
 * second way. For each WA item: covered and equal, covered with a broader or a narrower scope
 * (controls more; controls less, a gap), covered with other limits no direction can be said of,
 * covered in other words, or not covered. For each national item left: another regime's item
 * (ECCN 1xx-4xx, category 0) or national only. A national item that differs from the WA now but
 * reads as an earlier WA version of its item (its limits, or its text) follows that edition.
 */
import { eccnRegime, parseCode } from '../codes.js';
import { sameLimitsRenamed } from '../diff/diff.js';
import { scopeOfThresholds } from '../diff/flat-scope.js';
import { matchInSteps } from '../diff/match.js';
import { type Steps, finished } from '../stepwise.js';
import { categoryOf, groupOf, isReserved, matchKey } from '../diff/match-keys.js';
import { normaliseText, wordDiff, type WordSegment } from '../diff/words.js';
import { thresholdSummary } from '../export/export-format.js';
import type { Lineage, PrecedentHistory } from '../history/lineage.js';
import type { FlatItem, FlatList, FlatThreshold } from '../model/flat-items.js';
import { lookupUnit } from '../quantities/units.js';
import { compareScopes } from '../scopes/scope.js';

export type FindingKind = 'equal' | 'reworded' | 'broader' | 'narrower' | 'other-limits' | 'older' | 'not-covered' | 'other-regime' | 'national-only';

/** The kinds that mean the national list controls less than the WA edition: what `--exit-code` fails on. */
export const GAP_KINDS: readonly FindingKind[] = ['narrower', 'not-covered'];

export interface Finding {
    kind: FindingKind;
    /** WA form: `3`, `ML8`. */
    category: string;
    group?: string;
    waCode?: string;
    nationalCode?: string;
    waText?: string;
    nationalText?: string;
    waThresholds: string[];
    nationalThresholds: string[];
    /** For `reworded`: the words that differ, from the WA text to the national one. */
    words?: WordSegment[];
    /** For `other-regime`: which regime the national item's code belongs to. */
    regime?: string;
    /** For `older`: the WA edition the national item reads as, and since when the WA reads otherwise. */
    follows?: { listId: string; from?: number; year?: number; since?: number; by: 'limits' | 'text' };
    /**
     * For `not-covered`: the WA item is newer than the edition a national item above it follows
     * (3.A.2.a.7.b, new in 2025, under a 3A002.a.7 that reads as WA 2021): adopting that item's WA
     * version brings it.
     */
    newUnder?: { nationalCode: string; listId: string; since?: number };
}

export interface ConformanceReport {
    nationalId?: string;
    /** The WA edition compared with, when one was found. */
    waId?: string;
    /** What could not be checked, in words ("the list implements no WA edition"). */
    problems: string[];
    findings: Finding[];
}

export interface ConformanceInput {
    national: FlatList;
    /** The implemented WA edition, when it is known and read. */
    wa?: FlatList;
    /** The WA editions' history, to say which older edition a national item follows. */
    history?: PrecedentHistory;
    problems?: string[];
}

export function checkConformance(input: ConformanceInput): ConformanceReport {
    return finished(conformanceInSteps(input));
}

/**
 * The same check in steps (stepwise.ts): the pairing's (matchInSteps), then a step after every
 * few hundred items compared. Up to about 20 ms a step on a WA edition.
 */
export function* conformanceInSteps(input: ConformanceInput): Steps<ConformanceReport> {
    const { national, wa, history } = input;
    const problems = [...(input.problems ?? [])];
    const findings: Finding[] = [];
    const pairs = (wa ? yield* matchInSteps(wa.items, national.items) : []).filter(p => p.old && p.new);
    const nationalOf = new Map(pairs.map(p => [p.old!, p.new!]));
    const paired = new Set(pairs.map(p => p.new!));
    // A list of dual-use items only (the EU's Annex I) is not short of the Munitions List, nor the
    // reverse; and an excerpt (a dataset of categories 1, 3, 4 and 5) is not short of the others.
    const categories = new Map<FlatItem, string>();
    const category = (item: FlatItem) => {
        let found = categories.get(item);
        if (found === undefined) categories.set(item, found = categoryOf(item.code));
        return found;
    };
    const munitions = (item: FlatItem) => category(item).startsWith('ML');
    const hasMunitions = national.items.some(munitions);
    const hasDualUse = national.items.some(i => !munitions(i));
    const nationalCategories = new Set(national.items.map(category));
    const compared = (item: FlatItem) => (munitions(item) ? hasMunitions : hasDualUse) && nationalCategories.has(category(item));
    if (wa && !hasMunitions && wa.items.some(munitions)) problems.push('the list has no munitions categories: the WA Munitions List is not compared');
    if (wa && !hasDualUse && wa.items.some(i => !munitions(i))) problems.push('the list has no dual-use categories: the WA dual-use list is not compared');
    const absent = [...new Set((wa?.items ?? []).filter(i => (munitions(i) ? hasMunitions : hasDualUse) && !compared(i)).map(category))];
    if (absent.length > 0) problems.push(`the list has no ${absent.length === 1 ? 'category' : 'categories'} ${absent.join(', ')}: ${absent.length === 1 ? 'its' : 'their'} WA items are not compared`);
    yield;
    let done = 0;
    for (const waItem of wa?.items ?? []) {
        if (++done % ITEMS_BETWEEN_STEPS === 0) yield;
        if (isReserved(waItem) || !compared(waItem)) continue;
        const nationalItem = nationalOf.get(waItem);
        findings.push(nationalItem && !isReserved(nationalItem) ? coveredFinding(waItem, nationalItem, history, wa?.id) : notCovered(waItem, nationalItem));
    }
    yield;
    for (const item of national.items) {
        if (paired.has(item) || isReserved(item)) continue;
        findings.push(unpairedFinding(item, national.numbering));
    }
    if (!wa) problems.push('no WA edition to compare with: only the items of other regimes and the national ones are listed');
    yield;
    markNewUnderOlder(findings, history);
    return { nationalId: national.id, waId: wa?.id, problems, findings: sortedByCode(findings) };
}

/** conformanceInSteps takes a step after this many WA items compared (some are compared word by word). */
const ITEMS_BETWEEN_STEPS = 400;

/** Uncovered WA items newer than the edition the national item above them follows (see Finding.newUnder). */
function markNewUnderOlder(findings: Finding[], history: PrecedentHistory | undefined): void {
    const older = new Map(findings.filter(f => f.kind === 'older' && f.waCode).map(f => [f.waCode!, f]));
    if (!history || older.size === 0) return;
    for (const finding of findings) {
        if (finding.kind !== 'not-covered' || !finding.waCode) continue;
        const parts = finding.waCode.split('.');
        const above = parts.map((_, i) => parts.slice(0, parts.length - 1 - i).join('.')).map(code => older.get(code)).find(f => f !== undefined);
        if (!above?.follows || !above.nationalCode) continue;
        const first = history.lineage(finding.waCode)?.versions[0];
        const followedYear = above.follows.year ?? 0;
        if (first && (first.years[0] ?? 0) > followedYear) finding.newUnder = { nationalCode: above.nationalCode, listId: above.follows.listId, since: first.years[0] };
    }
}

/**
 * The WA edition a national list is checked against: `against`, else the one its header implements
 * (`implements wassenaar "..."`), found among the library's editions by id in any case and spacing;
 * with what could not be found, in words, for the report.
 */
export function implementedEdition(national: FlatList, history: PrecedentHistory | undefined, library: string, against?: string): { wa?: FlatList; problems: string[] } {
    const wanted = against ?? national.implements?.find(i => i.regime === 'wassenaar')?.edition;
    if (!wanted) return { problems: ['the list implements no WA edition (its header has no implements wassenaar "..."; or name one to compare with)'] };
    if (!history) return { problems: [] };
    const key = (id: string) => id.toLowerCase().replace(/\s+/g, ' ').trim();
    const edition = history.editions.find(e => key(e.id) === key(wanted));
    return edition ? { wa: edition.list, problems: [] } : { problems: [`${wanted} is not among the ${history.editions.length} WA editions of ${library}`] };
}

/** Whether a national item reads as the WA item: the same limits (parameters of one dimension renamed alike) and the same text, as compared here. */
export function readsAsWa(waItem: FlatItem, nationalItem: FlatItem): boolean {
    return sameLimitsOf(waItem, nationalItem) && textKey(waItem.text) === textKey(nationalItem.text);
}

function sameLimitsOf(waItem: FlatItem, nationalItem: FlatItem): boolean {
    return sameLimitsRenamed(waItem, nationalItem) || (waItem.thresholds.length === 0 && nationalItem.thresholds.length === 0);
}

function coveredFinding(waItem: FlatItem, nationalItem: FlatItem, history: PrecedentHistory | undefined, waId: string | undefined): Finding {
    const base = findingOf(waItem, nationalItem);
    const sameLimits = sameLimitsOf(waItem, nationalItem);
    const sameText = waItem.text === nationalItem.text || textKey(waItem.text) === textKey(nationalItem.text);
    if (sameLimits && sameText) return { ...base, kind: 'equal' };
    const follows = olderVersion(waItem, nationalItem, history, waId, sameLimits);
    if (follows) return { ...base, kind: 'older', follows };
    if (sameLimits) return { ...base, kind: 'reworded', words: wordDiff(waItem.text, nationalItem.text) };
    const comparison = compareLimits(waItem, nationalItem);
    return { ...base, kind: comparison === 'broader' ? 'broader' : comparison === 'narrower' ? 'narrower' : 'other-limits' };
}

function notCovered(waItem: FlatItem, reservedNational: FlatItem | undefined): Finding {
    return { ...findingOf(waItem, undefined), kind: 'not-covered', nationalCode: reservedNational?.code };
}

function unpairedFinding(item: FlatItem, numbering: string): Finding {
    const base = findingOf(undefined, item);
    const parsed = parseCode(item.code);
    // Category 0 is nuclear (the NSG's); an ECCN's first digit after the group names its regime.
    const regime = parsed?.category === '0' ? 'nsg' : numbering === 'eccn' && parsed?.eccnDigits ? eccnRegime(parsed.eccnDigits) : undefined;
    return regime && regime !== 'wassenaar' && regime !== 'national' ? { ...base, kind: 'other-regime', regime } : { ...base, kind: 'national-only' };
}

function findingOf(waItem: FlatItem | undefined, nationalItem: FlatItem | undefined): Omit<Finding, 'kind'> {
    const code = waItem?.code ?? nationalItem!.code;
    return {
        category: categoryOf(code), group: groupOf(code), waCode: waItem?.code, nationalCode: nationalItem?.code,
        waText: waItem?.text, nationalText: nationalItem?.text,
        waThresholds: waItem?.thresholds.map(thresholdSummary) ?? [], nationalThresholds: nationalItem?.thresholds.map(thresholdSummary) ?? [],
    };
}

/**
 * What the national item's own limits control against the WA item's: 'broader' when it controls
 * more. A national parameter is the WA item's parameter of the same dimension where the names
 * differ (`mrf` for `minimum_resolvable_feature_size`), when the WA item has one of that dimension.
 */
function compareLimits(waItem: FlatItem, nationalItem: FlatItem): string {
    const national = scopeOfThresholds(nationalItem.thresholds.map(t => renamedFor(t, waItem.thresholds)));
    const ours = scopeOfThresholds(waItem.thresholds);
    return national && ours ? compareScopes(national, ours) : 'incomparable';
}

function renamedFor(threshold: FlatThreshold, waThresholds: FlatThreshold[]): FlatThreshold {
    if (waThresholds.some(t => t.parameter === threshold.parameter)) return threshold;
    const dimension = dimensionOf(threshold);
    const alike = [...new Set(waThresholds.filter(t => dimension !== undefined && dimensionOf(t) === dimension).map(t => t.parameter))];
    return alike.length === 1 ? { ...threshold, parameter: alike[0] } : threshold;
}

function dimensionOf(threshold: FlatThreshold): string | undefined {
    const unit = threshold.unit ?? threshold.low?.unit ?? threshold.high?.unit;
    return unit ? lookupUnit(unit)?.dimension : undefined;
}

/**
 * The latest WA version of the item before the compared edition that the national item reads as:
 * its limits (when they differ from the WA now) or else its text; with the year the WA changed it.
 */
function olderVersion(waItem: FlatItem, nationalItem: FlatItem, history: PrecedentHistory | undefined, waId: string | undefined, sameLimits: boolean): Finding['follows'] {
    const lineage: Lineage | undefined = history?.lineage(waItem.code, waId ? history.editions.findIndex(e => e.id === waId) : undefined);
    if (!lineage) return undefined;
    const current = lineage.versions.findIndex(v => waId !== undefined && v.editions.includes(waId));
    const older = lineage.versions.slice(0, current < 0 ? lineage.versions.length : current);
    for (let i = older.length - 1; i >= 0; i--) {
        const version = older[i];
        const asItem: FlatItem = { code: version.code, text: version.text, tiers: version.tiers, thresholds: version.thresholds, notes: version.notes };
        const byLimits = !sameLimits && nationalItem.thresholds.length > 0 && sameLimitsRenamed(asItem, nationalItem);
        const byText = sameLimits && textKey(version.text) === textKey(nationalItem.text);
        if (!byLimits && !byText) continue;
        const next = lineage.versions[i + 1];
        return { listId: version.editions[version.editions.length - 1], from: version.years[0], year: version.years[version.years.length - 1], since: next?.years[0], by: byLimits ? 'limits' : 'text' };
    }
    return undefined;
}

/**
 * A text as compared: normalised, every item code in WA form (3B001.f as 3.B.1.f), and without
 * what says nothing of the item: letter case ("Chemical Warfare (CW) agents" in the WA since
 * 2025, "Chemical warfare (CW) agents" in the EU's Annex I), quote style, the ending a sub-item
 * takes from its place in a list ("; or", "; and", "."), -ise or -ize and -yse or -yze spellings,
 * a minus sign for a hyphen, and a superscript set apart from its unit ("mm 2" as "mm²"). A
 * drafter acts on none of these; the US list differs from the WA in them alone in many items.
 */
function textKey(text: string | undefined): string {
    // (A WA code's closing full stop, "3.A.1.a.10.", is no difference either.)
    return normaliseText((text ?? '').replace(/\b\d[A-E]\d{3}(?:\.[a-z0-9]+)*\b/g, code => matchKey(code))).toLowerCase()
        .replace(/\b(\d{1,2}\.[a-e]\.\d{1,3}(?:\.[a-z0-9]{1,3})*)\.(?=[\s,;)]|$)/g, '$1')
        .replace(/["']/g, '').replace(/\u2212/g, '-')
        .replace(/\b(\w+?)(is|ys)(e|ed|es|er|ers|ing|ation|ations)\b/g, (_, stem: string, s: string, end: string) => `${stem}${s === 'is' ? 'iz' : 'yz'}${end}`)
        .replace(/\b([kcmµ]?m) ([23])\b/g, '$1$2').replace(/ ?\b10 (-?\d{1,2})\b/g, '10$1')
        .replace(/[\s;,.:]*(?:\b(?:or|and)\b)?[\s;,.:]*$/, '');
}

/** In code order (3.A.2 before 3.A.10), each code's key worked out once: the sort compares each finding many times. */
function sortedByCode(findings: Finding[]): Finding[] {
    const collator = new Intl.Collator('en', { numeric: true });
    return findings.map(finding => ({ finding, key: matchKey(finding.waCode ?? finding.nationalCode ?? '') }))
        .sort((a, b) => collator.compare(a.key, b.key))
        .map(keyed => keyed.finding);
}

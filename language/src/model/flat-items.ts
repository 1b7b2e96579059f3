/**
 * Every item of a list, flattened in document order: the model `cld export` prints and the
 * later analyses (history, diff) read. It is made from a parsed CLD list, and equally from the
 * importer's model of a WA edition, so that an import can be checked against its own output.
 */
import type { AstNode } from 'langium';
import { fullCode } from '../codes.js';
import { type Category, type ControlList, type Entry, type Item, type Quantity, type Threshold, isCategory, isDefinitions, isEntry, isGroup, isItem, isNote, isThreshold, isThresholdChoice } from '../generated/ast.js';
import type { BoundModel, CategoryModel, EditionModel, ItemModel, NoteModel, QuantityModel, ThresholdModel } from '../importer/model.js';
import { definitionText } from '../importer/write-cld.js';
import type { ThresholdBound } from '../scopes/item-scope.js';
import { effectiveTiers } from '../tiers.js';
import { withoutUndefined } from '../without-undefined.js';

/** One set of values a threshold admits. */
export interface FlatBound {
    /** `<`, `<=`, `>`, `>=`, `=`, or `from-to` for a range. */
    comparator: string;
    /** Exact decimal as written. */
    value?: string;
    /** A limit written as a formula of other quantities, as the document writes it (`(N log2 N)/20,480`), instead of a value; in `unit`. */
    formula?: string;
    unit?: string;
    low?: { value: string; unit?: string };
    high?: { value: string; unit?: string };
}

export interface FlatThreshold extends FlatBound {
    parameter: string;
    /** Further sets of values after `or` (a union: `< 228 K or > 358 K`); absent for one bound. */
    alternatives?: FlatBound[];
    /** The words of the text the threshold was read from, when known. */
    text?: string;
    /**
     * In an `either { ... } or { ... }` choice: which choice of the item and which option of it
     * (both from 1); the item holds where every threshold of one option does.
     */
    either?: [number, number];
    /** The kind of thing the threshold's `either` option is for (`or for "aluminized compositions" { ... }`). */
    kind?: string;
}

export interface FlatItem {
    /** Dotted WA form (3.B.1.f.1.a), the ECCN form for eccn lists, or ML8.a. */
    code: string;
    /** The heading or text of the item, verbatim. */
    text?: string;
    /** The year since which the label is not used, or true when no year is given. */
    reserved?: number | true;
    tiers: string[];
    /** `any-of` or `all-of` when the item says how its sub-items combine. */
    combinator?: string;
    /** The WA item a national item implements (`precedent 3.B.1.f.1.a`). */
    precedent?: string;
    thresholds: FlatThreshold[];
    notes: Array<{ kind: string; text: string }>;
}

export interface FlatDefinition {
    term: string;
    text: string;
}

export interface FlatList {
    list?: string;
    id?: string;
    edition?: string;
    date?: string;
    numbering: string;
    /** The file this list supersedes, as its header names it. */
    supersedes?: string;
    /** The regime lists it implements, as its header names them (`implements wassenaar "WA-LIST (25) 1 Corr."`). */
    implements?: Array<{ regime: string; edition?: string }>;
    definitions: FlatDefinition[];
    items: FlatItem[];
}

// ------------------------------------------------------------------ from a parsed list

export function flattenList(root: ControlList): FlatList {
    const items: FlatItem[] = [];
    for (const member of root.members) {
        if (isCategory(member)) flattenCategory(member, items);
    }
    return {
        list: root.header?.name,
        id: root.header?.listId,
        edition: root.header?.edition,
        date: root.header?.date,
        numbering: root.header?.numbering ?? 'wassenaar',
        supersedes: root.header?.supersedes,
        implements: root.header?.implements.length ? root.header.implements.map(i => withoutUndefined({ regime: i.regime, edition: i.edition })) : undefined,
        definitions: root.members.filter(isDefinitions).flatMap(d => d.terms).filter(t => t.name !== undefined).map(t => ({ term: t.name!, text: t.definition })),
        items,
    };
}

function flattenCategory(category: Category, out: FlatItem[]): void {
    if (category.code.startsWith('ML')) out.push(flatNode(category, category.title));
    for (const member of category.members) {
        if (isGroup(member)) member.members.filter(isEntry).forEach(entry => flattenItem(entry, out));
        else if (isEntry(member) || isItem(member)) flattenItem(member, out);
    }
}

function flattenItem(node: Entry | Item, out: FlatItem[]): void {
    out.push(flatNode(node, node.text));
    node.members.filter(isItem).forEach(child => flattenItem(child, out));
}

function flatNode(node: Entry | Item | Category, text: string | undefined): FlatItem {
    const reserved = isCategory(node) ? undefined : node.reserved ? (node.reservedSince !== undefined ? Number(node.reservedSince) : true) : undefined;
    const members: AstNode[] = node.members;
    return withoutUndefined({
        code: fullCode(node) ?? '?',
        text,
        reserved,
        tiers: effectiveTiers(node).map(t => t.tier),
        combinator: isCategory(node) ? undefined : node.combinator,
        precedent: isCategory(node) ? undefined : node.precedent?.code,
        thresholds: [...members.filter(isThreshold).map(flatThreshold), ...members.filter(isThresholdChoice).flatMap((choice, c) =>
            choice.options.flatMap((option, o) => option.thresholds.map(t => withoutUndefined({ ...flatThreshold(t), either: [c + 1, o + 1] as [number, number], kind: option.kind }))))],
        notes: members.filter(isNote).map(n => ({ kind: n.kind, text: n.text })),
    });
}

function flatThreshold(threshold: Threshold): FlatThreshold {
    const alternatives = threshold.alternatives.length > 0 ? threshold.alternatives.map(flatBound) : undefined;
    return withoutUndefined({ parameter: threshold.parameter.$refText, ...flatBound(threshold), alternatives, text: threshold.phrase });
}

function flatBound(bound: ThresholdBound): FlatBound {
    if (bound.comparator && bound.value) return withoutUndefined({ comparator: bound.comparator, value: bound.value.value, unit: bound.value.unit });
    if (bound.comparator && bound.formula) return withoutUndefined({ comparator: bound.comparator, formula: bound.formula.expression, unit: bound.formula.unit });
    return withoutUndefined({ comparator: 'from-to', low: quantity(bound.low), high: quantity(bound.high) });
}

function quantity(q: Quantity | undefined): { value: string; unit?: string } | undefined {
    return q ? withoutUndefined({ value: q.value, unit: q.unit }) : undefined;
}

// ------------------------------------------------------------------ from the importer's model

export function flattenEdition(model: EditionModel): FlatList {
    const items: FlatItem[] = [];
    for (const category of model.categories) {
        if (category.code.startsWith('ML')) {
            items.push(flatModelItem({ code: category.code, text: category.text, notes: category.notes, thresholds: [], tiers: [] }, category.tiers));
            category.items.forEach(item => flattenModelItem(item, category.tiers, items));
        } else {
            category.groups.forEach(group => group.entries.forEach(entry => flattenModelItem(entry, category.tiers, items)));
        }
    }
    const definitions = model.definitions.map(d => ({ term: d.term, text: definitionText(d) }));
    return { list: model.title, id: model.listId, edition: String(model.year), date: model.date, numbering: 'wassenaar', definitions, items };
}

function flattenModelItem(item: ItemModel, inherited: CategoryModel['tiers'], out: FlatItem[]): void {
    out.push(flatModelItem(item, inherited));
    const tiers = [...item.tiers, ...inherited.filter(t => !item.tiers.includes(t))];
    item.children.forEach(child => flattenModelItem(child, tiers, out));
}

function flatModelItem(item: { code: string; text?: string; reservedSince?: number; reserved?: boolean; combinator?: string; tiers: string[]; thresholds: ThresholdModel[]; notes: NoteModel[] }, inherited: string[]): FlatItem {
    return withoutUndefined({
        code: item.code,
        text: item.text,
        reserved: item.reservedSince ?? (item.reserved ? true as const : undefined),
        tiers: [...item.tiers, ...inherited.filter(t => !item.tiers.includes(t))],
        combinator: item.combinator,
        // (Those of an `either` choice after the others, as the writer prints them and a parse reads them.)
        thresholds: [...item.thresholds.filter(t => !t.either), ...eitherOrdered(item.thresholds)].map(t => withoutUndefined({
            parameter: t.parameter,
            ...flatModelBound(t),
            alternatives: t.alternatives?.length ? t.alternatives.map(flatModelBound) : undefined,
            text: t.phrase,
            either: t.either,
            kind: t.kind,
        })),
        notes: item.notes.map(n => ({ kind: n.kind, text: n.text })),
    });
}

/** The thresholds of `either` choices by choice, then option, in their order within each. */
function eitherOrdered(thresholds: ThresholdModel[]): ThresholdModel[] {
    return thresholds.filter(t => t.either).sort((a, b) => a.either![0] - b.either![0] || a.either![1] - b.either![1]);
}

function flatModelBound(b: BoundModel): FlatBound {
    return withoutUndefined({
        comparator: b.comparator ?? 'from-to',
        value: b.value?.value,
        formula: b.formula?.expression,
        unit: b.value?.unit ?? b.formula?.unit,
        low: b.low ? modelQuantity(b.low) : undefined,
        high: b.high ? modelQuantity(b.high) : undefined,
    });
}

function modelQuantity(q: QuantityModel): { value: string; unit?: string } {
    return withoutUndefined({ value: q.value, unit: q.unit });
}


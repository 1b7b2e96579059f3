/**
 * The exact scope of an item's own thresholds, from the flat model: what the diff compares to
 * say whether a change tightened or relaxed control. Values are exact rationals in base units.
 */
import type { FlatBound, FlatItem, FlatThreshold } from '../model/flat-items.js';
import { Rational } from '../quantities/rational.js';
import { dimensionOf, lookupUnit } from '../quantities/units.js';
import { IntervalSet } from '../scopes/interval-set.js';
import { kindScope } from '../scopes/kind-scope.js';
import { Scope } from '../scopes/scope.js';

interface BaseValue {
    value: Rational;
    dimension?: string;
}

/**
 * What an item controls, from the flat items of one list: its own thresholds all apply; its
 * sub-items (the items whose code continues its own) combine by its combinator, any-of unless it
 * says all-of; a reserved item controls nothing. This is the validator's rule for the AST
 * (scopes/item-scope.ts), applied to the flat model.
 */
export class FlatScopes {
    private readonly children = new Map<string, FlatItem[]>();
    private readonly memo = new Map<FlatItem, Scope | undefined>();

    constructor(items: FlatItem[]) {
        const codes = new Set(items.map(i => i.code));
        for (const item of items) {
            const parent = item.code.slice(0, item.code.lastIndexOf('.'));
            if (!item.code.includes('.') || !codes.has(parent)) continue;
            const siblings = this.children.get(parent);
            if (siblings) siblings.push(item);
            else this.children.set(parent, [item]);
        }
    }

    /** undefined when a threshold in the item or below cannot be read. */
    scopeOf(item: FlatItem): Scope | undefined {
        if (this.memo.has(item)) return this.memo.get(item);
        this.memo.set(item, undefined);
        const scope = this.compute(item);
        this.memo.set(item, scope);
        return scope;
    }

    private compute(item: FlatItem): Scope | undefined {
        if (item.reserved !== undefined) return Scope.EMPTY;
        const own = scopeOfThresholds(item.thresholds);
        const children = (this.children.get(item.code) ?? []).filter(c => c.reserved === undefined);
        if (!own || children.length === 0) return own;
        const scopes = children.map(c => this.scopeOf(c));
        if (scopes.some(s => s === undefined)) return undefined;
        const combined = item.combinator === 'all-of' ? Scope.allOf(scopes as Scope[]) : Scope.anyOf(scopes as Scope[]);
        return own.intersect(combined);
    }
}

/** undefined when a value or unit cannot be read: then no direction can be computed. */
export function scopeOfThresholds(thresholds: FlatThreshold[]): Scope | undefined {
    const scopes: Scope[] = [];
    // Those of an `either` choice: the union of its options, each the intersection of its thresholds.
    const options = new Map<number, Map<number, Scope[]>>();
    for (const threshold of thresholds) {
        const scope = scopeOfThreshold(threshold);
        if (!scope) return undefined;
        if (!threshold.either) {
            scopes.push(scope);
            continue;
        }
        const [choice, option] = threshold.either;
        const ofChoice = options.get(choice) ?? options.set(choice, new Map()).get(choice)!;
        // An option for one kind of thing holds only for that kind: a condition of its own, as a formula is.
        const kind = threshold.kind !== undefined && !ofChoice.has(option) ? [kindScope(threshold.kind)] : [];
        ofChoice.set(option, [...(ofChoice.get(option) ?? kind), scope]);
    }
    for (const ofChoice of options.values()) scopes.push(Scope.anyOf([...ofChoice.values()].map(Scope.allOf)));
    return Scope.allOf(scopes);
}

function scopeOfThreshold(threshold: FlatThreshold): Scope | undefined {
    const formula = formulaScope(threshold);
    if (formula) return formula;
    let values = IntervalSet.EMPTY;
    let dimension: string | undefined;
    for (const bound of [threshold, ...(threshold.alternatives ?? [])]) {
        const read = boundValues(bound);
        if (!read) return undefined;
        values = values.union(read.values);
        dimension ??= read.dimension;
    }
    if (dimension && !dimensionOf(dimension)?.negativeAllowed) values = values.intersect(IntervalSet.above(Rational.ZERO, true));
    // The same parameter name measured in another dimension is another parameter.
    return Scope.of(dimension ? `${threshold.parameter}:${dimension}` : threshold.parameter, values);
}

/**
 * A limit written as a formula ("less than (N log2 N)/20,480 ms") is not evaluated: it is a
 * condition of its own, which holds or not, so the same formula in two editions is the same
 * condition (and other limits of the item still compare), another formula another condition, and a
 * formula added narrows what the item controls.
 */
function formulaScope(threshold: FlatThreshold): Scope | undefined {
    const bounds = [threshold, ...(threshold.alternatives ?? [])];
    if (!bounds.some(b => b.formula !== undefined)) return undefined;
    const condition = `${threshold.parameter} ${bounds.map(b => b.formula !== undefined ? `${b.comparator} formula ${formulaKey(b.formula)} ${b.unit ?? ''}` : JSON.stringify(b)).join(' or ')}`;
    return Scope.of(condition, IntervalSet.point(Rational.ONE));
}

/**
 * A formula as compared: the same in any spacing, with "GHz²" and the flattened "GHz2" alike
 * (compatibility forms), "×" as "*", and its numbers as numbers ("20,480" is 20480; "1,6", a
 * decimal comma, is 1.6), so a list that writes them its own way writes the same formula.
 */
export function formulaKey(formula: string): string {
    return formula.normalize('NFKC').replace(/\s+/g, '').replace(/[×·]/g, '*').replace(/[\u2212\u2013]/g, '-').replace(/(\d),(\d{3})(?!\d)/g, '$1$2').replace(/(\d),(\d)/g, '$1.$2');
}

function boundValues(bound: FlatBound): { values: IntervalSet; dimension?: string } | undefined {
    if (bound.comparator === 'from-to') {
        const low = baseValue(bound.low?.value, bound.low?.unit);
        const high = baseValue(bound.high?.value, bound.high?.unit);
        return low && high ? { values: IntervalSet.closed(low.value, high.value), dimension: low.dimension ?? high.dimension } : undefined;
    }
    const single = baseValue(bound.value, bound.unit);
    const values = single ? interval(bound.comparator, single.value) : undefined;
    return single && values ? { values, dimension: single.dimension } : undefined;
}

function interval(comparator: string, value: Rational): IntervalSet | undefined {
    switch (comparator) {
        case '<': return IntervalSet.below(value, false);
        case '<=': return IntervalSet.below(value, true);
        case '>': return IntervalSet.above(value, false);
        case '>=': return IntervalSet.above(value, true);
        case '=': return IntervalSet.point(value);
        default: return undefined;
    }
}

/** A written value and unit as an exact value in its dimension's base unit (undefined when either cannot be read). */
export function baseValue(value: string | undefined, unitText: string | undefined): BaseValue | undefined {
    if (value === undefined) return undefined;
    let number: Rational;
    try {
        number = Rational.parse(value.replace(/\s+/g, ''));
    } catch {
        return undefined;
    }
    if (unitText === undefined) return { value: number };
    const unit = lookupUnit(unitText);
    if (!unit) return undefined;
    return { value: number.mul(unit.factor).add(unit.offset), dimension: unit.dimension };
}

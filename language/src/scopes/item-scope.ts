import { type Entry, type Item, type Threshold, type ThresholdChoice, isItem, isThreshold, isThresholdChoice } from '../generated/ast.js';
import { formatQuantity, quantityFromAst, toBaseValue } from '../quantities/quantity.js';
import { dimensionOf } from '../quantities/units.js';
import { IntervalSet } from './interval-set.js';
import { Scope } from './scope.js';
import { kindScope } from './kind-scope.js';
import { Rational } from '../quantities/rational.js';

/** The set of base-unit values a threshold admits, clipped to its dimension's domain; undefined if unresolvable. */
export function thresholdValues(threshold: Threshold): IntervalSet | undefined {
    const parameter = threshold.parameter?.ref;
    if (!parameter) return undefined;
    const values = rawThresholdValues(threshold);
    if (!values) return undefined;
    const dimension = dimensionOf(parameter.dimension);
    return dimension && !dimension.negativeAllowed ? values.intersect(IntervalSet.above(Rational.ZERO, true)) : values;
}

/** Worked out once per threshold node (a node's text never changes; see quantityFromAst). */
const rawValues = new WeakMap<Threshold, IntervalSet | null>();

/** The threshold's values before clipping to its dimension's domain: the union of its bounds. */
function rawThresholdValues(threshold: Threshold): IntervalSet | undefined {
    let values = rawValues.get(threshold);
    if (values === undefined) rawValues.set(threshold, values = unionOfBounds(threshold) ?? null);
    return values ?? undefined;
}

function unionOfBounds(threshold: Threshold): IntervalSet | undefined {
    let values = IntervalSet.EMPTY;
    for (const bound of boundsOf(threshold)) {
        const set = boundValues(bound);
        if (!set) return undefined;
        values = values.union(set);
    }
    return values;
}

/** One set of values a threshold admits: `< 228 K`, or `from 1 GHz to 3 GHz`. */
export type ThresholdBound = Pick<Threshold, 'comparator' | 'value' | 'formula' | 'low' | 'high'>;

/** The threshold's first bound, then each alternative after `or`. */
export function boundsOf(threshold: Threshold): ThresholdBound[] {
    return [threshold, ...threshold.alternatives];
}

function boundValues(bound: ThresholdBound): IntervalSet | undefined {
    if (bound.comparator && bound.value) {
        const q = quantityFromAst(bound.value);
        if (!q.ok) return undefined;
        const v = toBaseValue(q.quantity);
        switch (bound.comparator) {
            case '<': return IntervalSet.below(v, false);
            case '<=': return IntervalSet.below(v, true);
            case '>': return IntervalSet.above(v, false);
            case '>=': return IntervalSet.above(v, true);
            case '=': return IntervalSet.point(v);
        }
    }
    if (bound.low && bound.high) {
        const low = quantityFromAst(bound.low);
        const high = quantityFromAst(bound.high);
        if (!low.ok || !high.ok) return undefined;
        return IntervalSet.closed(toBaseValue(low.quantity), toBaseValue(high.quantity));
    }
    return undefined;
}

export function scopeOfThreshold(threshold: Threshold): Scope {
    const values = thresholdValues(threshold);
    const name = threshold.parameter?.ref?.name;
    return values && name ? Scope.of(name, values) : Scope.UNIVERSE;
}

/**
 * What an entry or item controls: its own thresholds all apply (all-of); its sub-items combine by
 * its combinator (any-of by default, as in the WA list's "as follows: a. ...; or b. ..."). An item
 * with neither is unconstrained; a reserved item controls nothing.
 */
export function scopeOfItem(node: Entry | Item): Scope {
    if (node.reserved) return Scope.EMPTY;
    const own = Scope.allOf([...node.members.filter(isThreshold).map(scopeOfThreshold), ...node.members.filter(isThresholdChoice).map(scopeOfChoice)]);
    const children = node.members.filter(isItem).filter(child => !child.reserved);
    if (children.length === 0) return own;
    const childScopes = children.map(scopeOfItem);
    const combined = node.combinator === 'all-of' ? Scope.allOf(childScopes) : Scope.anyOf(childScopes);
    return own.intersect(combined);
}

/** `either { ... } or { ... }`: the union of its options, each the intersection of its thresholds. */
export function scopeOfChoice(choice: ThresholdChoice): Scope {
    return Scope.anyOf(choice.options.map(option => Scope.allOf([...option.thresholds.map(scopeOfThreshold), ...(option.kind !== undefined ? [kindScope(option.kind)] : [])])));
}


/** A threshold as written and as the exact set it means, e.g. `wavelength < 193 nm = [0, 0.000000193) m`. */
export function describeThreshold(threshold: Threshold): string {
    const name = threshold.parameter?.ref?.name ?? threshold.parameter?.$refText ?? '?';
    const written = `${name} ${boundsOf(threshold).map(describeBound).join(' or ')}`;
    const values = thresholdValues(threshold);
    const dimension = threshold.parameter?.ref ? dimensionOf(threshold.parameter.ref.dimension) : undefined;
    if (!values) return written;
    return `${written}  ⇒  ${name} ∈ ${values.format()}${dimension && dimension.base !== '1' ? ' ' + dimension.base : ''}`;
}

function describeBound(bound: ThresholdBound): string {
    if (bound.comparator && bound.formula) return `${bound.comparator} formula "${bound.formula.expression}"${bound.formula.unit ? ` ${bound.formula.unit}` : ''}`;
    return bound.comparator && bound.value
        ? `${bound.comparator} ${describeQuantity(bound.value)}`
        : `from ${bound.low ? describeQuantity(bound.low) : '?'} to ${bound.high ? describeQuantity(bound.high) : '?'}`;
}

function describeQuantity(q: NonNullable<Threshold['value']>): string {
    const result = quantityFromAst(q);
    return result.ok ? formatQuantity(result.quantity) : `${q.value ?? ''} ${q.unit ?? ''}`.trim();
}

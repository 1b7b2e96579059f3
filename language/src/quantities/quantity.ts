import type { Quantity } from '../generated/ast.js';
import { Rational } from './rational.js';
import { type UnitInfo, lookupUnit } from './units.js';

/** A value with its unit, exact. A bare number has no unit (counts and ratios). */
export interface QuantityValue {
    value: Rational;
    unit?: UnitInfo;
}

export type QuantityResult = { ok: true; quantity: QuantityValue } | { ok: false; kind: 'bad-number' | 'unknown-unit'; message: string };

/**
 * Each quantity node is read once: a node's text never changes, and an edit elsewhere in the list
 * keeps it (incremental-parse.ts), while validation reads every threshold on every keystroke.
 */
const readQuantities = new WeakMap<Quantity, QuantityResult>();

export function quantityFromAst(q: Quantity): QuantityResult {
    let result = readQuantities.get(q);
    if (!result) readQuantities.set(q, result = readQuantity(q));
    return result;
}

function readQuantity(q: Quantity): QuantityResult {
    let value: Rational;
    try {
        value = Rational.parse((q.value ?? '').replace(/\s+/g, ''));
    } catch (e) {
        return { ok: false, kind: 'bad-number', message: (e as Error).message };
    }
    if (q.unit === undefined) return { ok: true, quantity: { value } };
    const unit = lookupUnit(q.unit);
    if (!unit) return { ok: false, kind: 'unknown-unit', message: `unknown unit '${q.unit}'` };
    return { ok: true, quantity: { value, unit } };
}

/** The value in its dimension's base unit (nm -> m, °C -> K). */
export function toBaseValue(q: QuantityValue): Rational {
    return q.unit ? q.value.mul(q.unit.factor).add(q.unit.offset) : q.value;
}

/** Converts exactly between units of one dimension; undefined when the dimensions differ. */
export function convert(value: Rational, from: UnitInfo, to: UnitInfo): Rational | undefined {
    if (from.dimension !== to.dimension) return undefined;
    return value.mul(from.factor).add(from.offset).sub(to.offset).div(to.factor);
}

export function formatQuantity(q: QuantityValue): string {
    const number = q.value.toDecimalString();
    return q.unit ? `${number} ${q.unit.symbol}` : number;
}

/**
 * Limits restated as their inverses: where a note says "Total conversion time is the inverse of
 * the sample rate" (3.A.1.a.5, 1998-2003), "a total conversion time of less than 200 ns" and
 * "an output rate greater than 5 million words per second" (2004) are one limit. The diff rewrites
 * one side's time limits in the other side's rate before it compares them, exactly.
 */
import type { FlatItem, FlatThreshold } from '../model/flat-items.js';
import { Rational } from '../quantities/rational.js';
import { baseValue } from './flat-scope.js';

const INVERSE_STATED = /\btime is the inverse of the [a-z -]*rate\b/i;
const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * `timed` with its time limits written as limits on `rated`'s one rate parameter (`< 200 ns` as
 * `> 5000000 Hz`), when the notes of either item or of an item above it say that the time is the
 * inverse of the rate; undefined when they do not, or the two sides are not one time and one rate.
 */
export function inTermsOfRate(timed: FlatItem, rated: FlatItem, timedItems: FlatItem[], ratedItems: FlatItem[]): FlatItem | undefined {
    const times = timed.thresholds.filter(t => dimensionOf(t) === 'time');
    const rates = rated.thresholds.filter(t => dimensionOf(t) === 'frequency');
    const parameters = new Set(rates.map(t => t.parameter));
    if (times.length === 0 || parameters.size !== 1 || rated.thresholds.some(t => dimensionOf(t) === 'time') || timed.thresholds.some(t => dimensionOf(t) === 'frequency')) return undefined;
    if (!statesInverse(timed, timedItems) && !statesInverse(rated, ratedItems)) return undefined;
    const inverted: FlatThreshold[] = [];
    for (const threshold of timed.thresholds) {
        if (dimensionOf(threshold) !== 'time') {
            inverted.push(threshold);
            continue;
        }
        const seconds = threshold.alternatives === undefined ? baseValue(threshold.value, threshold.unit)?.value : undefined;
        const comparator = FLIPPED[threshold.comparator];
        if (!seconds || !comparator || seconds.cmp(Rational.ZERO) <= 0) return undefined;
        const hertz = Rational.ONE.div(seconds);
        // Written as a decimal only where that is exact (1/3 ns is not).
        if (!hertz.isTerminatingDecimal()) return undefined;
        inverted.push({ parameter: [...parameters][0], comparator, value: hertz.toDecimalString(), unit: 'Hz', text: threshold.text });
    }
    return { ...timed, thresholds: inverted };
}

function dimensionOf(threshold: FlatThreshold): string | undefined {
    if (threshold.comparator === 'from-to') return baseValue(threshold.low?.value, threshold.low?.unit)?.dimension;
    return baseValue(threshold.value, threshold.unit)?.dimension;
}

/** Whether a note of the item, or of an item above it in its list, says a time is the inverse of a rate. */
function statesInverse(item: FlatItem, items: FlatItem[]): boolean {
    const above = new Set<string>();
    for (let code = item.code; code.includes('.'); code = code.slice(0, code.lastIndexOf('.'))) above.add(code);
    return items.some(other => above.has(other.code) && other.notes.some(n => INVERSE_STATED.test(n.text)));
}

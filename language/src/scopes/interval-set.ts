import { Rational } from '../quantities/rational.js';

/** One interval; a missing end is unbounded. */
export interface Interval {
    low?: Rational;
    lowIncluded: boolean;
    high?: Rational;
    highIncluded: boolean;
}

/** A set of reals as a sorted union of disjoint, non-touching, non-empty intervals. Immutable. */
export class IntervalSet {
    private constructor(readonly intervals: readonly Interval[]) {}

    static readonly EMPTY = new IntervalSet([]);
    static readonly ALL = new IntervalSet([{ lowIncluded: false, highIncluded: false }]);

    static of(...intervals: Interval[]): IntervalSet {
        return new IntervalSet(normalize(intervals));
    }
    static below(value: Rational, included: boolean): IntervalSet { return IntervalSet.of({ lowIncluded: false, high: value, highIncluded: included }); }
    static above(value: Rational, included: boolean): IntervalSet { return IntervalSet.of({ low: value, lowIncluded: included, highIncluded: false }); }
    static point(value: Rational): IntervalSet { return IntervalSet.of({ low: value, lowIncluded: true, high: value, highIncluded: true }); }
    static closed(low: Rational, high: Rational): IntervalSet { return IntervalSet.of({ low, lowIncluded: true, high, highIncluded: true }); }

    isEmpty(): boolean { return this.intervals.length === 0; }
    isAll(): boolean { return this.intervals.length === 1 && this.intervals[0].low === undefined && this.intervals[0].high === undefined; }

    union(other: IntervalSet): IntervalSet { return IntervalSet.of(...this.intervals, ...other.intervals); }

    intersect(other: IntervalSet): IntervalSet {
        const parts: Interval[] = [];
        for (const a of this.intervals) for (const b of other.intervals) {
            const low = maxLow(a, b);
            const high = minHigh(a, b);
            parts.push({ low: low.value, lowIncluded: low.included, high: high.value, highIncluded: high.included });
        }
        return IntervalSet.of(...parts);
    }

    complement(): IntervalSet {
        const parts: Interval[] = [];
        let cursor: { value?: Rational; included: boolean } = { included: false };
        for (const i of this.intervals) {
            // the gap before this interval (none before an interval unbounded below)
            if (i.low !== undefined) parts.push({ low: cursor.value, lowIncluded: cursor.included, high: i.low, highIncluded: i.low !== undefined && !i.lowIncluded });
            if (i.high === undefined) return IntervalSet.of(...parts);
            cursor = { value: i.high, included: !i.highIncluded };
        }
        parts.push({ low: cursor.value, lowIncluded: cursor.included, highIncluded: false });
        return IntervalSet.of(...parts);
    }

    subtract(other: IntervalSet): IntervalSet { return this.intersect(other.complement()); }
    isSubsetOf(other: IntervalSet): boolean { return this.subtract(other).isEmpty(); }
    equals(other: IntervalSet): boolean { return this.isSubsetOf(other) && other.isSubsetOf(this); }

    contains(value: Rational): boolean {
        return this.intervals.some(i => !isBelowLow(value, i) && !isAboveHigh(value, i));
    }

    /** Mathematical notation with exact decimals, e.g. `[0, 0.000000193)`; `unit` is appended to each end. */
    format(unit = ''): string {
        if (this.isEmpty()) return '∅';
        const end = (v: Rational | undefined, inf: string) => (v === undefined ? inf : v.toDecimalString() + (unit ? ' ' + unit : ''));
        return this.intervals.map(i => {
            if (i.low !== undefined && i.high !== undefined && i.low.equals(i.high)) return `{${end(i.low, '')}}`;
            return `${i.lowIncluded ? '[' : '('}${end(i.low, '-∞')}, ${end(i.high, '+∞')}${i.highIncluded ? ']' : ')'}`;
        }).join(' ∪ ');
    }
}

function isEmptyInterval(i: Interval): boolean {
    if (i.low === undefined || i.high === undefined) return false;
    const c = i.low.cmp(i.high);
    return c > 0 || (c === 0 && !(i.lowIncluded && i.highIncluded));
}

function isBelowLow(v: Rational, i: Interval): boolean {
    if (i.low === undefined) return false;
    const c = v.cmp(i.low);
    return c < 0 || (c === 0 && !i.lowIncluded);
}

function isAboveHigh(v: Rational, i: Interval): boolean {
    if (i.high === undefined) return false;
    const c = v.cmp(i.high);
    return c > 0 || (c === 0 && !i.highIncluded);
}

/** Orders lower ends: unbounded first, then by value, an included end before an excluded one. */
function compareLow(a: Interval, b: Interval): number {
    if (a.low === undefined || b.low === undefined) return (a.low === undefined ? 0 : 1) - (b.low === undefined ? 0 : 1);
    return a.low.cmp(b.low) || (a.lowIncluded === b.lowIncluded ? 0 : a.lowIncluded ? -1 : 1);
}

function maxLow(a: Interval, b: Interval): { value?: Rational; included: boolean } {
    const later = compareLow(a, b) >= 0 ? a : b;
    return { value: later.low, included: later.lowIncluded };
}

function minHigh(a: Interval, b: Interval): { value?: Rational; included: boolean } {
    if (a.high === undefined) return { value: b.high, included: b.highIncluded };
    if (b.high === undefined) return { value: a.high, included: a.highIncluded };
    const c = a.high.cmp(b.high);
    if (c !== 0) return c < 0 ? { value: a.high, included: a.highIncluded } : { value: b.high, included: b.highIncluded };
    return { value: a.high, included: a.highIncluded && b.highIncluded };
}

/** Whether `a` (sorted before `b`) reaches `b`: they overlap or touch with no gap between them. */
function reaches(a: Interval, b: Interval): boolean {
    if (a.high === undefined || b.low === undefined) return true;
    const c = a.high.cmp(b.low);
    return c > 0 || (c === 0 && (a.highIncluded || b.lowIncluded));
}

function normalize(intervals: Interval[]): Interval[] {
    const sorted = intervals.filter(i => !isEmptyInterval(i)).sort(compareLow);
    const merged: Interval[] = [];
    for (const next of sorted) {
        const last = merged[merged.length - 1];
        if (last && reaches(last, next)) {
            const high = maxHigh(last, next);
            merged[merged.length - 1] = { ...last, high: high.value, highIncluded: high.included };
        } else {
            merged.push({ ...next });
        }
    }
    return merged;
}

function maxHigh(a: Interval, b: Interval): { value?: Rational; included: boolean } {
    if (a.high === undefined || b.high === undefined) return { included: false };
    const c = a.high.cmp(b.high);
    if (c !== 0) return c > 0 ? { value: a.high, included: a.highIncluded } : { value: b.high, included: b.highIncluded };
    return { value: a.high, included: a.highIncluded || b.highIncluded };
}

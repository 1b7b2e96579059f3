import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Rational } from '../../language/src/quantities/rational.js';
import { IntervalSet } from '../../language/src/scopes/interval-set.js';
import { Scope, compareScopes } from '../../language/src/scopes/scope.js';

const q = (s: string) => Rational.parse(s);

const intervalSet = fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), fc.boolean()), { maxLength: 4 })
    .map(parts => IntervalSet.of(...parts.map(([low, width, li, hi]) => ({ low: Rational.of(low), lowIncluded: li, high: Rational.of(low + width), highIncluded: hi }))));
const point = fc.integer({ min: -25, max: 25 }).chain(n => fc.constantFrom(Rational.of(n), Rational.of(2 * n + 1, 2)));

describe('IntervalSet', () => {
    test('merges touching intervals and formats exactly', () => {
        const s = IntervalSet.below(q('3'), false).union(IntervalSet.above(q('3'), true));
        expect(s.isAll()).toBe(true);
        expect(IntervalSet.below(q('193e-9'), false).intersect(IntervalSet.above(Rational.ZERO, true)).format()).toBe('[0, 0.000000193)');
        expect(IntervalSet.closed(q('5'), q('3')).isEmpty()).toBe(true);
    });

    test('set algebra matches membership (property)', () => {
        fc.assert(fc.property(intervalSet, intervalSet, point, (a, b, x) => {
            expect(a.union(b).contains(x)).toBe(a.contains(x) || b.contains(x));
            expect(a.intersect(b).contains(x)).toBe(a.contains(x) && b.contains(x));
            expect(a.complement().contains(x)).toBe(!a.contains(x));
            expect(a.subtract(b).contains(x)).toBe(a.contains(x) && !b.contains(x));
            expect(a.complement().complement().equals(a)).toBe(true);
        }));
    });
});

describe('Scope', () => {
    const wl = (set: IntervalSet) => Scope.of('wavelength', set);
    const f = (set: IntervalSet) => Scope.of('frequency', set);

    test('a lower "less than" bound catches more: broader', () => {
        expect(compareScopes(wl(IntervalSet.below(q('248'), false)), wl(IntervalSet.below(q('193'), false)))).toBe('broader');
        expect(compareScopes(wl(IntervalSet.below(q('193'), false)), wl(IntervalSet.below(q('248'), false)))).toBe('narrower');
        expect(compareScopes(wl(IntervalSet.below(q('0.35'), true)), wl(IntervalSet.below(q('350e-3'), true)))).toBe('equal');
        expect(compareScopes(wl(IntervalSet.below(q('5'), false)), wl(IntervalSet.above(q('3'), false)))).toBe('incomparable');
    });

    test('any-of is union, all-of is intersection, over several parameters', () => {
        const a = wl(IntervalSet.below(q('193'), false));
        const b = f(IntervalSet.above(q('1e9'), false));
        const either = Scope.anyOf([a, b]);
        const both = Scope.allOf([a, b]);
        expect(compareScopes(either, a)).toBe('broader');
        expect(compareScopes(both, a)).toBe('narrower');
        expect(compareScopes(Scope.anyOf([both, a]), a)).toBe('equal');
        expect(Scope.allOf([a, wl(IntervalSet.above(q('200'), false))]).isEmpty()).toBe(true);
        expect(Scope.anyOf([a, wl(IntervalSet.above(q('193'), true))]).isUniverse()).toBe(true);
    });

    test('comparison is consistent with subset tests (property)', () => {
        const scope = fc.tuple(intervalSet, intervalSet, fc.boolean()).map(([x, y, both]) =>
            both ? Scope.allOf([wl(x), f(y)]) : Scope.anyOf([wl(x), f(y)]));
        fc.assert(fc.property(scope, scope, (a, b) => {
            const ab = compareScopes(a, b);
            const ba = compareScopes(b, a);
            const inverse = { broader: 'narrower', narrower: 'broader', equal: 'equal', incomparable: 'incomparable' } as const;
            expect(ba).toBe(inverse[ab]);
            expect(compareScopes(Scope.anyOf([a, b]), a) === 'broader' || Scope.anyOf([a, b]).isSubsetOf(a)).toBe(true);
            expect(Scope.allOf([a, b]).isSubsetOf(a)).toBe(true);
        }), { numRuns: 200 });
    });
});

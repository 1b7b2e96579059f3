import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Rational } from '../../language/src/quantities/rational.js';
import { convert, toBaseValue } from '../../language/src/quantities/quantity.js';
import { lookupUnit, unitsOfDimension } from '../../language/src/quantities/units.js';

const rational = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n })).map(([n, d]) => Rational.of(n, d));

describe('Rational', () => {
    test('parses decimals exactly', () => {
        expect(Rational.parse('0.35').equals(Rational.of(7n, 20n))).toBe(true);
        expect(Rational.parse('1.5e-3').equals(Rational.of(3n, 2000n))).toBe(true);
        expect(Rational.parse('-2e6').toString()).toBe('-2000000');
        expect(() => Rational.parse('1.2.3')).toThrow(/not a decimal/);
        expect(() => Rational.of(1n, 0n)).toThrow(/division by zero/);
    });

    test('0.1 + 0.2 is exactly 0.3', () => {
        expect(Rational.parse('0.1').add(Rational.parse('0.2')).equals(Rational.parse('0.3'))).toBe(true);
    });

    test('decimal strings: exact when terminating, marked when not', () => {
        expect(Rational.parse('0.000000193').toDecimalString()).toBe('0.000000193');
        expect(Rational.of(1n, 3n).toDecimalString(4)).toBe('0.3333…');
        expect(Rational.of(-7n, 4n).toDecimalString()).toBe('-1.75');
    });

    test('field laws hold (property)', () => {
        fc.assert(fc.property(rational, rational, rational, (a, b, c) => {
            expect(a.add(b).equals(b.add(a))).toBe(true);
            expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
            expect(a.sub(b).add(b).equals(a)).toBe(true);
            if (!b.isZero()) expect(a.div(b).mul(b).equals(a)).toBe(true);
            expect(a.cmp(b)).toBe(-b.cmp(a) as -1 | 0 | 1 || 0);
        }));
    });

    test('decimal round trip (property)', () => {
        fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }), (n, scale) => {
            const r = Rational.of(n, 10n ** BigInt(scale));
            expect(Rational.parse(r.toDecimalString()).equals(r)).toBe(true);
        }));
    });
});

describe('units', () => {
    test('0.35 um = 350 nm exactly', () => {
        const um = lookupUnit('um')!;
        const nm = lookupUnit('nm')!;
        expect(convert(Rational.parse('0.35'), um, nm)!.equals(Rational.parse('350'))).toBe(true);
        expect(toBaseValue({ value: Rational.parse('0.35'), unit: lookupUnit('µm') }).equals(toBaseValue({ value: Rational.parse('350'), unit: nm }))).toBe(true);
    });

    test('prefixes, compound units, offsets', () => {
        expect(lookupUnit('GHz')).toMatchObject({ dimension: 'frequency' });
        expect(lookupUnit('GHz')!.factor.equals(Rational.parse('1e9'))).toBe(true);
        expect(lookupUnit('Mbit/s')!.factor.equals(Rational.parse('1e6'))).toBe(true);
        expect(lookupUnit('m/s^2')).toMatchObject({ dimension: 'acceleration' });
        expect(toBaseValue({ value: Rational.parse('-40'), unit: lookupUnit('°C') }).equals(Rational.parse('233.15'))).toBe(true);
        expect(convert(Rational.parse('30'), lookupUnit('dBm')!, lookupUnit('dBW')!)!.equals(Rational.ZERO)).toBe(true);
        expect(convert(Rational.ONE, lookupUnit('deg/h')!, lookupUnit('deg/s')!)!.equals(Rational.of(1n, 3600n))).toBe(true);
        expect(lookupUnit('rad')!.approximate).toBe(true);
        expect(lookupUnit('furlong')).toBeUndefined();
        expect(lookupUnit('kdB')).toBeUndefined();
    });

    test('units of different dimensions do not convert', () => {
        expect(convert(Rational.ONE, lookupUnit('nm')!, lookupUnit('GHz')!)).toBeUndefined();
    });

    test('every completion spelling of every dimension is a known unit of that dimension', () => {
        for (const dimension of ['length', 'frequency', 'power', 'temperature', 'data-rate', 'performance', 'angle', 'ratio']) {
            for (const symbol of unitsOfDimension(dimension)) expect(lookupUnit(symbol)?.dimension, symbol).toBe(dimension);
        }
    });
});

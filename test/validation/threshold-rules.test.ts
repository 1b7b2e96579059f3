import { describe, expect, test } from 'vitest';
import { DIMENSIONS } from '../../language/src/quantities/units.js';
import { codesOf, inEntry } from './validation-helper.js';

const cases: Array<[string, string, string]> = [
    ['unknown-dimension', 'item a "x"', 'parameter smell: odour'],
    ['unknown-unit', 'item a "x" { wavelength < 3 furlongs }', ''],
    ['unit-dimension', 'item a "x" { wavelength < 5 GHz }', ''],
    ['missing-unit', 'item a "x" { wavelength < 5 }', ''],
    ['negative-value', 'item a "x" { wavelength < -3 nm }', ''],
    ['empty-threshold', 'item a "x" { wavelength from 5 nm to 3 nm }', ''],
    ['contradictory-thresholds', 'item a "x" { wavelength > 5 nm wavelength < 3 nm }', ''],
    ['unit-not-preferred', 'item a "x" { wavelength < 0.35 um }', ''],
    // Every bound of a union is checked, not only the first.
    ['unit-dimension', 'item a "x" { wavelength < 5 nm or > 3 GHz }', ''],
    ['negative-value', 'item a "x" { wavelength < 5 nm or > -3 nm }', ''],
    // A formula is not evaluated, but its unit is checked as a value's is.
    ['unit-dimension', 'item a "x" { wavelength < formula "(N log2 N)/20,480" ms }', ''],
    ['unknown-unit', 'item a "x" { wavelength < formula "1.6 + L/2,000" furlongs }', ''],
    ['missing-unit', 'item a "x" { wavelength < formula "1.6 + L/2,000" }', ''],
    ['bad-number', 'item a "x" { wavelength < formula " " nm }', '']
];

describe('threshold rules', () => {
    test.each(cases)('%s is reported', async (code, body, header) => {
        expect(await codesOf(inEntry(body, header))).toContain(code);
    });

    test('sane thresholds give no threshold diagnostics', async () => {
        const codes = await codesOf(inEntry(`
            item a "x" { wavelength < 193 nm }
            item b "x" { wavelength from 1 nm to 3 nm }
            item c "x" { temperature < -40 °C }
            item d "x" { wavelength > 3 nm wavelength <= 5 nm }
            item e "x" all-of {
                item 1 "y" { wavelength < 10 nm }
                item 2 "z" { wavelength > 4 nm }
            }
            item f "x" { temperature < 228 K or > 358 K }
            item g "x" { wavelength < 20 nm or from 30 nm to 40 nm or > 60 nm }
            item h "x" { wavelength <= formula "1.6 + L/2,000" nm "equal to or less than (1.6 + L/2,000) nm" wavelength > 3 nm }`));
        expect(codes).toEqual([]);
    });

    test('all-of sub-items that can never hold together are contradictory; any-of ones are not', async () => {
        const body = (combinator: string) => `item a "x" ${combinator} {
                item 1 "y" { wavelength < 3 nm }
                item 2 "z" { wavelength > 4 nm }
            }`;
        expect(await codesOf(inEntry(body('all-of')))).toContain('contradictory-thresholds');
        expect(await codesOf(inEntry(body('any-of')))).not.toContain('contradictory-thresholds');
    });

    test('an either choice holds where one of its options holds whole: all-of with it is contradictory only if every option is', async () => {
        const body = (second: string) => `item a "x" all-of {
                item 1 "y" { wavelength < 3 nm }
                item 2 "z" { either { wavelength > 10 nm } or { wavelength > ${second} nm } }
            }`;
        expect(await codesOf(inEntry(body('5')))).toContain('contradictory-thresholds');
        expect(await codesOf(inEntry(body('1')))).toEqual([]);
    });

    test('a negative Celsius temperature above absolute zero is fine, below it is not', async () => {
        expect(await codesOf(inEntry('item a "x" { temperature > -40 °C }'))).toEqual([]);
        expect(await codesOf(inEntry('item a "x" { temperature < -300 °C }'))).toContain('negative-value');
    });
});

describe('the unit registry in the language', () => {
    // A dimension's name is written in the list (`parameter x: beam-quality`): it must parse as one,
    // with each of its usual units, so that no name collides with a keyword ("parameter").
    test('every dimension and each of its usual units can be declared and used without a diagnostic', async () => {
        const problems: string[] = [];
        for (const [name, info] of DIMENSIONS) {
            for (const unit of info.common.length > 0 ? info.common : [undefined]) {
                const threshold = unit ? `q > 1 ${unit}` : 'q > 1';
                const codes = await codesOf(inEntry(`item a "A quantity" { ${threshold} }`, `parameter q: ${name}${unit ? ` unit ${unit}` : ''} "Q"`));
                if (codes.length > 0) problems.push(`${name} ${unit ?? ''}: ${codes.join(', ')}`);
            }
        }
        expect(problems).toEqual([]);
    });
});

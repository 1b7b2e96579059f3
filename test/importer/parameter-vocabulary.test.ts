import { describe, expect, test } from 'vitest';
import { curatedQuantity, identifier, namedParameter } from '../../language/src/importer/parameter-names.js';
import { VOCABULARY } from '../../language/src/importer/quantity-vocabulary.js';
import { leadInThresholds, parseThresholds } from '../../language/src/importer/thresholds.js';

const byVocabulary = (dimension: string, measure: string | undefined, before: string) => namedParameter(dimension, measure, before).name;
const names = (text: string) => parseThresholds(text, byVocabulary).thresholds.map(t => t.parameter);

describe('the quantity vocabulary', () => {
    test('one name is one dimension, a CLD identifier, and no unit word', () => {
        const dimensions = new Map<string, Set<string>>();
        for (const quantities of Object.values(VOCABULARY)) {
            for (const q of quantities) (dimensions.get(q.name) ?? dimensions.set(q.name, new Set()).get(q.name)!).add(q.dimension);
        }
        expect([...dimensions].filter(([, found]) => found.size > 1).map(([name]) => name)).toEqual([]);
        // "second_order" and "degrees_of_freedom" name no unit.
        const units = /(?:^|_)(?:mm|nm|um|hz|ghz|mhz|db|dbm|metres?|meters?|hours?|seconds|degrees?(?!_of)|bits?|bytes?|kg|ppm)(?:_|$)/;
        expect([...dimensions.keys()].filter(name => identifier(name) !== name || units.test(name))).toEqual([]);
    });

    test('a derived name with several quantities tells them apart by a cue, and has one default, listed last', () => {
        for (const [derived, quantities] of Object.entries(VOCABULARY)) {
            const defaults = quantities.filter(q => q.cue === undefined);
            expect(defaults.length, derived).toBe(1);
            expect(quantities[quantities.length - 1].cue, derived).toBeUndefined();
            expect(quantities.every(q => q.description.length > 0), derived).toBe(true);
        }
    });

    test('the words before a phrase choose among the quantities of one derived name', () => {
        expect(curatedQuantity('accuracy_length', 'length', 'An overlay accuracy of ')?.name).toBe('overlay_accuracy');
        expect(curatedQuantity('accuracy_length', 'length', 'Positioning accuracy with "all compensations available" ')?.name).toBe('positioning_accuracy');
        expect(curatedQuantity('strength', 'pressure', 'Materials with flux densities of 2.0 T or greater and yield strengths ')?.name).toBe('yield_strength');
        expect(curatedQuantity('strength', 'pressure', 'A tensile strength of ')?.name).toBe('tensile_strength');
        // A quantity of another dimension is not the vocabulary's: the derived name stays.
        expect(curatedQuantity('accuracy_length', 'angle', 'An accuracy of ')).toBeUndefined();
        expect(namedParameter('frequency', 'wavelength', '')).toMatchObject({ name: 'wavelength_frequency', curated: false });
    });

    test('a bare number the reader took for a ratio is a count where the vocabulary says what it counts (3.A.1.e.2.b.4, 6.A.5.e.3, 8.A.1.b.3.a)', () => {
        expect(namedParameter('ratio', 'life', 'A charge/discharge cycle life ')).toMatchObject({ name: 'cycle_life', dimension: 'count' });
        expect(namedParameter('ratio', 'input', 'Number of input fibres ')).toMatchObject({ name: 'input_fibres', dimension: 'count' });
        expect(namedParameter('ratio', 'crew', 'Designed to carry a crew of ')).toMatchObject({ name: 'crew', dimension: 'count' });
    });
});

describe('thresholds named from the vocabulary', () => {
    test.each([
        // Were band_time, efficiency_length, form_length, weight_ratio_acceleration, output_level, case_length.
        ['Filters ... capable of tuning across a 1.5:1 frequency band (fmax/fmin) in less than 10 µs;', ['tuning_time']],
        ['A "structural efficiency ratio" (PV/W) exceeding 25 km;', ['structural_efficiency_ratio']],
        ['A "form" of less (better) than 1.0 µm;', ['form_accuracy']],
        ['A thrust to weight ratio equal to or more than 1 kN/kg;', ['thrust_to_weight_ratio']],
        ['Filament-wound "composite" motor cases exceeding 0.61 m in diameter', ['motor_case_diameter']],
        // One quantity spelt two ways is one parameter (ML8.c.8: aluminium in 2005-2012, aluminum before).
        ['manufactured from material with an aluminum content of 99% or more;', ['aluminium_content']],
        ['manufactured from material with an aluminium content of 99% or more;', ['aluminium_content']],
        ['Digitizing rate equal to or more than 100 million samples per second', ['digitising_rate']],
    ])('%s', (text, expected) => {
        expect(names(text)).toEqual(expected);
    });

    test('a sub-item under a lead-in that holds the comparator is named by the lead-in\'s words too (ML8.b.1.a-c, 2013-2025; was time)', () => {
        const lead = 'Any solid "propellant" with a theoretical specific impulse (under standard conditions) of more than:';
        expect(leadInThresholds(lead, '240 seconds for non-metallized, non-halogenized "propellant";', byVocabulary).map(t => t.parameter)).toEqual(['theoretical_specific_impulse']);
    });
});

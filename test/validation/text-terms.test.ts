import { describe, expect, test } from 'vitest';
import { namesInside, termsInTextSource } from '../../language/src/text-terms.js';

// Where a term inside a text is in the document: the source of the STRING token, at its offset.
describe('term occurrences map back to document offsets', () => {
    const spans = (source: string, offset = 100) => termsInTextSource(source, offset).map(o => ({ kind: o.kind, name: o.name, text: source.slice(o.start - offset, o.end - offset) }));

    test('a text without escapes, in double quotes or backticks', () => {
        expect(spans('"a \'local\' term and a \u201Cdefined\u201D one"')).toEqual([
            { kind: 'local', name: 'local', text: 'local' },
            { kind: 'defined', name: 'defined', text: 'defined' },
        ]);
        expect(spans('`uses "laser" and \'beam\'`')).toEqual([
            { kind: 'defined', name: 'laser', text: 'laser' },
            { kind: 'local', name: 'beam', text: 'beam' },
        ]);
    });

    test('escapes before a term shift it in the document, not in the value', () => {
        expect(spans(String.raw`"a \"laser\" then 'beam'"`)).toEqual([
            { kind: 'defined', name: 'laser', text: 'laser' },
            { kind: 'local', name: 'beam', text: 'beam' },
        ]);
    });
});

describe('what a text says of its \'local\' terms', () => {
    const locals = (text: string) => termsInTextSource(`"${text}"`, 0).filter(o => o.kind === 'local').map(({ name, aliases, citedIn }) => ({ name, aliases, citedIn }));

    test('a short form in brackets, inside the quotes or after them, is another name of the term', () => {
        expect(locals("Using 'Magnetorheological finishing (MRF)';")).toEqual([{ name: 'Magnetorheological finishing (MRF)', aliases: ['MRF', 'Magnetorheological finishing'], citedIn: undefined }]);
        expect(locals("having an 'Adjusted Peak Performance' ('APP') exceeding 70 WT")).toEqual([
            { name: 'Adjusted Peak Performance', aliases: ['APP'], citedIn: undefined },
            { name: 'APP', aliases: ['Adjusted Peak Performance'], citedIn: undefined },
        ]);
        expect(namesInside('Structural efficiency ratio (PV/W)')).toEqual(['PV/W', 'Structural efficiency ratio']);
        expect(namesInside('Structural efficiency ratio')).toEqual([]);
        // Numbers in brackets are not a short form (a table's cell, "(16)" its note's number).
        expect(locals("'Cemented tungsten carbide (16), Silicon carbide (18)' substrates")[0].aliases).toBeUndefined();
        // Two terms with words between them are two terms.
        expect(locals("an 'APP' of the 'WT' (its 'unit')").map(o => o.aliases)).toEqual([undefined, undefined, undefined]);
    });

    test('"specified by <code>" after a term says where it is defined', () => {
        expect(locals("the export of 'syntactic foam' specified by 8.C.1. when ...")[0].citedIn).toBe('8.C.1');
        expect(locals("a 'cryptographic activation token' specified in 5A002.b.;")[0].citedIn).toBe('5A002.b');
        expect(locals("hydrofoils or 'small waterplane area vessels', specified by 8.A.1.f., 8.A.1.g.")[0].citedIn).toBe('8.A.1.f');
        expect(locals("'stacked arrays' specified by ML8.a.1")[0].citedIn).toBe('ML8.a.1');
        expect(locals("'stacked arrays' specified below")[0].citedIn).toBeUndefined();
    });

    test('single quotes around a document\'s title are not a term', () => {
        expect(locals("Axis nomenclature shall be in accordance with International Standard ISO 841, 'Numerical Control Machines - Axis and Motion Nomenclature'.")).toEqual([]);
        expect(locals("measured in accordance with ASTM Standard E-606 'Recommended Practice for Constant-Amplitude Low-Cycle Fatigue Testing' or national equivalents")).toEqual([]);
        expect(locals("(Reference: VDI/VDE 2617, Draft: 'Rotary tables on coordinate measuring machines')")).toEqual([]);
        expect(locals("Terms in quotations are defined terms. Refer to 'Definitions of Terms used in these Lists' annexed to this List.")).toEqual([]);
        // A term after other words is a term.
        expect(locals("Equipment for 'Rotary tables' as in ISO 230-1").map(o => o.name)).toEqual(['Rotary tables']);
    });
});

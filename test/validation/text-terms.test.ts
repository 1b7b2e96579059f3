import { describe, expect, test } from 'vitest';
import { termsInTextSource } from '../../language/src/text-terms.js';

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

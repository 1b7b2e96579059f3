import fc from 'fast-check';
import { expect, test } from 'vitest';
import { comparedWordCount, lengthsAllow, textSimilarity } from '../../language/src/diff/words.js';

// The matcher's rule 8 leaves out pairs of texts whose word counts alone rule out the least
// similarity (match.ts, words.ts lengthsAllow). That must never leave out a pair textSimilarity
// would have found alike enough: the diffs and the conformance reports would change.

const WORDS = ['laser', 'lasers', 'power', 'output', 'exceeding', 'W', 'kW', 'or', 'and', 'the', 'of', 'synthesised', 'synthesized', '3.A.1.a', '2625-76-5', 'having', 'as', 'follows:', ';', 'a'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map(words => words.join(' '));

test('a pair the lengths rule out is never alike enough', () => {
    fc.assert(fc.property(text, text, fc.constantFrom(0.5, 0.6, 0.7, 0.85), (a, b, least) => {
        if (!lengthsAllow(comparedWordCount(a), comparedWordCount(b), least)) expect(textSimilarity(a, b)).toBeLessThan(least);
    }), { numRuns: 2000 });
});

test('the bound is tight: texts of one word and of two alike are ruled out at 0.7, not at 0.6', () => {
    expect(lengthsAllow(1, 2, 0.7)).toBe(false);
    expect(lengthsAllow(1, 2, 0.6)).toBe(true);
    expect(textSimilarity('lasers', 'lasers lasers')).toBeCloseTo(2 / 3);
    expect(lengthsAllow(0, 0, 0.85)).toBe(true);
});

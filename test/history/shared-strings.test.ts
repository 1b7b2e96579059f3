import { expect, test } from 'vitest';
import { SharedStrings } from '../../language/src/history/shared-strings.js';

// The language server keeps the precedent library as long as it runs; its index is JSON, whose
// parse makes a new string for every text, and most texts repeat from edition to edition. Run with
// --expose-gc (vitest.config.ts), so that what is measured is what is still reachable.

const gc = (globalThis as { gc?: () => void }).gc!;

function heapUsed(): number {
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage().heapUsed;
}

/** 40 editions of 50 items whose texts (2,000 characters each) are the same in every edition, as parsed JSON. */
function editions(): unknown[] {
    const items = Array.from({ length: 50 }, (_, i) => ({ code: `3.A.${i + 1}`, text: `Item ${i + 1}: ${'electronic equipment '.repeat(95)}`, notes: [{ kind: 'note', text: `Note to ${i + 1}` }], thresholds: [{ value: 3, unit: 'GHz' }] }));
    const line = JSON.stringify({ list: { items } });
    return Array.from({ length: 40 }, () => JSON.parse(line));
}

test('shared, the texts repeated in every edition are held once: 40 editions take little more than one', () => {
    const base = heapUsed();
    const plain = editions();
    const plainBytes = heapUsed() - base;
    const strings = new SharedStrings();
    const shared = editions().map(edition => strings.share(edition));
    const sharedBytes = heapUsed() - base - plainBytes;
    // 40 x 50 texts of 2,000 characters: 4 MB as parsed, 0.1 MB held once (and the items themselves).
    expect(plainBytes).toBeGreaterThan(4_000_000);
    expect(sharedBytes).toBeLessThan(plainBytes / 4);
    expect(shared).toEqual(plain);
});

test('values other than strings, arrays and plain objects are kept as they are', () => {
    const strings = new SharedStrings();
    const value = { a: 1, b: true, c: null, d: [2, 'x', { e: 'x', f: undefined }], g: '' };
    expect(strings.share(JSON.parse(JSON.stringify(value)))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(strings.share('y')).toBe('y');
});

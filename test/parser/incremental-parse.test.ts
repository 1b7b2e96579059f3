import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { type AstNode, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { reparseIncrementally } from '../../language/src/incremental-parse.js';
import { munitions, shapeOf } from './tree-shape.js';

// Reparsing only the block an edit falls in must give the tree a full parse gives: the same AST
// (types, properties, containers), the same CST (every leaf's offset, position, token type and
// AST node) and the same text. Random edit scripts, each edit applied to the tree the one before
// it left, and each result compared with a full parse of the same text.

const parser = createCldCoreServices().Cld.parser.LangiumParser;
const examples = path.resolve(__dirname, '..', '..', 'examples');
const dualUse = fs.readFileSync(path.join(examples, 'examplia', 'examplia-2025.cld'), 'utf-8');

const pieces = ['x', ' ', '\n', '"', '}', '{', ';', '0.5', ' GHz', 'item z "New" { frequency > 1 GHz }\n', '// c\n', '/*', '*/', "'local'", 'tier sensitive ', '\r\n', '\r', '`', 'é'];
const edit = fc.record({ at: fc.nat(), cut: fc.oneof(fc.constant(0), fc.nat({ max: 6 })), insert: fc.oneof(fc.constantFrom(...pieces), fc.constant('')) });

describe('incremental reparse', () => {
    for (const [name, start] of [['a dual-use list', dualUse], ['a munitions list', munitions]] as const) {
        test(`random edit scripts on ${name}: the same tree as a full parse`, () => {
            let incremental = 0;
            let full = 0;
            fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), edits => {
                let text = start;
                let result: ParseResult<AstNode> = parser.parse(text);
                for (const { at, cut, insert } of edits) {
                    const offset = at % (text.length + 1);
                    const next = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + cut));
                    const reparsed = reparseIncrementally(parser, result, text, next);
                    const expected = parser.parse(next);
                    if (reparsed) {
                        incremental++;
                        expect(shapeOf(reparsed)).toEqual(shapeOf(expected));
                    } else {
                        full++;
                    }
                    text = next;
                    result = reparsed ?? expected;
                }
            }), { numRuns: 80, seed: 20261206 });
            // The property says nothing unless both paths were taken often.
            expect(incremental).toBeGreaterThan(30);
            expect(full).toBeGreaterThan(30);
        });
    }

    /** The example parsed, then "New " typed at the start of the text after `needle`, and reparsed incrementally. */
    const typeNewAfter = (needle: string) => {
        const first = parser.parse(dualUse);
        const at = dualUse.indexOf('"', dualUse.indexOf(needle)) + 1;
        const next = dualUse.slice(0, at) + 'New ' + dualUse.slice(at);
        const reparsed = reparseIncrementally(parser, first, dualUse, next);
        expect(reparsed).toBeDefined();
        return { first, next, reparsed };
    };

    test('an edit inside an entry reparses that entry only; the nodes of other entries are kept', () => {
        const { first, reparsed } = typeNewAfter('entry 3A001');
        const codes = (root: AstNode) => [...(function* all(n: AstNode): Generator<AstNode> { yield n; for (const v of Object.values(n)) for (const c of Array.isArray(v) ? v : [v]) if (typeof c === 'object' && c?.$type && c !== n.$container && !String(Object.keys(n).find(k => n[k as keyof AstNode] === c)).startsWith('$')) yield* all(c); })(root)].filter(n => n.$type === 'Entry') as Array<AstNode & { code: string; text?: string }>;
        const before = codes(first.value);
        const after = codes(reparsed!.value);
        expect(after.map(e => e.code)).toEqual(before.map(e => e.code));
        const changed = after.filter((e, i) => e !== before[i]);
        expect(changed.map(e => e.code)).toEqual(['3A001']);
        expect(changed[0].text).toMatch(/^New /);
        expect(reparsed!.value).not.toBe(first.value);
    });

    test('an edit inside an item with a body reparses that item only: the entry is new, its other items are kept', () => {
        const { first, next, reparsed } = typeNewAfter('item b "Signal generators');
        const entryOf = (root: AstNode) => (function find(n: AstNode): AstNode | undefined {
            if ((n as { code?: string }).code === '3A001') return n;
            for (const child of (n as { members?: AstNode[] }).members ?? []) { const found = find(child); if (found) return found; }
            return undefined;
        })(root) as AstNode & { members: Array<AstNode & { text?: string }> };
        const before = entryOf(first.value);
        const after = entryOf(reparsed!.value);
        // (Compared as booleans: a failing toBe would try to print two syntax trees.)
        expect(after === before).toBe(false);
        expect(after.members[0] === before.members[0]).toBe(true);
        expect(after.members[1] === before.members[1]).toBe(false);
        expect(after.members[1].text).toMatch(/^New Signal/);
        expect(shapeOf(reparsed!)).toEqual(shapeOf(parser.parse(next)));
    });

    test('an edit that opens a string or crosses two entries is parsed whole', () => {
        const first = parser.parse(dualUse);
        const at = dualUse.indexOf('"', dualUse.indexOf('entry 3A001')) + 1;
        expect(reparseIncrementally(parser, first, dualUse, dualUse.slice(0, at) + '"' + dualUse.slice(at))).toBeUndefined();
        const from = dualUse.indexOf('entry 3A001');
        const to = dualUse.indexOf('entry', from + 5) + 3;
        expect(reparseIncrementally(parser, first, dualUse, dualUse.slice(0, from + 3) + dualUse.slice(to))).toBeUndefined();
    });
});

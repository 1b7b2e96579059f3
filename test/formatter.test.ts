import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatCld } from '../language/src/formatter/format.js';

const nonBlank = (s: string) => s.replace(/\s+/g, '');
const exampleFiles = ['examplia/examplia-2024.cld', 'examplia/examplia-2025.cld', 'wa-excerpt/wa-2021-excerpt.cld', 'errors/diagnostics-demo.cld']
    .map(f => path.resolve(__dirname, '..', 'examples', f));

describe('formatter', () => {
    test('re-indents by brace depth and tidies blank lines', () => {
        const input = 'list "x"\n\n\n\ncategory 3 {\ngroup A {   \n  entry 3A001 "e" {\n item a "t"\n}\n      }\n}';
        expect(formatCld(input)).toBe('list "x"\n\ncategory 3 {\n    group A {\n        entry 3A001 "e" {\n            item a "t"\n        }\n    }\n}\n');
    });

    test('never touches text, multi-line texts or comments', () => {
        const input = 'list "a { b"\n/* {\n   keep   \n*/\ncategory 3 { // {\nentry `line one\n      line two {  ` ;\n}\n';
        const out = formatCld(input);
        expect(out).toContain('/* {\n   keep   \n*/');
        expect(out).toContain('`line one\n      line two {  `');
        expect(out).toContain('category 3 { // {\n    entry `line one');
        expect(out.endsWith('}\n')).toBe(true);
    });

    test('keeps CRLF line endings', () => {
        expect(formatCld('list "x"\r\ncategory 3 {\r\nentry 3A001;\r\n}')).toBe('list "x"\r\ncategory 3 {\r\n    entry 3A001;\r\n}\r\n');
    });

    test.each(exampleFiles)('is idempotent and loses nothing on %s', file => {
        const text = fs.readFileSync(file, 'utf-8');
        const once = formatCld(text);
        expect(formatCld(once)).toBe(once);
        expect(nonBlank(once)).toBe(nonBlank(text));
    });

    test('on any input, even broken: idempotent, and every non-blank character kept in order (property)', () => {
        const pieces = fc.constantFrom('{', '}', '"', '`', '\\', '/', '*', '//', '/*', '*/', '\n', '\r\n', ' ', '\t', 'item', 'a', '3B001', '\n\n\n');
        fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map(p => p.join('')), text => {
            const once = formatCld(text);
            expect(formatCld(once)).toBe(once);
            expect(nonBlank(once)).toBe(nonBlank(text));
        }), { numRuns: 2000 });
    });
});

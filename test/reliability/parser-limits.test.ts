import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { INCOMPLETE_CHECK } from '../../language/src/document-validator.js';
import { MAX_NESTING, tooDeep } from '../../language/src/parser-guard.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { cld } from '../cli/run-cld.js';

const header = 'list "Deep"\nid "D"\nnumbering wassenaar\ncategory 1 "C" {\ngroup A "G" {\nentry 1.A.1 "E" {\n';
function nested(depth: number): string {
    let text = header;
    for (let i = 0; i < depth; i++) text += `item ${i % 2 === 0 ? 'a' : '1'} "t" {\n`;
    return text + '}\n'.repeat(depth) + '}\n}\n}\n';
}

async function validate(text: string) {
    const { shared } = createCldCoreServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///t${Math.random()}.cld`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document.diagnostics ?? [];
}

describe('deep nesting', () => {
    test('200 nested items are one clear error at the brace that goes too deep, not a stack overflow', async () => {
        const diagnostics = await validate(nested(200));
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0].message).toContain(`at most ${MAX_NESTING} deep`);
        // Category, group and entry open three blocks; item k (0-based) opens block 4 + k on line 6 + k.
        expect(diagnostics[0].range.start.line).toBe(6 + (MAX_NESTING + 1 - 4));
    });

    test('nesting up to the limit still parses and validates', async () => {
        const diagnostics = await validate(nested(MAX_NESTING - 3));
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });

    test('braces inside texts, terms and comments do not count', () => {
        const braces = '{'.repeat(500);
        expect(tooDeep(`list "${braces}" // ${braces}\n/* ${braces} */ \`${braces}\` '${braces}'`)).toBeUndefined();
        expect(tooDeep('{'.repeat(MAX_NESTING + 1))).toBe(MAX_NESTING);
    });

    test('cld validate and cld diff report the position and exit non-zero', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-deep-'));
        try {
            const file = path.join(dir, 'deep.cld');
            fs.writeFileSync(file, nested(300));
            const validated = cld('validate', file);
            expect(validated.code).toBe(1);
            expect(validated.stdout).toMatch(/deep\.cld:\d+:\d+: error: Blocks nest more than 64 deep/);
            const diffed = cld('diff', file, file);
            expect(diffed.code).toBe(2);
            expect(diffed.stderr).not.toContain('internal error');
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    test('an empty file in cld diff is reported at 1:1, not -1:-1', () => {
        const { Cld } = createCldCoreServices(EmptyFileSystem);
        const parsed = parseFlatList(Cld, '');
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ line: 1, column: 1 });
    });
});

describe('validation fails closed', () => {
    test('160,000 findings in one file are all reported, not dropped', async () => {
        const items = Array.from({ length: 160000 }, (_, i) => `item ${i + 1} "t" { p < ${i} kg }`).join('\n');
        const text = `list "Many"\nid "M"\nnumbering wassenaar\nparameter p: length "P"\ncategory 1 "C" {\ngroup A "G" {\nentry 1.A.1 "E" {\n${items}\n}\n}\n}\n`;
        const diagnostics = await validate(text);
        expect(diagnostics.filter(d => d.code === 'unit-dimension').length + diagnostics.filter(d => d.severity === 1).length).toBeGreaterThan(160000);
    }, 120000);

    test('a rule that throws is an error on the file with its own code', async () => {
        const { shared, Cld } = createCldCoreServices(EmptyFileSystem);
        Cld.validation.ValidationRegistry.register({ ControlList: () => { throw new Error('boom'); } } as Parameters<typeof Cld.validation.ValidationRegistry.register>[0]);
        const document = shared.workspace.LangiumDocumentFactory.fromString('list "x"\n', URI.parse('memory:///throws.cld'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const failed = (document.diagnostics ?? []).filter(d => d.code === INCOMPLETE_CHECK);
        expect(failed).toHaveLength(1);
        expect(failed[0].severity).toBe(1);
        expect(failed[0].message).toContain('boom');
    });
});

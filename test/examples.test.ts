import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../language/src/cld-module.js';
import { collectCldFiles, validateFiles } from '../cli/src/validate-command.js';

const examples = path.resolve(__dirname, '..', 'examples');

async function findingsOf(...folders: string[]) {
    const { files } = collectCldFiles(folders.map(f => path.join(examples, f)));
    return { files, ...(await validateFiles(createCldCoreServices(NodeFileSystem), files)) };
}

describe('bundled examples', () => {
    test('the Examplia editions and the WA excerpt validate with no findings at all', async () => {
        const { files, findings } = await findingsOf('examplia', 'wa-excerpt');
        expect(files.length).toBe(3);
        expect(findings.map(f => `${path.basename(f.file)}:${f.line}: ${f.message}`)).toEqual([]);
    });

    test('the WA series and the conformance example validate with no findings at all', async () => {
        const { files, findings } = await findingsOf('wa-series', 'examplia-conformance');
        expect(files.length).toBe(5);
        expect(findings.map(f => `${path.basename(f.file)}:${f.line}: ${f.message}`)).toEqual([]);
    });

    test('the EU\'s Annex I (a real national list, made by scripts/make-eu-example.mjs) validates without errors and says where it comes from', async () => {
        const { files, findings } = await findingsOf('eu-dual-use');
        expect(files.length).toBe(1);
        expect(findings.filter(f => f.severity === 'error')).toEqual([]);
        const text = fs.readFileSync(files[0], 'utf8');
        expect(text).toContain('© European Union');
        expect(text).toContain('Commission Decision 2011/833/EU');
        expect(text).toContain('item f "Lithography equipment as follows:"');
    });

    test('the diagnostics demo shows every diagnostic it announces, and parses cleanly', async () => {
        const { findings } = await findingsOf('errors');
        const codes = new Set(findings.map(f => f.code));
        expect(codes.has('parsing-error') || codes.has('lexing-error')).toBe(false);
        for (const code of ['unknown-dimension', 'term-unused', 'code-format', 'code-category', 'term-undefined', 'label-sequence', 'label-kind', 'linking-error',
            'unit-dimension', 'negative-value', 'empty-threshold', 'contradictory-thresholds', 'unknown-unit', 'unit-not-preferred', 'duplicate-code',
            'tier-very-sensitive', 'tier-munitions', 'eccn-regime']) {
            expect(codes, code).toContain(code);
        }
    });

    test('a precedent link to a code the implemented WA edition lacks is reported', async () => {
        const services = createCldCoreServices(NodeFileSystem);
        const { files } = collectCldFiles([path.join(examples, 'wa-excerpt')]);
        const fs = await import('node:fs');
        const os = await import('node:os');
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-precedent-'));
        const national = path.join(dir, 'national.cld');
        fs.writeFileSync(national, `list "National"\nnumbering eccn\nimplements wassenaar "WA-LIST (21) 1"\ncategory 3 {\n    group B {\n        entry 3B001 "Equipment" precedent 3.B.1 {\n            item a "Epitaxy" precedent 3.B.1.q;\n        }\n    }\n}\n`);
        const { findings } = await validateFiles(services, [...files, national]);
        expect(findings.filter(f => f.code === 'unresolved-precedent').map(f => [path.basename(f.file), f.line])).toEqual([['national.cld', 7]]);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { DamagedWordFile, secIdChain } from '../../language/src/importer/ole-guard.js';
import { CldFormatter } from '../../server/src/formatter.js';
import { repositoryRoot } from '../cli/run-cld.js';

describe('damaged Word files', () => {
    test('a sector chain that loops through several sectors is refused, not followed until V8 aborts', () => {
        // 0 -> 1 -> 2 -> 0: word-extractor stopped only at a sector pointing at itself.
        expect(() => secIdChain([1, 2, 0], 0)).toThrow(DamagedWordFile);
        expect(() => secIdChain([1, 7], 0)).toThrow(/outside the file/);
        expect(secIdChain([1, 2, -2], 0)).toEqual([0, 1, 2]);
        expect(secIdChain([-2], 0)).toEqual([0]);
    });

    test('any chain table gives a finite chain or a DamagedWordFile', () => {
        fc.assert(fc.property(fc.array(fc.integer({ min: -4, max: 40 }), { minLength: 1, maxLength: 40 }), fc.nat(39), (table, start) => {
            try {
                const chain = secIdChain(table, start % table.length);
                expect(new Set(chain).size).toBe(chain.length);
            } catch (e) {
                expect(e).toBeInstanceOf(DamagedWordFile);
            }
        }));
    });

    const edition = path.resolve(repositoryRoot, '..', 'shared', 'data', 'wassenaar', 'WA-LIST-21-1');
    test.skipIf(!fs.existsSync(edition))('mutated Word parts never abort the importer: each ends with a result or a message naming the file', () => {
        // Each mutation runs `cld import` in a child process, so a native abort would be a clear
        // failure here (exit 133, or a signal) rather than a dead test runner.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-damaged-'));
        try {
            const folder = path.join(dir, 'WA-LIST-21-1');
            fs.mkdirSync(folder);
            for (const name of fs.readdirSync(edition)) fs.copyFileSync(path.join(edition, name), path.join(folder, name));
            const part = path.join(folder, '03 - Cat 1.doc');
            const original = fs.readFileSync(part);
            const seed = 20261127;
            fc.assert(fc.property(fc.array(fc.tuple(fc.nat(8191), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 24 }), changes => {
                const bytes = Buffer.from(original);
                for (const [at, value] of changes) bytes[at % bytes.length] = value;
                fs.writeFileSync(part, bytes);
                const run = spawnSync(process.execPath, [path.join(repositoryRoot, 'bin', 'cld.cjs'), 'import', folder, '-o', path.join(dir, 'out.cld')], { encoding: 'utf-8', timeout: 60000 });
                expect(run.error, 'the import finished within 60 s').toBeUndefined();
                expect(run.signal).toBeNull();
                expect([0, 1, 2]).toContain(run.status);
                if (run.status === 2) expect(run.stderr).toContain('Cat 1.doc');
                expect(run.stderr).not.toContain('internal error');
            }), { seed: Number(process.env.CLD_FUZZ_SEED ?? seed), numRuns: Math.max(12, Math.round(Number(process.env.CLD_FUZZ_RUNS ?? 0) / 20)) });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }, 600000);
});

describe('range formatting with a lone CR', () => {
    test('LSP counts a bare \\r as a line break, and so does the formatter: no text is lost', async () => {
        const text = 'list "x"\rcategory 3 "E" {\r\ngroup A "G" {\n      entry 3A001 "e"\r}\n}\n';
        const textDocument = TextDocument.create('memory:///cr.cld', 'cld', 1, text);
        const edits = await new CldFormatter().formatDocumentRange({ textDocument } as unknown as LangiumDocument, {
            textDocument: { uri: textDocument.uri }, range: { start: { line: 0, character: 0 }, end: { line: textDocument.lineCount - 1, character: 0 } }, options: { tabSize: 4, insertSpaces: true },
        });
        const formatted = TextDocument.applyEdits(textDocument, edits);
        expect(formatted.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        expect(formatted).toContain('        entry 3A001 "e"');
    });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cld, cldWith, repositoryRoot } from './run-cld.js';

// Runs the built CLI as a user would.
const root = repositoryRoot;
const examples = path.join(root, 'examples', 'examplia');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-diff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


const e2024 = path.join(examples, 'examplia-2024.cld');
const e2025 = path.join(examples, 'examplia-2025.cld');

describe('cld diff', () => {
    test('text: a changelog grouped by category', () => {
        const { code, stdout } = cld('diff', e2024, e2025);
        expect(code).toBe(0);
        expect(stdout).toMatch(/^EX-UCL-2024 -> EX-UCL-2025: 2 added, 1 removed, 1 renumbered, 3 reworded, 2 threshold, 1 tier \(1 tightened, 1 relaxed\)/);
        expect(stdout).toContain('Category 4 (1 reworded, 1 threshold (0 tightened, 1 relaxed))\n  4A003.b reworded: "Digital computers" having an Adjusted Peak Performance exceeding [-29-] {+70+} Weighted TeraFLOPS');
    });

    test('json, md and html, to stdout or a file; --exit-code says whether anything changed', () => {
        expect(JSON.parse(cld('diff', e2024, e2025, '--format', 'json').stdout).changes).toHaveLength(10);
        expect(cld('diff', e2024, e2025, '-f', 'md').stdout).toContain('# Changes from EX-UCL-2024 to EX-UCL-2025');
        const out = path.join(dir, 'report.html');
        expect(cld('diff', e2024, e2025, '-f', 'html', '-o', out).code).toBe(0);
        expect(fs.readFileSync(out, 'utf-8')).toMatch(/^<!DOCTYPE html>/);
        expect(cld('diff', e2024, e2025, '--exit-code').code).toBe(1);
        expect(cld('diff', e2024, e2024, '--exit-code')).toMatchObject({ code: 0, stdout: 'EX-UCL-2024 -> EX-UCL-2024: no changes\n' });
    });

    test("each file's parsed model is cached by its contents: read again, never stale, never trusted when damaged; --no-cache writes nothing", () => {
        const cache = path.join(dir, 'cache');
        const env = { CLD_CACHE_DIR: cache };
        const expected = cld('diff', e2024, e2025, '--no-cache').stdout;
        expect(fs.existsSync(cache)).toBe(false);
        expect(cldWith(env, 'diff', e2024, e2025, '--no-cache').stdout).toBe(expected);
        expect(fs.existsSync(cache)).toBe(false);
        expect(cldWith(env, 'diff', e2024, e2025).stdout).toBe(expected);
        const models = () => fs.readdirSync(cache).filter(f => f.startsWith('flat-')).sort();
        expect(models()).toHaveLength(2);
        // Read back: the same result, and nothing new written.
        expect(cldWith(env, 'diff', e2024, e2025).stdout).toBe(expected);
        expect(models()).toHaveLength(2);
        // A changed file is parsed again, under a key of its own.
        const changed = path.join(dir, 'examplia-2025-changed.cld');
        fs.writeFileSync(changed, fs.readFileSync(e2025, 'utf-8').replace('Weighted TeraFLOPS', 'Weighted TeraFLOPS or more'));
        expect(cldWith(env, 'diff', e2024, changed).stdout).toContain('{+or more+}');
        expect(models()).toHaveLength(3);
        // Damaged cache files are parsed again (and rewritten).
        for (const model of models()) fs.writeFileSync(path.join(cache, model), '{"items": 3');
        expect(cldWith(env, 'diff', e2024, e2025).stdout).toBe(expected);
    });

    test('bad input: a clear message and exit 2, never a crash', () => {
        expect(cld('diff', e2024)).toMatchObject({ code: 2, stderr: expect.stringContaining('name two .cld files') });
        expect(cld('diff', e2024, path.join(dir, 'missing.cld'))).toMatchObject({ code: 2, stderr: expect.stringContaining('missing.cld: no such file') });
        expect(cld('diff', e2024, e2025, '-f', 'pdf')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown format 'pdf'") });
        const broken = path.join(dir, 'broken.cld');
        fs.writeFileSync(broken, 'list "X"\ncategory 3 {\n  group A {\n    entry 3A001 "unterminated\n');
        const result = cld('diff', e2024, broken);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/broken\.cld:\d+:\d+: /);
        expect(result.stderr).toContain('has syntax errors');
        const binary = path.join(dir, 'binary.cld');
        fs.writeFileSync(binary, Buffer.from([0x6c, 0x69, 0xff, 0xfe, 0x00]));
        expect(cld('diff', binary, e2024)).toMatchObject({ code: 2, stderr: expect.stringContaining('not UTF-8') });
    });
});

describe('cld trend', () => {
    test('sums the diff of each consecutive pair, oldest first whatever the order given', () => {
        const { code, stdout } = cld('trend', e2025, e2024, '--format', 'json');
        expect(code).toBe(0);
        const trend = JSON.parse(stdout);
        expect(trend.editions.map((e: { id: string }) => e.id)).toEqual(['EX-UCL-2024', 'EX-UCL-2025']);
        expect(trend.steps).toHaveLength(1);
        expect(trend.totals).toMatchObject({ added: 2, removed: 1, tightened: 1, relaxed: 1 });
        expect(cld('trend', examples, '-f', 'html').stdout).toContain('<svg');
        expect(cld('trend', examples, '-f', 'md').stdout).toContain('| EX-UCL-2024 → EX-UCL-2025 |');
    });

    test('fewer than two editions: a clear message', () => {
        expect(cld('trend', e2024)).toMatchObject({ code: 2, stderr: expect.stringContaining('need at least two editions, found 1') });
        expect(cld('trend', dir)).toMatchObject({ code: 2 });
    });
});

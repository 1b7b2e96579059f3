import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cld, repositoryRoot } from '../cli/run-cld.js';

// The CLI with input and output a careless or hostile user gives it: pipes, links, devices,
// closed or full output, the same file twice, list text with markup and control characters.
const examplia = path.join(repositoryRoot, 'examples', 'examplia');
const old2024 = path.join(examplia, 'examplia-2024.cld');
const new2025 = path.join(examplia, 'examplia-2025.cld');
const cli = path.join(repositoryRoot, 'bin', 'cld.cjs');
let dir: string;

beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-io-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fifo(name: string): string | undefined {
    const file = path.join(dir, name);
    const made = spawnSync('mkfifo', [file]);
    return made.status === 0 ? file : undefined;
}

describe('input that is not a regular file', () => {
    test.each([['validate'], ['export'], ['diff'], ['trend']])('cld %s refuses a FIFO at once instead of hanging', command => {
        const pipe = fifo(`in-${command}.cld`);
        if (!pipe) return void console.warn('skipped: mkfifo is not available');
        const args = command === 'validate' || command === 'export' ? [pipe] : [pipe, new2025];
        const started = Date.now();
        const result = cld(command, ...args);
        expect(Date.now() - started).toBeLessThan(20000);
        expect(result.code).toBe(2);
        expect(result.stdout + result.stderr).toContain('not a regular file');
    });

    test('the same file named twice is checked once, with no stack trace', () => {
        const result = cld('validate', old2024, old2024, examplia);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('2 file(s) checked');
        expect(result.stderr).not.toMatch(/already present|at .*\.cjs/);
    });
});

describe('-o writes only what was asked', () => {
    test('a symbolic link is followed: the target is written, the link kept', () => {
        const target = path.join(dir, 'report.txt');
        const link = path.join(dir, 'link.txt');
        fs.writeFileSync(target, 'old');
        fs.symlinkSync(target, link);
        expect(cld('diff', old2024, new2025, '-o', link).code).toBe(0);
        expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(target, 'utf-8')).toContain('EX-UCL-2024 -> EX-UCL-2025');
    });

    test('a FIFO is written into, not replaced', () => {
        const pipe = fifo('out.fifo');
        if (!pipe) return void console.warn('skipped: mkfifo is not available');
        // A reader holds the FIFO open, as `cat` would on the other side.
        const reader = spawnSync('sh', ['-c', `cat "${pipe}" > "${pipe}.read" & node "${cli}" diff "${old2024}" "${new2025}" -o "${pipe}"; s=$?; wait; exit $s`], { encoding: 'utf-8', timeout: 30000 });
        expect(reader.status).toBe(0);
        expect(fs.lstatSync(pipe).isFIFO()).toBe(true);
        expect(fs.readFileSync(`${pipe}.read`, 'utf-8')).toContain('EX-UCL-2024 -> EX-UCL-2025');
    });

    test('a device is written into, never replaced; a full one is an error with exit 2', () => {
        if (!fs.existsSync('/dev/full')) return void console.warn('skipped: no /dev/full');
        const full = cld('diff', old2024, new2025, '-o', '/dev/full');
        expect(full.code).toBe(2);
        expect(full.stderr).toContain('no space left');
        expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
        expect(cld('diff', old2024, new2025, '-o', '/dev/null').code).toBe(0);
        expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    });

    test('a missing folder or a folder as target is a message and exit 2, not an internal error', () => {
        const missing = cld('diff', old2024, new2025, '-o', path.join(dir, 'no', 'such', 'x.md'));
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('does not exist');
        expect(missing.stderr).not.toContain('internal error');
        const folder = cld('trend', old2024, new2025, '-o', dir);
        expect(folder.code).toBe(2);
        expect(folder.stderr).toContain('is a folder');
    });
});

describe('standard output that cannot be written', () => {
    test('validate > /dev/full exits 2 with a message, not 0 with the output lost', () => {
        if (!fs.existsSync('/dev/full')) return void console.warn('skipped: no /dev/full');
        const out = fs.openSync('/dev/full', 'w');
        try {
            const result = spawnSync(process.execPath, [cli, 'validate', path.join(repositoryRoot, 'examples', 'errors')], { stdio: ['ignore', out, 'pipe'], encoding: 'utf-8', timeout: 60000 });
            expect(result.status).toBe(2);
            expect(result.stderr).toContain('cannot write the output');
        } finally {
            fs.closeSync(out);
        }
    });

    test('a reader that goes away (| head -1) ends the command quietly with exit 2', () => {
        const big = path.join(dir, 'many-errors.cld');
        fs.writeFileSync(big, 'list "x"\nnumbering eccn\nparameter p: length "P"\ncategory 3 "E" {\ngroup A "G" {\nentry 3A001 "e" {\n' +
            Array.from({ length: 4000 }, (_, i) => `item ${'abcdefghijklmnopqrstuvwxyz'[i % 26]} "t" { p < ${i} kg }\n`).join('') + '}\n}\n}\n');
        // The findings (about 400 KB) outgrow the pipe, so cld is still writing when head has gone.
        const result = spawnSync('bash', ['-c', `node "${cli}" validate "${big}" | head -1 > /dev/null; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf-8', timeout: 60000 });
        expect(result.stdout.trim()).toBe('status 2');
        expect(result.stderr).not.toMatch(/EPIPE|at .*\.cjs|internal error/);
    });
});

describe('list text is text in every output', () => {
    const hostile = (year: string, text: string) => `list "Hostile"\nid "H-${year}"\nedition "${year}"\nnumbering eccn\ncategory 3 "E" {\ngroup A "G" {\nentry 3A001 "Entry" {\nitem a "${text}"\n}\n}\n}\n`;
    let before: string;
    let after: string;
    beforeAll(() => {
        before = path.join(dir, 'h1.cld');
        after = path.join(dir, 'h2.cld');
        fs.writeFileSync(before, hostile('2024', 'plain'));
        fs.writeFileSync(after, hostile('2025', '<img src=x onerror=alert(1)> [x](javascript:alert(1)) \u001b[31mred'));
    });

    test.each([['diff'], ['trend']])('cld %s --format md escapes HTML and links', command => {
        const result = cld(command, before, after, '--format', 'md');
        expect(result.code).toBe(0);
        expect(result.stdout).not.toMatch(/(^|[^\\])<img/m);
        expect(result.stdout).not.toContain('](javascript:');
    });

    test('cld export --format csv writes no formula', () => {
        const file = path.join(dir, 'formula.cld');
        fs.writeFileSync(file, hostile('2025', '=HYPERLINK(\\"http://x\\")'));
        const result = cld('export', file, '--format', 'csv');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
        expect(result.stdout.split('\r\n').some(line => line.split(',').some(cell => /^"?[=+@]/.test(cell)))).toBe(false);
    });

    test('terminal output shows control characters instead of sending them', () => {
        const result = cld('diff', before, after);
        expect(result.code).toBe(0);
        expect(result.stdout).not.toContain('\u001b');
        expect(result.stdout).toContain('\\x1b[31mred');
    });
});

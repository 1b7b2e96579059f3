import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cld, repositoryRoot } from './run-cld.js';

// Runs the built CLI as a user would.
const root = repositoryRoot;
let dir: string;


function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
}

const CLEAN = `list "Clean list"
numbering eccn
implements wassenaar "WA-LIST (21) 1"
parameter wavelength: length unit nm "Light source wavelength"
category 3 "Electronics" {
    group B "Test, Inspection and Production Equipment" {
        entry 3B001 "Semiconductor manufacturing equipment" tier dual-use {
            item a "Lithography equipment with a light source wavelength shorter than 193 nm" { wavelength < 193 nm }
            item b "Other equipment as follows" {
                item 1 "Equipment of kind one"
                see 3B001.a
            }
        }
    }
}
`;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-cli-'));
    if (!fs.existsSync(path.join(root, 'out', 'cli', 'main.mjs'))) throw new Error('out/cli/main.mjs is missing: run `npm run build` first (npm test does)');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cld validate', () => {
    test('a clean file exits 0', () => {
        const file = write('clean.cld', CLEAN);
        const r = cld('validate', file);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(0);
        expect(r.stderr).toContain('1 file(s) checked: 0 error(s)');
    });

    test('errors exit 1 as file:line:col: severity: message [code]', () => {
        const file = write('broken.cld', CLEAN.replace('see 3B001.a', 'see 3B001.z'));
        const r = cld('validate', file);
        expect(r.code).toBe(1);
        const line = r.stdout.split('\n').find(l => l.includes('3B001.z'));
        expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:11:21: error: .*3B001\\.z.* \\[[a-z-]+\\]$`));
    });

    test('--format json prints an array of findings with 1-based positions', () => {
        const file = write('broken.cld', CLEAN.replace('see 3B001.a', 'see 3B001.z'));
        const r = cld('validate', file, '--format', 'json');
        expect(r.code).toBe(1);
        const findings = JSON.parse(r.stdout);
        expect(Array.isArray(findings)).toBe(true);
        const finding = findings.find((f: { message: string }) => f.message.includes('3B001.z'));
        expect(finding).toMatchObject({ file, line: 11, column: 21, endLine: 11, endColumn: 28, severity: 'error' });
        expect(typeof finding.code).toBe('string');
    });

    test('--format sarif prints a SARIF 2.1.0 log', () => {
        const file = write('broken.cld', CLEAN.replace('see 3B001.a', 'see 3B001.z'));
        const r = cld('validate', file, '--format', 'sarif');
        expect(r.code).toBe(1);
        const log = JSON.parse(r.stdout);
        expect(log.version).toBe('2.1.0');
        const result = log.runs[0].results.find((x: { message: { text: string } }) => x.message.text.includes('3B001.z'));
        expect(result.level).toBe('error');
        expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 11, startColumn: 21 });
        expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain(result.ruleId);
        // Each rule says what it means and links to its line in docs/diagnostics.md.
        const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === result.ruleId);
        expect(rule.shortDescription.text).toMatch(/names nothing in this list/);
        expect(rule.helpUri).toMatch(/^file:\/\/.*\/docs\/diagnostics\.md#L\d+$/);
        const line = Number(rule.helpUri.split('#L')[1]);
        expect(fs.readFileSync(path.resolve(__dirname, '../../docs/diagnostics.md'), 'utf8').split('\n')[line - 1]).toContain(`\`${result.ruleId}\``);
    });

    test('folders are searched recursively for .cld files', () => {
        write('tree/a/one.cld', CLEAN);
        write('tree/b/two.cld', CLEAN.replace('"Clean list"', '"Other list"'));
        write('tree/b/readme.txt', 'not a list');
        const r = cld('validate', path.join(dir, 'tree'));
        expect(r.code).toBe(0);
        expect(r.stderr).toContain('2 file(s) checked');
    });

    test('an empty file is a syntax error with a position, not a crash', () => {
        const file = write('empty.cld', '');
        const r = cld('validate', file);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/empty\.cld:1:1: error: The file has no list header/);
    });

    test('garbage gives positioned diagnostics and exits 1', () => {
        const file = write('garbage.cld', 'list "x"\n}}}{{ item item 3.B.1 ### "open\n');
        const r = cld('validate', file);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/garbage\.cld:\d+:\d+: error: /);
        expect(r.stderr).not.toMatch(/internal error/);
    });

    test('a file that is not UTF-8 is a clear I/O error, exit 2', () => {
        const file = write('latin1.cld', Buffer.from([0x6c, 0x69, 0x73, 0x74, 0x20, 0x22, 0xe9, 0x22]));
        const r = cld('validate', file);
        expect(r.code).toBe(2);
        expect(r.stdout).toContain('latin1.cld:1:7: error: file is not UTF-8 text');
    });

    test('a file over the size limit is refused with a clear message, exit 2', () => {
        const file = write('huge.cld', Buffer.alloc(11 * 1024 * 1024, 0x20));
        const r = cld('validate', file);
        expect(r.code).toBe(2);
        expect(r.stdout).toMatch(/huge\.cld:1:1: error: file is 11\.0 MB; CLD reads files of at most 10 MB/);
    });

    test('a missing file exits 2', () => {
        const r = cld('validate', path.join(dir, 'nope.cld'));
        expect(r.code).toBe(2);
        expect(r.stdout).toContain('no such file or folder');
    });

    test('usage errors exit 2 with a message', () => {
        expect(cld('validate').code).toBe(2);
        const badFormat = cld('validate', '--format', 'xml', 'x.cld');
        expect(badFormat.code).toBe(2);
        expect(badFormat.stderr).toContain("unknown format 'xml'");
        // (Names an object has of its own, such as toString, are not commands either.)
        for (const unknown of ['frobnicate', 'toString', '__proto__', 'constructor']) {
            const r = cld(unknown);
            expect(r.code).toBe(2);
            expect(r.stderr).toContain(`unknown command '${unknown}'`);
        }
        expect(cld('validate', '--nope', 'x.cld').code).toBe(2);
    });

    test('--help lists the commands and exits 0', () => {
        const r = cld('--help');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('cld validate');
    });
});

// `cld import` and `cld export` on the real corpus (read in place; outputs go to a temp folder).
const corpusEdition = path.resolve(root, '../shared/data/wassenaar/WA-LIST-21-1');
describe.skipIf(!fs.existsSync(corpusEdition))('cld import and cld export on a WA edition', () => {
    let out: string;
    beforeAll(() => { out = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-import-cli-')); });
    afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

    test('import writes <list id>.cld that cld validate accepts, with a report', () => {
        const target = path.join(out, 'WA-LIST-21-1.cld');
        const imported = cld('import', corpusEdition, '--out', out, '--report', 'json');
        expect(imported.stderr).toContain('WA-LIST (21) 1');
        expect(imported.code).toBe(0);
        const report = JSON.parse(imported.stdout);
        expect(report.edition).toBe('WA-LIST (21) 1');
        expect(report.validation.errors).toBe(0);
        expect(report.counts.categories.length).toBe(31);
        expect(cld('validate', target).code).toBe(0);
        const csv = cld('export', target, '--format', 'csv');
        expect(csv.code).toBe(0);
        expect(csv.stdout.split('\r\n')[0]).toBe('code,text,reserved,tiers,thresholds,notes');
        expect(csv.stdout).toContain('3.B.1.f.1.a');
        const md = cld('export', target, '--format', 'md');
        expect(md.stdout).toMatch(/^# Wassenaar Arrangement List/);
        const json = JSON.parse(cld('export', target).stdout);
        expect(json.items.find((i: { code: string }) => i.code === '3.A.1.a.3').thresholds[0]).toMatchObject({ parameter: 'frequency', comparator: '>', value: '40', unit: 'MHz' });
    }, 120000);
});

describe('cld import and export refuse bad input clearly', () => {
    test('an empty edition folder: exit 2, the folder named, nothing written', () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'WA-LIST-21-1-'));
        const edition = path.join(empty, 'WA-LIST-21-1');
        fs.mkdirSync(edition);
        const result = cld('import', edition, '-o', path.join(empty, 'out.cld'));
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`${edition}: no Word, text or PDF files in this folder`);
        expect(fs.existsSync(path.join(empty, 'out.cld'))).toBe(false);
        fs.rmSync(empty, { recursive: true, force: true });
    });

    test('-o with --out or --all is refused before anything is read; --out names the folder of one import', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-import-out-'));
        for (const args of [['--all', folder, '-o', path.join(folder, 'x.cld')], [folder, '--out', folder, '-o', path.join(folder, 'x.cld')]]) {
            const result = cld('import', ...args);
            expect(result.code).toBe(2);
            expect(result.stderr).toMatch(/-o names one output file/);
        }
        const edition = path.join(folder, 'WA-LIST-21-1');
        fs.mkdirSync(edition);
        // An empty edition fails to read; the message is about the edition, not the options.
        expect(cld('import', edition, '--out', path.join(folder, 'out')).stderr).toContain('no Word, text or PDF files');
        expect(fs.readdirSync(folder)).toEqual(['WA-LIST-21-1']);
        fs.rmSync(folder, { recursive: true, force: true });
    });

    test('export of a file with syntax errors exits 1; a missing file exits 2', () => {
        const broken = write('broken.cld', 'list "x"\ncategory 3 {\n');
        expect(cld('export', broken).code).toBe(1);
        expect(cld('export', path.join(dir, 'missing.cld')).code).toBe(2);
    });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import WordExtractor from 'word-extractor';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cld, repositoryRoot } from './run-cld.js';

// The Word reports read back by word-extractor, a .doc/.docx reader CLD did not write.
const series = path.join(repositoryRoot, 'examples', 'wa-series');
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-word-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const body = async (file: string) => (await new WordExtractor().extract(file)).getBody();
/** The document's XML, to see how a change of words is marked (struck, underlined). */
const xml = async (file: string) => (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');

describe('reports in Word (--format docx, --memo FILE.docx)', () => {
    test('cld diff: a table per category, the words a rewording removed struck and those it added underlined', async () => {
        const out = path.join(dir, 'diff.docx');
        expect(cld('diff', path.join(series, 'wa-series-2017.cld'), path.join(series, 'wa-series-2019.cld'), '--format', 'docx', '-o', out).code).toBe(0);
        const text = await body(out);
        expect(text).toContain('WA-SERIES (17) 1 -> WA-SERIES (19) 1: 4 changes.');
        expect(text).toContain('Item\tChange\tWhat changed');
        expect(text).toContain('4.A.3.a\tthreshold relaxed\trelaxed: app > 8 WT -> app > 29 WT');
        const document = await xml(out);
        expect(document).toMatch(/<w:strike\/>.*?<w:t[^>]*>8 <\/w:t>/s);
        expect(document).toMatch(/<w:u [^>]*\/>.*?<w:t[^>]*>29 <\/w:t>/s);
    });

    test('cld conformance: the summary and each kind of finding as tables', async () => {
        const out = path.join(dir, 'conformance.docx');
        expect(cld('conformance', path.join(repositoryRoot, 'examples', 'examplia-conformance', 'examplia-2020.cld'), '--precedents', series, '--format', 'docx', '-o', out).code).toBe(0);
        const text = await body(out);
        expect(text).toContain('Conformance: EX-CONF-2020 against WA-SERIES (19) 1');
        expect(text).toContain('controls less (gap)\t1');
        expect(text).toContain('3A001.a.2\t3.A.1.a.2\t');
        expect(cld('conformance', path.join(repositoryRoot, 'examples', 'examplia-conformance', 'examplia-2020.cld'), '--format', 'docx').stderr).toContain('give -o <file.docx>');
    });

    test('cld history: the versions, each with its change of words, and the changes', async () => {
        const out = path.join(dir, 'history.docx');
        expect(cld('history', '4.A.3.a', '--precedents', series, '--format', 'docx', '-o', out).code).toBe(0);
        const text = await body(out);
        expect(text).toContain('4.A.3.a: WA precedent');
        expect(text).toContain('2014-2017\t4.A.3.a\t');
        expect(text).toContain('2019\tWA-SERIES (19) 1\t4.A.3.a\tthreshold app relaxed > 8 WT -> > 29 WT');
    });

    test('cld follow --memo FILE.docx: what was taken over, in a table', async () => {
        const start = path.join(dir, 'start.cld');
        expect(cld('new', '--from', path.join(series, 'wa-series-2017.cld'), '-o', start, '--id', 'EX').code).toBe(0);
        const memo = path.join(dir, 'memo.docx');
        expect(cld('follow', start, '--to', 'WA-SERIES (19) 1', '--precedents', series, '-o', path.join(dir, 'next.cld'), '--memo', memo).code).toBe(0);
        const text = await body(memo);
        expect(text).toContain('EX: from WA-SERIES (17) 1 to WA-SERIES (19) 1');
        expect(text).toContain('2 taken over, 0 waiting for a decision');
        expect(text).toContain('4A003.a (WA 4.A.3.a)\t');
        expect(text).toContain('WA: app > 8 WT -> app > 29 WT; national: app > 8 WT');
    });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cld, repositoryRoot } from './run-cld.js';

// The illustrative WA series of the examples (2012, 2014, 2017, 2019) and a national list implementing its 2019 edition.
const series = join(repositoryRoot, 'examples', 'wa-series');
let scratch: string;
let listFile: string;

const NATIONAL = (implementsLine: string) => `list "Examplia test list"
id "EX-TEST"
numbering eccn
${implementsLine}

parameter frequency: frequency unit GHz
parameter pout: power unit W
parameter app: performance unit WT

category 3 {
    group A {
        entry 3A001 "Electronic items as follows:" {
            item a "Microwave or millimetre wave items, as follows:" {
                item 1 "Microwave solid state amplifiers operating at frequencies exceeding 3.2 GHz;" { frequency > 3.2 GHz }
                item 2 "Microwave power modules with a peak saturated power output exceeding 20 W;" { pout > 20 W }
            }
        }
        entry 3A101 "Missile electronics";
    }
}
category 4 {
    group A {
        entry 4A003 "Digital computers and related equipment, as follows:" {
            item a \`Digital computers having an Adjusted Peak Performance exceeding 8 Weighted TeraFLOPS (WT);\` { app > 8 WT }
        }
    }
}
`;

beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'cld-conformance-'));
    listFile = join(scratch, 'national.cld');
    writeFileSync(listFile, NATIONAL('implements wassenaar "WA-SERIES (19) 1"\nimplements mtcr "MTCR 2019"'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('cld conformance', () => {
    test('reports gaps, items of other regimes and what follows an older WA edition, with a summary per category and group', () => {
        const result = cld('conformance', listFile, '--precedents', series);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^EX-TEST against WA-SERIES \(19\) 1: /);
        expect(result.stdout).toContain('3A001.a.2 (WA 3.A.1.a.2) controls less (gap)');
        expect(result.stdout).toContain('3A101 another regime (mtcr)');
        // 8 WT was the WA's limit in 2014 and 2017; it has been 29 WT since 2019.
        expect(result.stdout).toContain("4A003.a (WA 4.A.3.a) follows WA-SERIES (17) 1 (the WA's limits 2014-2017); the WA reads otherwise since 2019");
        expect(result.stdout).toContain('WA 3.B.1.a not covered');
        expect(result.stdout).toMatch(/^3A {3}.*controls less \(gap\)/m);
    });

    test('--exit-code fails on gaps; json, md, csv and html say the same', () => {
        expect(cld('conformance', listFile, '--precedents', series, '--exit-code').code).toBe(1);
        const json = JSON.parse(cld('conformance', listFile, '--precedents', series, '--format', 'json').stdout);
        expect(json.waId).toBe('WA-SERIES (19) 1');
        expect(json.findings.find((f: { nationalCode?: string }) => f.nationalCode === '4A003.a')).toMatchObject({ kind: 'older', follows: { listId: 'WA-SERIES (17) 1', since: 2019, by: 'limits' } });
        expect(cld('conformance', listFile, '--precedents', series, '--format', 'md').stdout).toContain('## controls less (gap) (1)');
        const csv = cld('conformance', listFile, '--precedents', series, '--format', 'csv').stdout.split('\r\n');
        expect(csv[0]).toBe('finding,category,group,wa_code,national_code,wa_text,wa_thresholds,national_text,national_thresholds,regime,follows');
        expect(csv.some(row => row.startsWith('narrower,3,3A,3.A.1.a.2,3A001.a.2,'))).toBe(true);
        const html = join(scratch, 'report.html');
        expect(cld('conformance', listFile, '--precedents', series, '--format', 'html', '-o', html).code).toBe(0);
        const page = readFileSync(html, 'utf8');
        expect(page).toContain('<svg');
        expect(page).toContain('Conformance: EX-TEST against WA-SERIES (19) 1');
    });

    test('a list that implements no WA edition, or one not in the folder, is told so and still reported on', () => {
        const none = join(scratch, 'none.cld');
        writeFileSync(none, NATIONAL(''));
        const result = cld('conformance', none, '--precedents', series);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('implements no WA edition');
        expect(result.stdout).toContain('3A101 another regime (mtcr)');
        const missing = cld('conformance', listFile, '--precedents', series, '--against', 'WA-LIST (25) 1');
        expect(missing.stdout).toContain('WA-LIST (25) 1 is not among the 4 WA editions of');
        expect(cld('conformance', listFile, '--precedents', join(scratch, 'nowhere')).stdout).toContain('no WA editions: no folder');
        expect(cld('conformance', listFile, '--format', 'pdf').code).toBe(2);
    });
});

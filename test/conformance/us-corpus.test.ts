import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ConformanceReport } from '../../language/src/conformance/conformance.js';
import type { SheetImport } from '../../language/src/sheets/import-sheet.js';
import { corpusPresent, sharedData, sheetAgainstWa2025 } from '../corpus/national-check.js';
import { usRows } from '../corpus/national-rows.js';

// The US Commerce Control List (eCFR of 2026-07-23; full text for categories 1, 3, 4 and 5) and the WA editions, read in place.
const usFile = join(sharedData, 'us', 'ccl-15cfr774-supp1-2026-07-23.json');
const present = corpusPresent(usFile);
if (!present) console.warn(`US list or WA editions not found under ${sharedData}: the US conformance test is skipped.`);

let imported: SheetImport;
let report: ConformanceReport;

beforeAll(async () => {
    if (present) ({ imported, report } = await sheetAgainstWa2025(usRows(usFile), 'CCL', ['ECCN', 'Description', 'Notes'], {}));
}, 240000);

describe.skipIf(!present)('the US Commerce Control List (categories 1, 3, 4, 5), from a spreadsheet, against WA 2025', () => {
    test('imports from the sheet (ECCN numbering) and validates without errors', () => {
        expect(imported.rows).toBeGreaterThan(1700);
        expect(imported.errors).toEqual([]);
        expect(imported.text).toContain('numbering eccn');
    });

    test('the categories the dataset has no text for are not compared, and said so', () => {
        expect(report.problems).toContain('the list has no categories 2, 6, 7, 8, 9: their WA items are not compared');
        expect(report.findings.filter(f => ['2', '6', '7', '8', '9'].includes(f.category))).toEqual([]);
    });

    test('findings verified by reading both texts', () => {
        const of = (code: string) => report.findings.find(f => f.waCode === code);
        const national = (code: string) => report.findings.find(f => f.nationalCode === code && !f.waCode);
        // 3B001.f.1.a, "A light source wavelength shorter than 193 nm; or", in both.
        expect(of('3.B.1.f.1.a')?.kind).toBe('equal');
        // The US 3B001.f.1.b is not the WA's: the MRF limit of 45 nm gave way to sub-items on a 'dedicated chuck overlay'.
        expect(of('3.B.1.f.1.b')).toMatchObject({ kind: 'other-limits', nationalThresholds: ['wavelength >= 193 nm'] });
        expect(report.findings.find(f => f.nationalCode === '3B001.f.1.b.2')?.nationalText).toMatch(/dedicated chuck overlay/);
        // 3A002.c.2: the US signal analysers read as WA 2021's, -150 dBm/Hz up to 90 GHz (its "−" a minus sign);
        // WA 2025 reads -160 dBm/Hz up to 110 GHz.
        expect(of('3.A.2.c.2')).toMatchObject({ kind: 'older', follows: { listId: 'WA-LIST (21) 1', by: 'limits', since: 2025 } });
        // 3A001.b.10's phase-noise formula, written "− (126 + 20log 10 F − 20log 10 f)", is the WA's.
        expect(of('3.A.1.b.10')?.kind).toBe('reworded');
        // ECCN 1C350 (Australia Group precursors) is another regime's; 3A090 (US advanced computing) is US only.
        expect(national('1C350')).toMatchObject({ kind: 'other-regime', regime: 'australia-group' });
        expect(national('3A090')?.kind).toBe('national-only');
        // The resistivity "2 × 10 −4 ohm cm" of 1C003.c.3.b is read as 2e-4, as the WA's: no gap.
        expect(of('1.C.3.c.3.b')?.nationalThresholds).toEqual(['resistivity >= 2e-4 ohm.cm']);
        // 4A001.a.1 is "[Reserved]" in the CCL: the WA item is not covered there.
        expect(of('4.A.1.a.1')).toMatchObject({ kind: 'not-covered', nationalCode: '4A001.a.1' });
        expect(report.findings.filter(f => f.kind === 'equal').length).toBeGreaterThan(250);
    });
});

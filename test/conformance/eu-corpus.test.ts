import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import type { ConformanceReport } from '../../language/src/conformance/conformance.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import type { SheetImport } from '../../language/src/sheets/import-sheet.js';
import { corpusPresent, sharedData, sheetAgainstWa2025 } from '../corpus/national-check.js';
import { euRows } from '../corpus/national-rows.js';

// The EU's Annex I (consolidated 2025-11-15) and the WA editions, read in place from ../shared/data.
const euFile = join(sharedData, 'eu', 'annex-i-2021-821-consolidated-2025-11-15.json');
const present = corpusPresent(euFile);
if (!present) console.warn(`EU list or WA editions not found under ${sharedData}: the EU conformance test is skipped.`);

let imported: SheetImport;
let report: ConformanceReport;

beforeAll(async () => {
    if (present) ({ imported, report } = await sheetAgainstWa2025(euRows(euFile), 'Annex I', ['code', 'text', 'notes'], { decimalComma: true }));
}, 240000);

describe.skipIf(!present)('the EU\'s Annex I (2025-11-15), from a spreadsheet, against WA 2025', () => {
    test('imports from the sheet: every row read, and the list validates without errors', () => {
        expect(imported.rows).toBeGreaterThan(3400);
        expect(imported.errors).toEqual([]);
        // 9A004.f.2's Technical Note, whose paragraphs the dataset numbers as items, stays a note.
        expect(imported.text).toContain('1. Command sequence confirmation;');
    });

    test('examples/eu-dual-use is this import (run scripts/make-eu-example.mjs again when the sheet import changes)', () => {
        const { Cld } = createCldCoreServices();
        const items = (text: string) => { const parsed = parseFlatList(Cld, text); if (!parsed.ok) throw new Error('unparsable'); return parsed.list.items; };
        const example = readFileSync(resolve(__dirname, '../../examples/eu-dual-use/eu-annex-i-2025-11-15.cld'), 'utf8');
        expect(items(example)).toEqual(items(imported.text));
    });

    test('findings verified by reading both texts', () => {
        const of = (code: string) => report.findings.find(f => f.waCode === code);
        const national = (code: string) => report.findings.find(f => f.nationalCode === code && !f.waCode);
        expect(report.problems).toContain('the list has no munitions categories: the WA Munitions List is not compared');
        // 3B001.f.1.a, "A light source wavelength shorter than 193 nm; or", word for word in both.
        expect(of('3.B.1.f.1.a')?.kind).toBe('equal');
        // WA 2025 split 3.C.3.a's purity into sub-items ("having all of the following: 1. A purity (metal
        // basis) greater (better) than 99.999%; and 2. ..."); the EU keeps the 2007-2021 sentence "having a
        // purity (metal basis) greater (better) than 99,999 %": it follows WA 2021.
        expect(of('3.C.3.a')).toMatchObject({ kind: 'older', follows: { listId: 'WA-LIST (21) 1', by: 'limits', since: 2025 } });
        // The Australia Group's chemical precursors, and the EU's own 3B501 (no regime digit 5).
        expect(national('1C350')).toMatchObject({ kind: 'other-regime', regime: 'australia-group' });
        expect(national('3B501')?.kind).toBe('national-only');
        // The formula of 3.A.1.b.12.a written the EU's way ("505,62 W × GHz2/fGHz2") is the WA's ("505.62 W*GHz²/fGHz²").
        expect(of('3.A.1.b.12.a')?.kind).toBe('reworded');
        // No WA item of the dual-use list is controlled less by the EU.
        expect(report.findings.filter(f => f.kind === 'narrower').map(f => f.waCode)).toEqual([]);
        expect(report.findings.filter(f => f.kind === 'equal').length).toBeGreaterThan(1000);
    });
});

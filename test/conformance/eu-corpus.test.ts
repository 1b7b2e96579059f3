import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { checkConformance, type ConformanceReport } from '../../language/src/conformance/conformance.js';
import { PrecedentHistory, precedentEdition } from '../../language/src/history/lineage.js';
import { importAndCheck } from '../../language/src/importer/import-edition.js';
import { flattenEdition } from '../../language/src/model/flat-items.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { importSheet, type SheetImport } from '../../language/src/sheets/import-sheet.js';

// The EU's Annex I (consolidated 2025-11-15) and the WA editions, read in place from ../shared/data.
const data = resolve(__dirname, '../../../shared/data');
const euFile = join(data, 'eu', 'annex-i-2021-821-consolidated-2025-11-15.json');
const wa = join(data, 'wassenaar');
const present = existsSync(euFile) && existsSync(join(wa, 'WA-LIST-25-1-Corr')) && existsSync(join(wa, 'WA-LIST-21-1'));
if (!present) console.warn(`EU list or WA editions not found under ${data}: the EU conformance test is skipped.`);

/**
 * The EU's list as a drafter's spreadsheet holds it: one row per code (code, text, notes), from the
 * dataset's lines "3B001.f.1.a A light source wavelength ...". Two quirks of the dataset are read as
 * the Official Journal numbers them: 1C010.e's sub-items written 1C010.1 and 1C010.1.2.
 */
function euRows(): Array<{ code: string; text: string; notes: string }> {
    const json = JSON.parse(readFileSync(euFile, 'utf8')) as { entries: Array<{ verbatim_text: string }> };
    const rows: Array<{ code: string; text: string; notes: string }> = [];
    const byCode = new Map<string, { code: string; text: string; notes: string }>();
    for (const entry of json.entries) {
        for (const line of entry.verbatim_text.split('\n')) {
            const match = /^(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)\s+(.*)$/.exec(line.trim());
            if (!match) continue;
            const code = match[1].replace(/^1C010\.1\.2(?=\.|$)/, '1C010.e.2').replace(/^1C010\.1(?=\.|$)/, '1C010.e.1');
            const rest = match[2];
            const row = byCode.get(code);
            if (/^(Notes?\b|N\.B\.|Technical Notes?\b|For the purposes? of\b)/.test(rest)) {
                if (row) row.notes = row.notes ? `${row.notes}\n${rest}` : rest;
            } else if (row) {
                row.text += ` ${rest}`;
            } else {
                const created = { code, text: rest, notes: '' };
                byCode.set(code, created);
                rows.push(created);
            }
        }
    }
    return rows;
}

let scratch: string;
let imported: SheetImport;
let report: ConformanceReport;

beforeAll(async () => {
    if (!present) return;
    scratch = mkdtempSync(join(tmpdir(), 'cld-eu-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Annex I');
    sheet.addRow(['code', 'text', 'notes']);
    for (const row of euRows()) sheet.addRow([row.code, row.text, row.notes]);
    const file = join(scratch, 'eu-annex-i.xlsx');
    await workbook.xlsx.writeFile(file);
    imported = await importSheet(file, { implementsWa: 'WA-LIST (25) 1 Corr.', decimalComma: true });
    const parsed = parseFlatList(createCldCoreServices().Cld, imported.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const editions = await Promise.all(['WA-LIST-21-1', 'WA-LIST-25-1-Corr'].map(async name => flattenEdition((await importAndCheck(join(wa, name))).model)));
    const history = new PrecedentHistory(editions.map((list, i) => ({ ...precedentEdition(`${i}.cld`, list), year: [2021, 2025][i] })));
    report = checkConformance({ national: parsed.list, wa: editions[1], history });
}, 240000);
afterAll(() => { if (scratch) rmSync(scratch, { recursive: true, force: true }); });

describe.skipIf(!present)('the EU\'s Annex I (2025-11-15), from a spreadsheet, against WA 2025', () => {
    test('imports from the sheet: every row read; the errors left are the dataset\'s own (a Technical Note\'s paragraphs numbered as items of 9A004.f.2)', () => {
        expect(imported.rows).toBeGreaterThan(3400);
        const lines = imported.text.split('\n');
        const errorItems = imported.errors.map(e => lines[e.line].trim().slice(0, 40));
        expect(imported.errors.filter(e => e.code === 'label-kind')).toHaveLength(4);
        expect(errorItems.filter((_, i) => imported.errors[i].code === 'label-kind')).toEqual(['item 1 "Command sequence confirmation;";', 'item 2 "Operational training;";', 'item 3 "Operational rehearsals; or";', 'item 4 "Operational analysis.";'].map(l => l.slice(0, 40)));
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

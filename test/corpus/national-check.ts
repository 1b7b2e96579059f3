/**
 * What the EU and US corpus tests do, as a drafter would: a national list's rows written to a
 * spreadsheet, `cld import` of the sheet, then the conformance check against WA 2025 (imported from
 * ../shared/data) with WA 2021 as its history. Both read the reference data in place.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { checkConformance, type ConformanceReport } from '../../language/src/conformance/conformance.js';
import { PrecedentHistory, precedentEdition } from '../../language/src/history/lineage.js';
import { importAndCheck } from '../../language/src/importer/import-edition.js';
import { flattenEdition } from '../../language/src/model/flat-items.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import { importSheet, type SheetImport } from '../../language/src/sheets/import-sheet.js';
import type { NationalRow } from './national-rows.js';

export const sharedData = resolve(__dirname, '../../../shared/data');
const wa = join(sharedData, 'wassenaar');

/** Whether the WA editions the check needs (2021, 2025) are there, and `files` too. */
export function corpusPresent(...files: string[]): boolean {
    return [...files, join(wa, 'WA-LIST-25-1-Corr'), join(wa, 'WA-LIST-21-1')].every(f => existsSync(f));
}

export async function sheetAgainstWa2025(rows: NationalRow[], sheetName: string, header: string[], options: { decimalComma?: boolean } = {}): Promise<{ imported: SheetImport; report: ConformanceReport }> {
    const scratch = mkdtempSync(join(tmpdir(), 'cld-national-'));
    try {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet(sheetName);
        sheet.addRow(header);
        for (const row of rows) sheet.addRow([row.code, row.text, row.notes]);
        const file = join(scratch, 'list.xlsx');
        await workbook.xlsx.writeFile(file);
        const imported = await importSheet(file, { implementsWa: 'WA-LIST (25) 1 Corr.', decimalComma: options.decimalComma });
        const parsed = parseFlatList(createCldCoreServices().Cld, imported.text);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        const editions = await Promise.all(['WA-LIST-21-1', 'WA-LIST-25-1-Corr'].map(async name => flattenEdition((await importAndCheck(join(wa, name))).model)));
        const history = new PrecedentHistory(editions.map((list, i) => ({ ...precedentEdition(`${i}.cld`, list), year: [2021, 2025][i] })));
        return { imported, report: checkConformance({ national: parsed.list, wa: editions[1], history }) };
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

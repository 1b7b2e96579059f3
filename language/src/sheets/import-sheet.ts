/**
 * `cld import list.xlsx|list.csv`: a national list from a spreadsheet, written as CLD only when
 * every row could be read, and validated as `cld validate` would; what the validator rejects is
 * taken back as for a WA edition (takeBackRejected: the texts stay).
 */
import * as path from 'node:path';
import { takeBackRejected, validateCld } from '../importer/import-edition.js';
import { type WrittenEdition, writeList } from '../importer/write-cld.js';
import { listFromRows } from './rows-to-list.js';
import { readSheetRows } from './sheet-rows.js';

export interface SheetImport {
    text: string;
    sheet: string;
    rows: number;
    emptyRows: number;
    errors: Array<{ line: number; message: string; code: string }>;
    warnings: string[];
}

export const SHEET_EXTENSIONS = ['.xlsx', '.csv'];

export function isSheet(file: string): boolean {
    return SHEET_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export async function importSheet(file: string, options: { sheet?: string; implementsWa?: string; decimalComma?: boolean; title?: string; id?: string } = {}): Promise<SheetImport> {
    const rows = await readSheetRows(file, options.sheet);
    const name = path.basename(file, path.extname(file));
    const list = listFromRows(rows, file, { title: options.title ?? name, id: options.id ?? name, implementsWa: options.implementsWa, decimalComma: options.decimalComma });
    const warnings: string[] = [];
    let written: WrittenEdition = writeList(list);
    let check = await validateCld(written.text, name);
    for (let round = 0; round < 4 && check.errors.length > 0; round++) {
        if (takeBackRejected(written, check, (where, message) => warnings.push(`${where}: ${message}`)) === 0) break;
        written = writeList(list);
        check = await validateCld(written.text, name);
    }
    return { text: written.text, sheet: rows.sheet, rows: rows.rows.length, emptyRows: rows.emptyRows, errors: check.errors, warnings };
}

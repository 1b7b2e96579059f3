/**
 * The rows of a national list kept in a spreadsheet (.xlsx) or a CSV file: a header row naming
 * the columns (code and text; tier, notes and precedent if present), then one row per entry or
 * item. Read with exceljs; a cell that is not plain text or a number (a formula, part of a merged
 * range) is refused with its sheet and row, as is a file that is not a readable workbook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worksheet } from 'exceljs';

export interface SheetRow {
    /** 1-based, as the spreadsheet numbers it. */
    row: number;
    code: string;
    text: string;
    tier?: string;
    notes?: string;
    precedent?: string;
}

export interface SheetRows {
    sheet: string;
    rows: SheetRow[];
    /** Rows left out because every cell was empty. */
    emptyRows: number;
}

export class SheetError extends Error {
    constructor(readonly file: string, readonly where: string | undefined, message: string) {
        super(`${file}${where ? ` (${where})` : ''}: ${message}`);
    }
}

type Column = keyof Omit<SheetRow, 'row'>;

/** The words a header cell may say for each column, compared in any case. */
const HEADERS: Record<Column, string[]> = {
    code: ['code', 'eccn', 'entry', 'control list entry', 'number', 'item code'],
    text: ['text', 'description', 'item text', 'wording'],
    tier: ['tier', 'tiers'],
    notes: ['notes', 'note'],
    precedent: ['precedent', 'wa code', 'wa precedent'],
};

/** Reads the rows of a .xlsx (the sheet named, else the first) or .csv file. */
export async function readSheetRows(file: string, sheetName?: string): Promise<SheetRows> {
    const extension = path.extname(file).toLowerCase();
    if (!fs.existsSync(file)) throw new SheetError(file, undefined, 'no such file');
    // Loaded when a sheet is read (most commands never do): half the CLI's bundle is exceljs and docx.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    let worksheet: Worksheet | undefined;
    try {
        if (extension === '.csv') worksheet = await workbook.csv.readFile(file, { parserOptions: { relax_column_count: true } } as never);
        else {
            await workbook.xlsx.readFile(file);
            worksheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
        }
    } catch (e) {
        // A password-protected workbook is an encrypted OLE container (D0 CF 11 E0), not a zip: exceljs cannot open it.
        if (extension !== '.csv' && isOleContainer(file)) throw new SheetError(file, undefined, 'the workbook is protected by a password (or is an old .xls file): save it as .xlsx without a password, then import it');
        throw new SheetError(file, undefined, `not a readable ${extension === '.csv' ? 'CSV file' : 'workbook (damaged, or protected by a password?)'}: ${(e as Error).message}`);
    }
    if (!worksheet) {
        const names = workbook.worksheets.map(w => w.name);
        throw new SheetError(file, undefined, sheetName ? `no sheet named "${sheetName}" (sheets: ${names.join(', ')})` : 'the workbook has no sheet');
    }
    return rowsOf(file, worksheet);
}

function isOleContainer(file: string): boolean {
    const head = Buffer.alloc(8);
    const fd = fs.openSync(file, 'r');
    try {
        fs.readSync(fd, head, 0, 8, 0);
    } finally {
        fs.closeSync(fd);
    }
    return head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

function rowsOf(file: string, worksheet: Worksheet): SheetRows {
    const sheet = worksheet.name;
    let columns: Partial<Record<Column, number>> | undefined;
    const rows: SheetRow[] = [];
    let emptyRows = 0;
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
        const cells = (row.values as unknown[]).slice(1);
        if (!columns) {
            columns = headerColumns(cells.map(c => plain(c)));
            const missing = (['code', 'text'] as const).filter(c => columns![c] === undefined);
            if (missing.length) throw new SheetError(file, `sheet "${sheet}", row ${number}`, `the header row has no ${missing.join(' or ')} column (it names: ${cells.map(c => plain(c)).filter(Boolean).join(', ') || 'nothing'})`);
            return;
        }
        const value = (column: Column): string | undefined => {
            const index = columns![column];
            if (index === undefined) return undefined;
            const cell = row.getCell(index + 1);
            const where = `sheet "${sheet}", row ${number}, ${column} column`;
            if (cell.isMerged && cell.master.address !== cell.address) throw new SheetError(file, where, `a merged cell (${cell.master.address}): unmerge it and give each row its own ${column}`);
            if (cell.formula !== undefined) throw new SheetError(file, where, `a formula (=${cell.formula}): paste its value instead`);
            return plain(cell.value).trim() || undefined;
        };
        const code = value('code');
        const text = value('text');
        if (code === undefined && text === undefined && !cells.some(c => plain(c).trim())) {
            emptyRows++;
            return;
        }
        if (code === undefined) throw new SheetError(file, `sheet "${sheet}", row ${number}`, 'no code');
        rows.push({ row: number, code, text: text ?? '', tier: value('tier'), notes: value('notes'), precedent: value('precedent') });
    });
    if (!columns) throw new SheetError(file, `sheet "${sheet}"`, 'the sheet is empty: it needs a header row naming a code and a text column');
    return { sheet, rows, emptyRows };
}

function headerColumns(cells: string[]): Partial<Record<Column, number>> {
    const columns: Partial<Record<Column, number>> = {};
    cells.forEach((cell, index) => {
        const name = cell.trim().toLowerCase();
        for (const [column, words] of Object.entries(HEADERS) as Array<[Column, string[]]>) {
            if (columns[column] === undefined && words.includes(name)) columns[column] = index;
        }
    });
    return columns;
}

/** A cell's value as text: rich text joined, numbers as written. */
function plain(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && 'richText' in (value as object)) return (value as { richText: Array<{ text: string }> }).richText.map(r => r.text).join('');
    if (typeof value === 'object' && 'text' in (value as object)) return String((value as { text: unknown }).text);
    if (typeof value === 'object' && 'result' in (value as object)) return String((value as { result: unknown }).result ?? '');
    return String(value);
}

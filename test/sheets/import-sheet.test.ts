import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { parseFlatList } from '../../language/src/model/parse-list.js';
import type { FlatList } from '../../language/src/model/flat-items.js';
import { listAsWorkbook } from '../../language/src/sheets/export-sheet.js';
import { importSheet } from '../../language/src/sheets/import-sheet.js';
import { cld } from '../cli/run-cld.js';

const { Cld } = createCldCoreServices();
let scratch: string;
beforeAll(() => { scratch = mkdtempSync(join(tmpdir(), 'cld-sheets-')); });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function flat(text: string): FlatList {
    const parsed = parseFlatList(Cld, text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.list;
}

/** The message a promise fails with (a test fails if it does not). */
async function failure(promise: Promise<unknown>): Promise<string> {
    return promise.then(() => 'no failure', (e: Error) => e.message);
}

function csv(name: string, lines: string[]): string {
    const file = join(scratch, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
}

async function xlsx(name: string, rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('List');
    for (const row of rows) sheet.addRow(row);
    edit?.(sheet);
    const file = join(scratch, name);
    await workbook.xlsx.writeFile(file);
    return file;
}

const ROWS = [
    'ECCN,Description,Tier,Notes',
    '3B001,"Equipment for the manufacturing of semiconductor devices, as follows:",,',
    '3B001.f,"Lithography equipment, as follows:",,',
    '3B001.f.1,"Align and expose step and repeat or step and scan equipment having any of the following:",sensitive,',
    '3B001.f.1.a,A light source wavelength shorter than 193 nm; or,,',
    '3B001.f.1.b,"A light source wavelength equal to or longer than 193 nm and a minimum resolvable feature size of 45 nm or less;",,"Technical Note: For the purposes of 3B001.f.1.b., the MRF is calculated by the formula."',
    '',
    'ML8.a,"""Explosives"" as follows:",,',
];

describe('a national list from a spreadsheet', () => {
    test('a CSV: the numbering from the codes, the nesting rebuilt, thresholds read from the texts, tiers and notes kept', async () => {
        const result = await importSheet(csv('list.csv', ROWS), { implementsWa: 'WA-LIST (25) 1 Corr.' });
        expect(result.errors).toEqual([]);
        expect(result.rows).toBe(6);
        const list = flat(result.text);
        expect(list.numbering).toBe('eccn');
        expect(list.implements).toEqual([{ regime: 'wassenaar', edition: 'WA-LIST (25) 1 Corr.' }]);
        expect(list.items.map(i => i.code)).toEqual(['3B001', '3B001.f', '3B001.f.1', '3B001.f.1.a', '3B001.f.1.b', 'ML8', 'ML8.a']);
        const item = (code: string) => list.items.find(i => i.code === code)!;
        expect(item('3B001.f.1.a').thresholds.map(t => `${t.parameter} ${t.comparator} ${t.value} ${t.unit}`)).toEqual(['wavelength < 193 nm']);
        expect(item('3B001.f.1.b').thresholds.map(t => `${t.parameter} ${t.comparator} ${t.value} ${t.unit}`)).toEqual(['wavelength >= 193 nm', 'minimum_resolvable_feature_size <= 45 nm']);
        expect(item('3B001.f.1.b').notes).toEqual([{ kind: 'technical-note', text: 'Technical Note: For the purposes of 3B001.f.1.b., the MRF is calculated by the formula.' }]);
        expect(item('3B001.f.1.a').tiers).toContain('sensitive');
        expect(item('ML8.a').text).toBe('"Explosives" as follows:');
    });

    test('a list that writes decimals with a comma is read with --decimal-comma; its phrases stay its own words', async () => {
        const file = csv('comma.csv', ['code,text', '1A003,"Films having a thickness exceeding 0,254 mm;"']);
        const read = flat((await importSheet(file, { decimalComma: true })).text).items[0].thresholds;
        expect(read).toMatchObject([{ comparator: '>', value: '0.254', unit: 'mm', text: 'exceeding 0,254 mm' }]);
        // Without it, "0,254" is no decimal.
        expect(flat((await importSheet(file)).text).items[0].thresholds.map(t => t.value)).not.toContain('0.254');
    });

    test('code order is the list\'s own numbering: 4A507 (no WA form) comes before 4D001', async () => {
        const result = await importSheet(csv('order.csv', ['code,text', '4A003,a', '4A507,b', '4D001,c']));
        expect(flat(result.text).items.map(i => i.code)).toEqual(['4A003', '4A507', '4D001']);
    });

    test('a row that keeps a label free ("[Reserved]", "Not used") is a reserved item, not one with that text', async () => {
        const result = await importSheet(csv('reserved.csv', ['code,text', '3B001,Equipment as follows:', '3B001.a,[Reserved]', '3B001.b,Not used', '3B001.c,Reserved equipment']));
        const items = flat(result.text).items;
        expect(items.map(i => [i.code, i.reserved ?? false, i.text ?? ''])).toEqual([['3B001', false, 'Equipment as follows:'], ['3B001.a', true, ''], ['3B001.b', true, ''], ['3B001.c', false, 'Reserved equipment']]);
    });

    test('round trip: a list exported as xlsx and imported again gives the same flat items', async () => {
        const first = flat((await importSheet(csv('round.csv', ROWS))).text);
        const workbook = join(scratch, 'round.xlsx');
        writeFileSync(workbook, await listAsWorkbook(first));
        const second = flat((await importSheet(workbook)).text);
        expect(second.items).toEqual(first.items);
    });

    test.each([
        ['no code column', ['Name,Description', 'x,y'], 'row 1): the header row has no code column'],
        ['a malformed code', ['code,text', '3B001,a', '3X01,b'], 'row 3: "3X01" is not a control list code'],
        ['a code given twice', ['code,text', '3B001,a', '3B001,b'], 'row 3: 3B001 is given twice'],
        ['codes out of order', ['code,text', '3B002,a', '3B001,b'], 'row 3: 3B001 comes after 3B002 (row 2)'],
        ['an item before its parent', ['code,text', '3B001,a', '3B001.f.1,b'], 'row 3: 3B001.f.1 has no row for 3B001.f before it'],
        ['mixed numberings', ['code,text', '3.B.1,a', '3B002,b'], 'ECCN codes (3B001) and WA dotted codes (3.B.1) are mixed'],
    ])('%s: the sheet and row are named, and nothing is written', (_, lines, message) => {
        const file = csv(`bad-${lines.length}-${message.length}.csv`, lines);
        const out = join(scratch, `bad-${message.length}.cld`);
        const result = cld('import', file, '-o', out);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(message);
        expect(result.stderr).toContain('sheet "');
        expect(existsSync(out)).toBe(false);
    });

    test('a formula, a merged cell, a damaged workbook or a sheet that is not there: told, nothing written', async () => {
        const formula = await xlsx('formula.xlsx', [['code', 'text'], ['3B001', 'a']], sheet => { sheet.getCell('B2').value = { formula: 'CONCAT("a","b")', result: 'ab' }; });
        expect(await failure(importSheet(formula))).toContain('row 2, text column): a formula (=CONCAT("a","b"))');
        const merged = await xlsx('merged.xlsx', [['code', 'text'], ['3B001', 'a'], ['3B002', '']], sheet => sheet.mergeCells('B2:B3'));
        expect(await failure(importSheet(merged))).toContain('row 3, text column): a merged cell (B2)');
        const damaged = join(scratch, 'damaged.xlsx');
        writeFileSync(damaged, Buffer.from('PK\u0003\u0004 not really a workbook'));
        expect(await failure(importSheet(damaged))).toMatch(/damaged\.xlsx: not a readable workbook \(damaged, or protected by a password\?\)/);
        expect(await failure(importSheet(formula, { sheet: 'Other' }))).toContain('no sheet named "Other" (sheets: List)');
        // Excel saves a workbook with a password as an encrypted OLE container.
        const locked = join(scratch, 'locked.xlsx');
        writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
        expect(await failure(importSheet(locked))).toContain('locked.xlsx: the workbook is protected by a password');
        const out = join(scratch, 'never.cld');
        expect(cld('import', damaged, '-o', out).code).toBe(2);
        expect(existsSync(out)).toBe(false);
    });

    test('cld import writes the list and cld export --format xlsx the sheet back', () => {
        const out = join(scratch, 'cli.cld');
        const result = cld('import', csv('cli.csv', ROWS), '-o', out, '--implements', 'WA-LIST (25) 1 Corr.', '--title', 'Examplia control list', '--id', 'EX-2026');
        expect(result.code).toBe(0);
        expect(readFileSync(out, 'utf8')).toContain('list "Examplia control list"\nid "EX-2026"\n');
        expect(result.stderr).toContain('(6 rows, 0 errors)');
        const sheet = join(scratch, 'cli.xlsx');
        expect(cld('export', out, '--format', 'xlsx', '-o', sheet).code).toBe(0);
        expect(existsSync(sheet)).toBe(true);
        expect(cld('export', out, '--format', 'xlsx').code).toBe(2);
    });
});

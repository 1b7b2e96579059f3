// Time and peak memory of `cld import` of a national list kept in a spreadsheet, at 500, 5,000 and
// 50,000 rows (generated: ten categories, five groups, entries of items and sub-items with
// thresholds in their texts), with ratios against the 500-row sheet measured in the same run;
// and, for each size, `cld export --format xlsx` of the list back (the way back to Excel).
// Usage: npm run build && node bench/sheet-import.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const ExcelJS = createRequire(import.meta.url)(join(root, 'node_modules', 'exceljs'));
const out = mkdtempSync(join(tmpdir(), 'cld-bench-sheet-'));

/** `rows` rows in code order: per entry a heading, items a-h, each with sub-items 1-3. */
async function writeSheet(file, rows) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const sheet = workbook.addWorksheet('List');
    sheet.addRow(['code', 'text', 'notes']).commit();
    let written = 0;
    outer: for (let category = 0; category <= 9; category++) {
        for (const group of 'ABCDE') {
            for (let number = 1; number <= 999; number++) {
                const entry = `${category}${group}${String(number).padStart(3, '0')}`;
                const add = (code, text, notes = '') => { sheet.addRow([code, text, notes]).commit(); return ++written >= rows; };
                if (add(entry, 'Equipment, as follows:')) break outer;
                for (const item of 'abcdefgh') {
                    if (add(`${entry}.${item}`, `Items having a frequency exceeding ${number}.${item.charCodeAt(0) - 96} GHz and any of the following:`)) break outer;
                    for (let sub = 1; sub <= 3; sub++) {
                        if (add(`${entry}.${item}.${sub}`, `An output power of ${sub * 10} W or more;`, sub === 3 ? 'Note: not for items specially designed for medical use.' : '')) break outer;
                    }
                }
            }
        }
    }
    await workbook.commit();
}

const run = (args) => {
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'bin', 'cld.cjs'), ...args], { encoding: 'utf-8', stdio: ['ignore', 'ignore', 'pipe'] });
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, peakMb: Number(result.stderr.trim().split('\n').pop()) / 1024, status: result.status, stderr: result.stderr };
};

console.log('rows\timport ms\tx base\tpeak MB\tx base\texport xlsx ms\tx base\texit');
let base;
for (const rows of [500, 5000, 50000]) {
    const sheet = join(out, `list-${rows}.xlsx`);
    await writeSheet(sheet, rows);
    const cld = join(out, `list-${rows}.cld`);
    const imported = run(['import', sheet, '-o', cld]);
    const exported = run(['export', cld, '--format', 'xlsx', '-o', join(out, `back-${rows}.xlsx`)]);
    base ??= { imported, exported };
    console.log([rows, imported.ms.toFixed(0), (imported.ms / base.imported.ms).toFixed(1), imported.peakMb.toFixed(0), (imported.peakMb / base.imported.peakMb).toFixed(1),
        exported.ms.toFixed(0), (exported.ms / base.exported.ms).toFixed(1), `${imported.status}/${exported.status}`].join('\t'));
    if (imported.status !== 0) console.log(imported.stderr.split('\n').slice(0, 5).join('\n'));
}
rmSync(out, { recursive: true, force: true });

/**
 * `cld export --format xlsx`: a list as a spreadsheet, one row per entry or item in list order,
 * with the columns `cld import` reads back (code, text, tier, notes, precedent) and the thresholds
 * read, for the reader (import reads the thresholds from the text again).
 */
import { thresholdSummary } from '../export/export-format.js';
import type { FlatList } from '../model/flat-items.js';

export async function listAsWorkbook(list: FlatList): Promise<Buffer> {
    // Loaded when a sheet is written (sheet-rows.ts says why).
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet((list.id ?? 'list').replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    sheet.columns = [
        { header: 'code', key: 'code', width: 18 }, { header: 'text', key: 'text', width: 80 }, { header: 'tier', key: 'tier', width: 16 },
        { header: 'notes', key: 'notes', width: 60 }, { header: 'precedent', key: 'precedent', width: 16 }, { header: 'thresholds (read from the text)', key: 'thresholds', width: 40 },
    ];
    for (const item of list.items) {
        // Cells are text, never formulas: a text that starts with "=" stays words.
        sheet.addRow({
            code: item.code, text: item.text ?? '', tier: item.tiers.filter(t => t !== 'dual-use' && t !== 'munitions').join(', '),
            notes: item.notes.map(n => n.text).join('\n'), precedent: item.precedent ?? '', thresholds: item.thresholds.map(thresholdSummary).join('; '),
        });
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Writes examples/eu-dual-use/eu-annex-i-2025-11-15.cld: the EU's dual-use list (Annex I to
// Regulation (EU) 2021/821, consolidated 15 November 2025) from ../shared/data, as a drafter would
// bring it in: one row per code in a spreadsheet, then `cld import` (the code of
// test/corpus/national-rows.ts and of the sheet import, bundled in memory). The EU permits reuse
// with acknowledgement of the source, which the file's header gives; it is the one file made from
// ../shared/data that the repository holds. Run again after a change to the sheet import.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import './node20-compat.mjs';

const data = path.resolve('..', 'shared', 'data', 'eu', 'annex-i-2021-821-consolidated-2025-11-15.json');
if (!fs.existsSync(data)) {
    console.error(`make-eu-example: ${data} not found (../shared/data beside the checkout)`);
    process.exit(2);
}
const entry = `
export { euRows } from './test/corpus/national-rows.ts';
export { importSheet } from './language/src/sheets/import-sheet.ts';
export { default as ExcelJS } from 'exceljs';`;
const bundle = await esbuild.build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'error' });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-eu-example-'));
try {
    const modulePath = path.join(scratch, 'bundle.cjs');
    fs.writeFileSync(modulePath, bundle.outputFiles[0].text);
    const { euRows, importSheet, ExcelJS } = (await import(modulePath)).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Annex I');
    sheet.addRow(['code', 'text', 'notes']);
    for (const row of euRows(data)) sheet.addRow([row.code, row.text, row.notes]);
    const file = path.join(scratch, 'eu-annex-i.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await importSheet(file, {
        implementsWa: 'WA-LIST (25) 1 Corr.', decimalComma: true,
        title: 'EU dual-use list: Annex I to Regulation (EU) 2021/821, consolidated 15 November 2025', id: 'EU-2021/821-ANNEX-I-2025-11-15',
    });
    if (result.errors.length > 0) throw new Error(`the import has ${result.errors.length} errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const header = [
        '// Source: Annex I to Regulation (EU) 2021/821 (the EU dual-use list), consolidated text of 15 November 2025.',
        '// © European Union, https://eur-lex.europa.eu. Reuse is authorised provided the source is acknowledged',
        '// (Commission Decision 2011/833/EU). Only the Official Journal of the European Union is authentic.',
        '// Made by scripts/make-eu-example.mjs: each code a row of a sheet, then `cld import --decimal-comma`;',
        '// thresholds were read from the texts. The entries of other regimes (ECCN 1xx-4xx, category 0) are kept.',
    ].join('\n');
    // The Annex's definitions of "double-quoted" terms, as the WA editions hold theirs: before the first category.
    const definitions = annexDefinitions(JSON.parse(fs.readFileSync(data, 'utf8')));
    const block = `definitions {\n${definitions.map(d => `    term ${quote(d.term)} ${quote(d.text)}`).join('\n')}\n}\n\n`;
    const text = result.text.replace(/^\/\/ Imported by[^\n]*\n/, `${header}\n`).replace(/^category /m, `${block}category `)
        // The Annex implements the other regimes' lists too (its codes' third character says whose).
        .replace(/^(implements wassenaar .*)$/m, '$1\nimplements mtcr\nimplements nsg\nimplements australia-group\nimplements cwc');
    const target = path.join('examples', 'eu-dual-use', 'eu-annex-i-2025-11-15.cld');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    console.log(`${target}: ${result.rows} rows, ${text.length} characters, 0 errors${result.warnings.length ? `, ${result.warnings.length} thresholds taken back` : ''}`);
} finally {
    fs.rmSync(scratch, { recursive: true, force: true });
}

/** `"Accuracy" (2 3 6 7) means ...` lines, each with the N.B. lines after it: term, and text with its categories first. */
function annexDefinitions(json) {
    const doc = json.docs.find(d => d.doc_type === 'definitions_annex');
    const definitions = [];
    for (const line of doc?.verbatim_text.split('\n') ?? []) {
        const match = /^"([^"]+)"\s*(?:\(([\d\s,]+)\))?\s*(.*)$/.exec(line.trim());
        if (match) definitions.push({ term: match[1], text: `${match[2] ? `[Cat ${match[2].trim().split(/[\s,]+/).join(', ')}] ` : ''}${match[3]}` });
        else if (definitions.length > 0 && /^N\.B\./.test(line.trim())) definitions[definitions.length - 1].text += ` ${line.trim()}`;
    }
    return definitions;
}

/** A CLD text: double-quoted with escapes (value-converter.ts reads them back). */
function quote(text) {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

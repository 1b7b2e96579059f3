import { basename, extname, join } from 'node:path';
import { importSheet, isSheet } from '../../language/src/sheets/import-sheet.js';
import { SheetError } from '../../language/src/sheets/sheet-rows.js';
import { parseArgs } from 'node:util';
import { findEditions } from '../../language/src/importer/edition.js';
import { ImportError } from '../../language/src/importer/errors.js';
import { importAndCheck, writeFileAtomically } from '../../language/src/importer/import-edition.js';
import { editionReport, reportText, type EditionReport } from '../../language/src/importer/import-report.js';
import { heapGrowthOnCommandLine, limitHeapGrowth } from '../../language/src/heap-growth.js';

/** How far the heap may grow between full collections when one process imports many editions. */
const IMPORT_HEAP_GROWING_PERCENT = 50;

export const IMPORT_USAGE = `Usage:
  cld import <edition folder or PDF> [-o FILE | --out DIR] [--report text|json]
  cld import --all <folder of editions> [--out DIR] [--report text|json]
  cld import <list.xlsx | list.csv> [--sheet NAME] [--implements "<WA list id>"] [--decimal-comma] [--title TEXT] [--id ID] [-o FILE]

Reads the official documents of a WA edition (Word .doc/.docx, catdoc text, or the PDF) and
writes it as one CLD file, <list id>.cld (for example WA-LIST-21-1.cld). Without -o the file
goes to the current folder, with --out DIR into DIR; --all writes every edition found to DIR
(default .cache/wa).
A national list kept in a spreadsheet (.xlsx, or .csv) becomes a CLD list: a header row names
the columns (code and text; tier, notes and precedent if given), codes in ECCN (3B001.f.1.a) or
WA (3.B.1.f.1.a) form give the nesting, thresholds are read from the texts. A row that cannot be
read is named with its sheet and row, and nothing is written. --decimal-comma reads "0,254 mm"
as 0.254 mm (the EU's lists). --title and --id name the list (default: the file's name).
Without -o the list goes to <name>.cld in the current folder.
Exit codes: 0 imported and valid, 1 an output has validation errors, 2 a document could not be read.`;

export async function importCommand(args: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({ args, allowPositionals: true, options: {
            output: { type: 'string', short: 'o' }, out: { type: 'string' }, all: { type: 'boolean' }, sheet: { type: 'string' }, implements: { type: 'string' }, 'decimal-comma': { type: 'boolean' }, title: { type: 'string' }, id: { type: 'string' },
            report: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    } catch (e) {
        console.error(`cld import: ${(e as Error).message}`);
        return 2;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        console.log(IMPORT_USAGE);
        return 0;
    }
    if (values.report !== undefined && values.report !== 'text' && values.report !== 'json') {
        console.error(`cld import: unknown report format '${values.report}' (use text or json)`);
        return 2;
    }
    if (positionals.length !== 1) {
        console.error(`cld import: name one edition folder or file${values.all ? ' (the folder holding the editions)' : ''}\n\n${IMPORT_USAGE}`);
        return 2;
    }
    if (!values.all && isSheet(positionals[0])) return importSheetCommand(positionals[0], values);
    if (values.output !== undefined && (values.all || values.out !== undefined)) {
        console.error(`cld import: -o names one output file; with ${values.all ? '--all' : '--out'} the files are named by their list ids (use --out DIR alone)`);
        return 2;
    }
    let sources: string[];
    try {
        sources = values.all ? findEditions(positionals[0]) : [positionals[0]];
    } catch (e) {
        console.error(`cld import: ${(e as Error).message}`);
        return 2;
    }
    // Many editions in one process: collected sooner, 380-430 -> 265 MB at most for the 27 WA
    // editions, for about a tenth more time (language/src/heap-growth.ts).
    if (sources.length > 1 && !heapGrowthOnCommandLine()) limitHeapGrowth(IMPORT_HEAP_GROWING_PERCENT);
    const outDir = values.out ?? '.cache/wa';
    const reports: EditionReport[] = [];
    let status = 0;
    for (const source of sources) {
        try {
            const result = await importAndCheck(source);
            const target = values.output ?? join(values.all || values.out !== undefined ? outDir : '.', `${result.model.fileId}.cld`);
            writeFileAtomically(target, result.text);
            const report = editionReport(result, target);
            reports.push(report);
            if (values.report === 'text') console.log(reportText(report) + '\n');
            console.error(`${result.model.listId}: ${target} (${summary(report)})`);
            if (result.check.errors.length > 0) {
                status = Math.max(status, 1);
                for (const error of result.check.errors.slice(0, 20)) console.error(`  ${target}:${error.line + 1}: error: ${error.message}`);
            }
        } catch (e) {
            if (!(e instanceof ImportError)) throw e;
            console.error(`cld import: ${e.message}`);
            status = 2;
        }
    }
    if (values.report === 'json') console.log(JSON.stringify(values.all ? reports : reports[0] ?? null, null, 2));
    return status;
}

async function importSheetCommand(file: string, values: { output?: string; sheet?: string; implements?: string; 'decimal-comma'?: boolean; title?: string; id?: string }): Promise<number> {
    try {
        const result = await importSheet(file, { sheet: values.sheet, implementsWa: values.implements, decimalComma: values['decimal-comma'], title: values.title, id: values.id });
        const target = values.output ?? `${basename(file, extname(file))}.cld`;
        writeFileAtomically(target, result.text);
        for (const warning of result.warnings) console.error(`cld import: ${warning}`);
        console.error(`${file} (sheet "${result.sheet}"): ${target} (${result.rows} rows${result.emptyRows ? `, ${result.emptyRows} empty rows left out` : ''}, ${result.errors.length} errors)`);
        for (const error of result.errors.slice(0, 20)) console.error(`  ${target}:${error.line + 1}: error: ${error.message}`);
        return result.errors.length > 0 ? 1 : 0;
    } catch (e) {
        if (!(e instanceof SheetError) && !(e instanceof ImportError)) throw e;
        console.error(`cld import: ${e.message}`);
        return 2;
    }
}

function summary(report: EditionReport): string {
    const items = report.counts.categories.reduce((n, c) => n + c.entries + c.items, 0);
    return `${items} items, ${report.counts.thresholds} thresholds from ${report.counts.phrasesSeen} phrases, ${report.validation.errors} errors, ${report.warnings.length} import warnings`;
}

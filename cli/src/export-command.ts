import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { flattenList } from '../../language/src/model/flat-items.js';
import { renderExport, type ExportFormat } from '../../language/src/export/export-format.js';
import type { ControlList } from '../../language/src/generated/ast.js';
import { formatText } from './findings-format.js';
import { FileError, writeOutputFile } from '../../language/src/files.js';
import { listAsWorkbook } from '../../language/src/sheets/export-sheet.js';
import { validateFiles } from './validate-command.js';

export const EXPORT_USAGE = `Usage: cld export <file.cld> [--format json|csv|md]
       cld export <file.cld> --format xlsx -o <file.xlsx>

Prints every item of the list, flattened in document order, with its code, text, tiers,
thresholds and notes. xlsx writes a spreadsheet (one row per entry or item: code, text, tier,
notes, precedent, and the thresholds read) that cld import reads back. A file with syntax errors
is refused (exit 1).`;

export async function exportCommand(args: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f', default: 'json' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } });
    } catch (e) {
        console.error(`cld export: ${(e as Error).message}`);
        return 2;
    }
    if (parsed.values.help) {
        console.log(EXPORT_USAGE);
        return 0;
    }
    const format = parsed.values.format as ExportFormat | 'xlsx';
    if (!['json', 'csv', 'md', 'xlsx'].includes(format)) {
        console.error(`cld export: unknown format '${format}' (use json, csv, md or xlsx)`);
        return 2;
    }
    if (format === 'xlsx' && !parsed.values.output) {
        console.error('cld export: a spreadsheet is written to a file: give -o <file.xlsx>');
        return 2;
    }
    if (parsed.positionals.length !== 1) {
        console.error(`cld export: name one .cld file\n\n${EXPORT_USAGE}`);
        return 2;
    }
    const file = parsed.positionals[0];
    const services = createCldCoreServices(NodeFileSystem);
    const { findings, ioFailures } = await validateFiles(services, [file]);
    if (ioFailures > 0) {
        console.error(formatText(findings));
        return 2;
    }
    const syntax = findings.filter(f => f.severity === 'error' && ['lexing-error', 'parsing-error', 'syntax'].includes(f.code));
    if (syntax.length > 0) {
        console.error(formatText(syntax));
        console.error(`cld export: ${file} has syntax errors; fix them first`);
        return 1;
    }
    const document = services.shared.workspace.LangiumDocuments.getDocument(URI.file(resolve(file)));
    const list = flattenList(document!.parseResult.value as ControlList);
    if (format !== 'xlsx') {
        process.stdout.write(renderExport(list, format));
        return 0;
    }
    try {
        writeOutputFile(parsed.values.output!, await listAsWorkbook(list));
        return 0;
    } catch (e) {
        if (!(e instanceof FileError)) throw e;
        console.error(`cld export: ${e.message}`);
        return 2;
    }
}

import { parseArgs } from 'node:util';
import { GAP_KINDS, checkConformance, implementedEdition } from '../../language/src/conformance/conformance.js';
import { CONFORMANCE_FORMATS, type ConformanceFormat, renderConformance } from '../../language/src/conformance/conformance-format.js';
import { FileError, writeOutputFile } from '../../language/src/files.js';
import { readPrecedents } from './precedents-option.js';
import { terminalSafe } from '../../language/src/text-safety.js';
import { conformanceBlocks, wordDocument } from '../../language/src/export/word-report.js';
import { flatCache, lazyParse, loadList } from './diff-command.js';

export const CONFORMANCE_USAGE = `Usage: cld conformance <list.cld> [--precedents DIR] [--against <list id>] [--format text|json|md|html|csv|docx] [-o FILE] [--exit-code] [--no-cache]

A national list against the WA edition it implements (its header's implements wassenaar "...",
or --against), item by item, paired as cld diff pairs items: each WA item covered and equal,
in other words, controlling more or less (a gap), with other limits, or not covered; each
national item left another regime's (ECCN 1xx-4xx, category 0) or national only; and a national
item that reads as an older WA version of its item, with the year the WA changed it. DIR is a
folder of WA editions in CLD (default .cache/wa, as cld import --all writes them). md is for a
memo, docx the same as a Word document (with -o), csv for a spreadsheet, html a standalone report with a chart, json the whole report.
Exit codes: 0 checked (with --exit-code: 0 no gaps, 1 gaps), 2 a file or the folder could not be read.`;

export async function conformanceCommand(args: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            args, allowPositionals: true,
            options: {
                precedents: { type: 'string', short: 'p' }, against: { type: 'string' }, format: { type: 'string', short: 'f', default: 'text' },
                output: { type: 'string', short: 'o' }, 'exit-code': { type: 'boolean' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
            },
        });
    } catch (e) {
        console.error(`cld conformance: ${(e as Error).message}\n\n${CONFORMANCE_USAGE}`);
        return 2;
    }
    if (parsed.values.help) {
        console.log(CONFORMANCE_USAGE);
        return 0;
    }
    const format = parsed.values.format as ConformanceFormat | 'docx';
    if (![...CONFORMANCE_FORMATS, 'docx'].includes(format)) {
        console.error(`cld conformance: unknown format '${format}' (use ${CONFORMANCE_FORMATS.join(', ')}, docx)`);
        return 2;
    }
    if (format === 'docx' && !parsed.values.output) {
        console.error('cld conformance: a Word document is written to a file: give -o <file.docx>');
        return 2;
    }
    if (parsed.positionals.length !== 1) {
        console.error(`cld conformance: name one list\n\n${CONFORMANCE_USAGE}`);
        return 2;
    }
    const [file] = parsed.positionals;
    const loaded = await loadList(lazyParse(), file, flatCache(parsed.values['no-cache']));
    if (!loaded.ok) {
        console.error(loaded.message);
        return 2;
    }
    const national = loaded.list;
    const problems: string[] = [];
    const library = readPrecedents('conformance', parsed.values.precedents, parsed.values['no-cache']);
    if (!library.ok && !library.missing) {
        console.error(`cld conformance: ${library.message}`);
        return 2;
    }
    // Without WA editions the report still lists the items of other regimes and the national ones.
    if (!library.ok) problems.push(`no WA editions: ${library.message}`);
    const history = library.ok ? library.history : undefined;
    const folder = library.folder;
    const chosen = implementedEdition(national, history, folder, parsed.values.against);
    problems.unshift(...chosen.problems);
    const wa = chosen.wa;
    const report = checkConformance({ national, wa, history, problems });
    const text = format === 'docx' ? await wordDocument(`Conformance: ${report.nationalId ?? file}${report.waId ? ` against ${report.waId}` : ''}`, conformanceBlocks(report)) : renderConformance(report, format);
    if (parsed.values.output) {
        try {
            writeOutputFile(parsed.values.output, text);
        } catch (e) {
            if (!(e instanceof FileError)) throw e;
            console.error(`cld conformance: ${e.message}`);
            return 2;
        }
    } else {
        process.stdout.write(format === 'text' ? terminalSafe(text as string) : text);
    }
    return parsed.values['exit-code'] && report.findings.some(f => GAP_KINDS.includes(f.kind)) ? 1 : 0;
}


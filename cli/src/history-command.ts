import { parseArgs } from 'node:util';
import { FileError, writeOutputFile } from '../../language/src/files.js';
import { HISTORY_FORMATS, type HistoryFormat, renderLineage } from '../../language/src/history/lineage-format.js';
import { lineageBlocks, wordDocument } from '../../language/src/export/word-report.js';
import { readPrecedents } from './precedents-option.js';
import { terminalSafe } from '../../language/src/text-safety.js';

export const HISTORY_USAGE = `Usage: cld history <code> [--precedents DIR] [--format text|json|md|html|docx] [-o FILE] [--no-cache]

The WA precedent of one item: its versions in every edition of DIR (a folder of CLD editions, as
cld import --all writes them; default .cache/wa) and each change between them, renumberings
followed, thresholds compared per parameter with the direction computed exactly. <code> is a WA
code (3.A.1.b.2, ML8.a) or an ECCN 0xx code (3A001.b.2). html is a standalone page with a
step chart of each threshold over the years.
The folder is indexed once and the index kept in $XDG_CACHE_HOME/cld (or ~/.cache/cld), keyed by
the editions' contents; --no-cache builds it in memory only.
Exit codes: 0 found, 1 the code is in no edition, 2 usage, or the folder cannot be read.`;

export async function historyCommand(args: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            args, allowPositionals: true,
            options: {
                precedents: { type: 'string', short: 'p' }, format: { type: 'string', short: 'f', default: 'text' },
                output: { type: 'string', short: 'o' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
            },
        });
    } catch (e) {
        console.error(`cld history: ${(e as Error).message}\n\n${HISTORY_USAGE}`);
        return 2;
    }
    if (parsed.values.help) {
        console.log(HISTORY_USAGE);
        return 0;
    }
    const format = parsed.values.format as HistoryFormat | 'docx';
    if (![...HISTORY_FORMATS, 'docx'].includes(format)) {
        console.error(`cld history: unknown format '${format}' (use ${HISTORY_FORMATS.join(', ')}, docx)`);
        return 2;
    }
    if (format === 'docx' && !parsed.values.output) {
        console.error('cld history: a Word document is written to a file: give -o <file.docx>');
        return 2;
    }
    if (parsed.positionals.length !== 1) {
        console.error(`cld history: name one item code\n\n${HISTORY_USAGE}`);
        return 2;
    }
    const library = readPrecedents('history', parsed.values.precedents, parsed.values['no-cache']);
    if (!library.ok) {
        console.error(`cld history: ${library.message}`);
        return 2;
    }
    const folder = library.folder;
    if (library.history.editions.length === 0) {
        console.error(`cld history: no edition could be read in ${folder}`);
        return 2;
    }
    const [code] = parsed.positionals;
    const lineage = library.history.lineage(code);
    if (!lineage) {
        const ids = library.history.editions.map(e => e.id);
        console.error(`cld history: ${code} is in none of the ${ids.length} editions of ${folder} (${ids[0]} to ${ids[ids.length - 1]})`);
        return 1;
    }
    const text = format === 'docx' ? await wordDocument(`${lineage.code}: WA precedent`, lineageBlocks(lineage)) : renderLineage(lineage, format);
    if (!parsed.values.output) {
        process.stdout.write(terminalSafe(text as string));
        return 0;
    }
    try {
        writeOutputFile(parsed.values.output, text);
        return 0;
    } catch (e) {
        if (!(e instanceof FileError)) throw e;
        console.error(`cld history: ${e.message}`);
        return 2;
    }
}

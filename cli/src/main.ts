import '../../scripts/node20-compat.mjs';
import { parseArgs } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { formatJson, formatSarif, formatText } from './findings-format.js';
import { collectCldFiles, validateFiles } from './validate-command.js';
import { importCommand } from './import-command.js';
import { exportCommand } from './export-command.js';
import { diffCommand, trendCommand } from './diff-command.js';
import { historyCommand } from './history-command.js';
import { conformanceCommand } from './conformance-command.js';
import { newCommand } from './new-command.js';
import { followCommand } from './follow-command.js';

const VERSION = '0.1.0';

const USAGE = `cld ${VERSION}: the Control List Definition language tool

Usage:
  cld validate <files or folders...> [--format text|json|sarif]
  cld import <edition folder or PDF> [-o FILE] [--report text|json]
  cld import --all <folder of editions> [--out DIR] [--report text|json]
  cld export <file.cld> [--format json|csv|md]
  cld diff <old.cld> <new.cld> [--format text|json|md|html|docx] [-o FILE] [--exit-code]
  cld trend <folder of editions> [--format text|json|md|html] [-o FILE]
  cld history <code> [--precedents DIR] [--format text|json|md|html|docx] [-o FILE]
  cld conformance <list.cld> [--precedents DIR] [--against ID] [--format text|json|md|html|csv|docx] [-o FILE] [--exit-code]
  cld new --from <WA edition.cld> -o <national.cld> [--numbering eccn|wassenaar] [--categories 1-9,ML]
  cld follow <national.cld> --to <WA list id> -o <next.cld> [--precedents DIR] [--memo FILE.md|FILE.docx]
  cld --help | --version

Commands:
  validate   parse and check .cld files (folders are searched recursively)
  import     turn the official documents of WA editions into CLD files
  export     print every item of a list, flattened, as JSON, CSV or Markdown
  diff       what changed between two editions: added, removed, renumbered, reworded,
             thresholds tightened or relaxed, tiers, notes, definitions
  trend      the changes of each consecutive pair of editions, per year and category
  history    the WA precedent of one item: its versions since 1997 and every change
  conformance  a national list against the WA edition it implements: gaps, what it
             controls more or less, what follows an older WA edition
  new        start a national list from a WA edition, each item linked to its WA item
  follow     take a national list to a later WA edition: changes applied where it followed
             the WA, departures and removals listed for decision, new items added

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O failure.`;

/** Exit codes: 0 clean, 1 findings of severity error, 2 usage or I/O failure. */
export async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        console.log(USAGE);
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
        console.log(VERSION);
        return 0;
    }
    if (command === 'validate') return validateCommand(rest);
    if (command === 'import') return importCommand(rest);
    if (command === 'export') return exportCommand(rest);
    if (command === 'diff') return diffCommand(rest);
    if (command === 'trend') return trendCommand(rest);
    if (command === 'history') return historyCommand(rest);
    if (command === 'conformance') return conformanceCommand(rest);
    if (command === 'new') return newCommand(rest);
    if (command === 'follow') return followCommand(rest);
    console.error(`cld: unknown command '${command}'\n\n${USAGE}`);
    return 2;
}

async function validateCommand(args: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
    } catch (e) {
        console.error(`cld validate: ${(e as Error).message}`);
        return 2;
    }
    if (parsed.values.help) {
        console.log('Usage: cld validate <files or folders...> [--format text|json|sarif]');
        return 0;
    }
    const format = parsed.values.format ?? 'text';
    if (!['text', 'json', 'sarif'].includes(format)) {
        console.error(`cld validate: unknown format '${format}' (use text, json or sarif)`);
        return 2;
    }
    if (parsed.positionals.length === 0) {
        console.error('cld validate: name at least one .cld file or folder');
        return 2;
    }
    const { files, problems } = collectCldFiles(parsed.positionals);
    if (files.length === 0 && problems.length === 0) {
        console.error(`cld validate: no .cld files in ${parsed.positionals.join(', ')}`);
        return 2;
    }
    const services = createCldCoreServices(NodeFileSystem);
    const { findings, ioFailures } = await validateFiles(services, files);
    const all = [...problems, ...findings];
    const output = format === 'json' ? formatJson(all) : format === 'sarif' ? formatSarif(all, VERSION) : formatText(all);
    if (output) console.log(output);
    if (format === 'text') {
        const errors = all.filter(f => f.severity === 'error').length;
        const warnings = all.filter(f => f.severity === 'warning').length;
        console.error(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
    }
    if (problems.length > 0 || ioFailures > 0) return 2;
    return all.some(f => f.severity === 'error') ? 1 : 0;
}

/**
 * Standard output that cannot be written (a closed pipe, as in `cld validate | head -1`, or a full
 * disk) ends the command with exit 2 and, unless the reader simply went away, one line saying why;
 * never a stack trace, and never exit 0 with the output lost.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`cld: cannot write the output: ${error.code ?? error.message}\n`);
    process.exit(2);
});

main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    error => { console.error(`cld: internal error: ${(error as Error).stack ?? error}`); process.exitCode = 2; }
);

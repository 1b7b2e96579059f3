import '../../scripts/node20-compat.mjs';

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
    const load = COMMANDS.get(command);
    if (!load) {
        console.error(`cld: unknown command '${command}'\n\n${USAGE}`);
        return 2;
    }
    return (await load())(rest);
}

type Command = (args: string[]) => Promise<number>;

/**
 * Each command's module, loaded when it runs: the bundle is split along these imports
 * (esbuild.mjs), so that a command compiles and starts only what it uses (a diff of cached
 * editions neither the importer nor Langium).
 */
const COMMANDS = new Map<string, () => Promise<Command>>([
    ['validate', async () => { const { validateCommand } = await import('./validate-command.js'); return args => validateCommand(args, VERSION); }],
    ['import', async () => (await import('./import-command.js')).importCommand],
    ['export', async () => (await import('./export-command.js')).exportCommand],
    ['diff', async () => (await import('./diff-command.js')).diffCommand],
    ['trend', async () => (await import('./diff-command.js')).trendCommand],
    ['history', async () => (await import('./history-command.js')).historyCommand],
    ['conformance', async () => (await import('./conformance-command.js')).conformanceCommand],
    ['new', async () => (await import('./new-command.js')).newCommand],
    ['follow', async () => (await import('./follow-command.js')).followCommand],
]);

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

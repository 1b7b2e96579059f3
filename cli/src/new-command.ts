/**
 * `cld new --from <WA edition.cld> -o national.cld`: a national list that starts as a WA edition
 * (language/src/national/new-list.ts), validated before it is written; an existing file is never
 * written over.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { FileError, writeOutputFile } from '../../language/src/files.js';
import { validateCld } from '../../language/src/importer/import-edition.js';
import { newNationalList, parseCategories } from '../../language/src/national/new-list.js';
import { readValidList, refusedWithErrors } from './checked-lists.js';

export const NEW_USAGE = `Usage: cld new --from <WA edition.cld> -o <national.cld> [--numbering eccn|wassenaar] [--categories 1-9,ML] [--title TEXT] [--id ID]

Starts a national list from a WA edition: every entry and item with its text, thresholds, tiers
and notes and a \`precedent\` link to its WA item; the parameters and definitions; a header that
implements the edition. --numbering eccn (the default) writes entry codes as ECCNs (3B001);
--categories keeps only the categories named (ranges, and ML for every munitions category).
The list is validated before it is written, and an existing file is never written over.`;

export async function newCommand(args: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({ args, allowPositionals: false, options: {
            from: { type: 'string' }, output: { type: 'string', short: 'o' }, numbering: { type: 'string', default: 'eccn' }, categories: { type: 'string' },
            title: { type: 'string' }, id: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    } catch (e) {
        console.error(`cld new: ${(e as Error).message}`);
        return 2;
    }
    const { values } = parsed;
    if (values.help) {
        console.log(NEW_USAGE);
        return 0;
    }
    if (!values.from || !values.output) {
        console.error(`cld new: name the WA edition (--from) and the new file (-o)\n\n${NEW_USAGE}`);
        return 2;
    }
    if (values.numbering !== 'eccn' && values.numbering !== 'wassenaar') {
        console.error(`cld new: unknown numbering '${values.numbering}' (use eccn or wassenaar)`);
        return 2;
    }
    if (existsSync(values.output)) {
        console.error(`cld new: ${values.output} exists; name a new file (nothing is written over)`);
        return 2;
    }
    const categories = values.categories === undefined ? undefined : parseCategories(values.categories);
    if (typeof categories === 'string') {
        console.error(`cld new: --categories: ${categories}`);
        return 2;
    }
    const services = createCldCoreServices(NodeFileSystem);
    const document = await readValidList('new', services, values.from);
    if (!document) return 2;
    const wa = document.parseResult.value;
    if (wa.header?.numbering === 'eccn') {
        console.error(`cld new: ${values.from} is a national list (ECCN numbering); start from a WA edition`);
        return 2;
    }
    const made = newNationalList(wa, document.textDocument.getText(), { numbering: values.numbering, categories, title: values.title, id: values.id });
    if ('problem' in made) {
        console.error(`cld new: ${made.problem}`);
        return 2;
    }
    const check = await validateCld(made.text, 'new');
    if (refusedWithErrors('new', values.output, 'new list', check)) return 1;
    try {
        writeOutputFile(values.output, made.text);
    } catch (e) {
        if (!(e instanceof FileError)) throw e;
        console.error(`cld new: ${e.message}`);
        return 2;
    }
    console.error(`${values.output}: a national list from ${wa.header?.listId}, ${check.warnings} warning(s)`);
    return 0;
}

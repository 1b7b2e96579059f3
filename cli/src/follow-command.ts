/**
 * `cld follow <national.cld> --to <WA list id> -o next.cld [--memo FILE]`: the national list taken
 * to a later WA edition (language/src/national/follow.ts), validated before anything is written;
 * the memo (follow-memo.ts) says what was taken over and what waits for a decision.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { implementedEdition } from '../../language/src/conformance/conformance.js';
import { FileError, writeOutputFile } from '../../language/src/files.js';
import { readPrecedents } from './precedents-option.js';
import { validateCld } from '../../language/src/importer/import-edition.js';
import { flattenList } from '../../language/src/model/flat-items.js';
import { followEdition } from '../../language/src/national/follow.js';
import { followMemo } from '../../language/src/national/follow-memo.js';
import { followMemoBlocks, wordDocument } from '../../language/src/export/word-report.js';
import { readValidList, refusedWithErrors } from './checked-lists.js';

export const FOLLOW_USAGE = `Usage: cld follow <national.cld> --to <WA list id> -o <next.cld> [--precedents DIR] [--memo FILE]

Takes a national list from the WA edition it implements to a later one (both among the WA editions
in --precedents, default .cache/wa): each WA change is applied to the national item where the list
read as the WA did; where it departs on purpose the item is left and listed for decision, as are
the items the WA removed; new WA items are added as skeleton entries; the header then implements
the new edition and supersedes the file followed. The result is validated before it is written;
--memo writes what was taken over and what waits for a decision, as Markdown (or Word, for a
file ending in .docx). Nothing is written
over an existing file.`;

export async function followCommand(args: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, precedents: { type: 'string', short: 'p' }, memo: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    } catch (e) {
        console.error(`cld follow: ${(e as Error).message}`);
        return 2;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        console.log(FOLLOW_USAGE);
        return 0;
    }
    if (positionals.length !== 1 || !values.to || !values.output) {
        console.error(`cld follow: name the national list, the WA edition to follow (--to) and the new file (-o)\n\n${FOLLOW_USAGE}`);
        return 2;
    }
    for (const target of [values.output, values.memo]) {
        if (target && existsSync(target)) {
            console.error(`cld follow: ${target} exists; name a new file (nothing is written over)`);
            return 2;
        }
    }
    const file = positionals[0];
    const services = createCldCoreServices(NodeFileSystem);
    const document = await readValidList('follow', services, file);
    if (!document) return 2;
    const list = document.parseResult.value;
    const library = readPrecedents('follow', values.precedents);
    if (!library.ok) {
        console.error(`cld follow: ${library.message}`);
        return 2;
    }
    const { history, folder } = library;
    const national = flattenList(list);
    const from = implementedEdition(national, history, folder);
    if (!from.wa) {
        console.error(`cld follow: ${from.problems.join('; ')}`);
        return 2;
    }
    const to = implementedEdition(national, history, folder, values.to);
    if (!to.wa) {
        console.error(`cld follow: ${to.problems.join('; ')}`);
        return 2;
    }
    const index = (id: string | undefined) => history.editions.findIndex(e => e.id === id);
    if (index(to.wa.id) <= index(from.wa.id)) {
        console.error(`cld follow: ${to.wa.id} is not later than ${from.wa.id}, the edition the list implements`);
        return 2;
    }
    const result = followEdition({ list, text: document.textDocument.getText() }, basename(file), from.wa, to.wa, services.Cld.parser.LangiumParser);
    if ('problem' in result) {
        console.error(`cld follow: ${result.problem}; nothing written`);
        return 2;
    }
    if (refusedWithErrors('follow', values.output, 'followed list', await validateCld(result.text, 'followed'))) return 1;
    try {
        writeOutputFile(values.output, result.text);
        if (values.memo) writeOutputFile(values.memo, values.memo.toLowerCase().endsWith('.docx') ? await wordDocument(`${national.id ?? file}: from ${result.from} to ${result.to}`, followMemoBlocks(result)) : followMemo(result, national.id));
    } catch (e) {
        if (!(e instanceof FileError)) throw e;
        console.error(`cld follow: ${e.message}`);
        return 2;
    }
    console.error(`${values.output}: ${national.id ?? file} from ${result.from} to ${result.to}: ${result.applied.length} taken over, ${result.departures.length + result.removed.length} waiting for a decision, ${result.added.length} new WA items added${values.memo ? `; memo ${values.memo}` : ''}`);
    return 0;
}

/**
 * What `cld new` and `cld follow` share around the list they transform: the input is read and
 * validated first (a list with errors is refused with them), and the list made is validated
 * before anything is written.
 */
import { resolve } from 'node:path';
import { type LangiumDocument, URI } from 'langium';
import type { createCldCoreServices } from '../../language/src/cld-module.js';
import type { ControlList } from '../../language/src/generated/ast.js';
import type { EditionCheck } from '../../language/src/importer/import-edition.js';
import { formatText } from './findings-format.js';
import { validateFiles } from './validate-command.js';

/** The list in `file`, validated; undefined (the errors printed) when it cannot be read or has errors. */
export async function readValidList(command: string, services: ReturnType<typeof createCldCoreServices>, file: string): Promise<LangiumDocument<ControlList> | undefined> {
    const { findings, ioFailures } = await validateFiles(services, [file]);
    const errors = findings.filter(f => f.severity === 'error');
    if (ioFailures > 0 || errors.length > 0) {
        console.error(formatText(errors));
        console.error(`cld ${command}: ${file} ${ioFailures > 0 ? 'cannot be read' : 'has errors; fix them first'}`);
        return undefined;
    }
    return services.shared.workspace.LangiumDocuments.getDocument(URI.file(resolve(file))) as LangiumDocument<ControlList>;
}

/** Whether the list made would have errors: then they are printed (the first 20) and nothing is written. */
export function refusedWithErrors(command: string, output: string, what: string, check: EditionCheck): boolean {
    if (check.errors.length === 0) return false;
    for (const error of check.errors.slice(0, 20)) console.error(`  ${output}:${error.line + 1}: error: ${error.message}`);
    console.error(`cld ${command}: the ${what} would have ${check.errors.length} error(s); nothing written`);
    return true;
}

import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver';
import { createCldServices } from '../../server/src/cld-lsp-module.js';
import type { ControlList } from '../../language/src/generated/ast.js';

export const services = createCldServices(EmptyFileSystem);
const parse = parseHelper<ControlList>(services.Cld);
let counter = 0;

/** Parses and validates one document; returns its diagnostics. */
export async function diagnose(text: string, uri = `file:///test/doc${counter++}.cld`): Promise<{ diagnostics: Diagnostic[]; document: Awaited<ReturnType<typeof parse>> }> {
    const document = await parse(text, { documentUri: uri, validation: true });
    return { diagnostics: document.diagnostics ?? [], document };
}

export async function codesOf(text: string): Promise<string[]> {
    return (await diagnose(text)).diagnostics.map(d => String(d.code ?? (d.data as { code?: string })?.code));
}

/** A list in eccn numbering with one entry whose body is `body`. */
export function inEntry(body: string, header = ''): string {
    return `list "Test list"
numbering eccn
implements wassenaar "WA-LIST (21) 1"
${header}
parameter wavelength: length unit nm "Wavelength"
parameter temperature: temperature "Temperature"
category 3 "Electronics" {
    group B "Equipment" {
        entry 3B001 "Equipment" {
${body}
        }
    }
}
`;
}

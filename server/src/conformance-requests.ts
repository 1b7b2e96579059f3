/**
 * The request behind a conformance check in the editor: the open national list against the WA
 * edition its header implements, from the precedent library the hover reads (the same engine as
 * `cld conformance`), with the report as Markdown for a view or a document.
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { type ConformanceReport, checkConformance, implementedEdition } from '../../language/src/conformance/conformance.js';
import { renderConformance } from '../../language/src/conformance/conformance-format.js';
import type { ControlList } from '../../language/src/generated/ast.js';
import { flattenList } from '../../language/src/model/flat-items.js';
import type { CldServices } from './cld-lsp-module.js';
import { checkParams } from './request-params.js';

export const CONFORMANCE = 'cld/conformance';

export type ConformanceResult = { ok: true; report: ConformanceReport; markdown: string } | { ok: false; message: string };

export function registerConformanceRequests(connection: Connection, shared: LangiumSharedServices, cld: CldServices): void {
    connection.onRequest(CONFORMANCE, async (params: { uri: string; against?: string }): Promise<ConformanceResult> => {
        checkParams(CONFORMANCE, params, { uri: 'string' });
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        if (!document) return { ok: false, message: 'open the list first' };
        const national = flattenList(document.parseResult.value as ControlList);
        const precedents = cld.precedents.Library;
        await precedents.ready(document);
        const library = await precedents.library(document);
        if (library.status === 'indexing') return { ok: false, message: 'the WA editions are still being indexed; try again in a moment' };
        const history = library.status === 'ready' ? library.history : undefined;
        const { wa, problems } = implementedEdition(national, history, library.status === 'ready' ? library.folder : '', params.against);
        if (library.status === 'none') problems.push('no WA editions to compare with: set cld.precedents.path, or import the WA editions (CLD: Import WA Editions)');
        const report = checkConformance({ national, wa, history, problems });
        return { ok: true, report, markdown: renderConformance(report, 'md') };
    });
}

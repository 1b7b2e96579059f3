/**
 * The request behind a conformance check in the editor: the open national list against the WA
 * edition its header implements (conformance-source.ts, the engine of `cld conformance`), with the
 * report as Markdown for a view or a document.
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { ConformanceReport } from '../../language/src/conformance/conformance.js';
import { renderConformance } from '../../language/src/conformance/conformance-format.js';
import type { CldServices } from './cld-lsp-module.js';
import { checkParams } from './request-params.js';

export const CONFORMANCE = 'cld/conformance';

export type ConformanceResult = { ok: true; report: ConformanceReport; markdown: string } | { ok: false; message: string };

export function registerConformanceRequests(connection: Connection, shared: LangiumSharedServices, cld: CldServices): void {
    connection.onRequest(CONFORMANCE, async (params: { uri: string; against?: string }): Promise<ConformanceResult> => {
        checkParams(CONFORMANCE, params, { uri: 'string' });
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        if (!document) return { ok: false, message: 'open the list first' };
        const answer = await cld.conformance.Checker.report(document, params.against);
        return answer.ok ? { ok: true, report: answer.report, markdown: renderConformance(answer.report, 'md') } : answer;
    });
}

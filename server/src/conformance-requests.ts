/**
 * The request behind a conformance check in the editor: the open national list against the WA
 * edition its header implements (conformance-source.ts, the engine of `cld conformance`), with the
 * report as Markdown for a document and the lines of the list's items for the Conformance view;
 * and the edits that insert a skeleton of a WA item the list does not cover.
 */
import * as l10n from '@vscode/l10n';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, TextEdit } from 'vscode-languageserver';
import type { ControlList } from '../../language/src/generated/ast.js';
import { skeletonEditsIn } from './conformance-skeleton.js';
import { itemLines } from './diff-requests.js';
import type { ConformanceReport } from '../../language/src/conformance/conformance.js';
import { renderConformance } from '../../language/src/conformance/conformance-format.js';
import type { CldServices } from './cld-lsp-module.js';
import { checkParams } from './request-params.js';

export const CONFORMANCE = 'cld/conformance';
export const CONFORMANCE_SKELETON = 'cld/conformanceSkeleton';

/** The report, as Markdown too, and the 0-based line of each national item (by its code) for opening it. */
export type ConformanceResult = { ok: true; report: ConformanceReport; markdown: string; lines: Record<string, number> } | { ok: false; message: string };

export function registerConformanceRequests(connection: Connection, shared: LangiumSharedServices, cld: CldServices): void {
    connection.onRequest(CONFORMANCE, async (params: { uri: string; against?: string }): Promise<ConformanceResult> => {
        checkParams(CONFORMANCE, params, { uri: 'string' });
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        if (!document) return { ok: false, message: l10n.t('open the list first') };
        const answer = await cld.conformance.Checker.report(document, params.against);
        return answer.ok ? { ok: true, report: answer.report, markdown: renderConformance(answer.report, 'md'), lines: itemLines(document.parseResult.value as ControlList) } : answer;
    });
    // The edits that insert a skeleton of an uncovered WA item (conformance-skeleton.ts); the client applies them.
    connection.onRequest(CONFORMANCE_SKELETON, async (params: { uri: string; waCode: string; against?: string }): Promise<{ ok: true; edits: TextEdit[] } | { ok: false; message: string }> => {
        checkParams(CONFORMANCE_SKELETON, params, { uri: 'string', waCode: 'string' });
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        if (!document) return { ok: false, message: l10n.t('open the list first') };
        const answer = await cld.conformance.Checker.report(document, params.against);
        if (!answer.ok) return answer;
        if (!answer.wa) return { ok: false, message: answer.report.problems.join('; ') || l10n.t('no WA edition to take the item from') };
        const edits = skeletonEditsIn(document, answer.wa, params.waCode);
        return typeof edits === 'string' ? { ok: false, message: edits } : { ok: true, edits };
    });
}

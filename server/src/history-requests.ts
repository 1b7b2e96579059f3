/**
 * The requests behind "CLD: Show Entry History": the lineage of the item at a position (the
 * same engine as `cld history` and the hover) with what the view draws (history/lineage-view.ts:
 * word changes, chart series), and the line of the item in an edition (for "open at the item").
 */
import * as l10n from '@vscode/l10n';
import { type AstNode, CstUtils, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { WordSegment } from '../../language/src/diff/words.js';
import { type ControlList, isEntry, isItem, isThreshold } from '../../language/src/generated/ast.js';
import type { Lineage } from '../../language/src/history/lineage.js';
import { type ChartSeries, lineageCharts, lineageWords } from '../../language/src/history/lineage-view.js';
import type { CldServices } from './cld-lsp-module.js';
import { waCodeOf } from './history-hover.js';
import { itemLines, readText } from './diff-requests.js';
import { checkParams } from './request-params.js';

export const ENTRY_HISTORY = 'cld/entryHistory';
export const ITEM_LINE = 'cld/itemLine';

export interface EntryHistoryParams {
    uri: string;
    position?: { line: number; character: number };
    /** A WA code, instead of the item at `position`. */
    code?: string;
}

export type EntryHistoryResult =
    | { ok: true; lineage: Lineage; files: string[]; words: Array<WordSegment[] | null>; charts: ChartSeries[] }
    | { ok: false; message: string };

export function registerHistoryRequests(connection: Connection, shared: LangiumSharedServices, cld: CldServices): void {
    connection.onRequest(ENTRY_HISTORY, async (params: EntryHistoryParams): Promise<EntryHistoryResult> => {
        checkParams(ENTRY_HISTORY, params, { uri: 'string' });
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        if (!document) return { ok: false, message: l10n.t('open the list first') };
        const code = params.code ?? codeAt(document.parseResult.value as ControlList, params.position ? document.textDocument.offsetAt(params.position) : undefined);
        if (!code) return { ok: false, message: l10n.t('put the cursor on an entry or item that has a WA code (a WA edition, a `precedent`, or an ECCN 0xx code)') };
        const precedents = cld.precedents.Library;
        await precedents.ready(document);
        const answer = await precedents.lineage(document, code);
        if (answer.status === 'none') return { ok: false, message: l10n.t('no WA editions to read history from: set cld.precedents.path, or import the WA editions (CLD: Import WA Editions)') };
        if (answer.status === 'indexing') return { ok: false, message: l10n.t('the WA editions are still being indexed; try again in a moment') };
        if (!answer.lineage) return { ok: false, message: l10n.t('{0} is in none of the {1} WA editions of {2}', code, answer.editions, answer.folder) };
        const lineage = answer.lineage;
        const files = lineage.versions.map(v => answer.history.editions.find(e => e.id === v.editions[0])?.file ?? '');
        return { ok: true, lineage, files, words: lineageWords(lineage), charts: lineageCharts(lineage) };
    });
    connection.onRequest(ITEM_LINE, (params: { uri: string; code: string }): { line: number | null } => {
        checkParams(ITEM_LINE, params, { uri: 'string', code: 'string' });
        return { line: itemLine(params.uri, params.code, shared, cld) ?? null };
    });
}

function codeAt(root: ControlList, offset: number | undefined): string | undefined {
    if (offset === undefined || !root.$cstNode) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root.$cstNode, offset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const item = isThreshold(node) ? node.$container : node;
        if (isItem(item) || isEntry(item)) return waCodeOf(item);
    }
    return undefined;
}

/** The 0-based line of `code` in the list at `uri` (open or on disk), as the Compare view finds it. */
function itemLine(uri: string, code: string, shared: LangiumSharedServices, cld: CldServices): number | undefined {
    const text = readText(uri, shared);
    if (!text.ok) return undefined;
    return itemLines(cld.parser.LangiumParser.parse<ControlList>(text.text).value)[code];
}

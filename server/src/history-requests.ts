/**
 * The requests behind "CLD: Show Entry History": the lineage of the item at a position (the
 * same engine as `cld history` and the hover), with what the view draws computed here: the words
 * that changed from one version to the next, each threshold parameter's value per version in one
 * unit (for the step chart), and the line of the item in an edition (for "open at the item").
 */
import * as fs from 'node:fs';
import { type AstNode, AstUtils, CstUtils, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { fullCode } from '../../language/src/codes.js';
import { decodeSource } from '../../language/src/documents.js';
import { type WordSegment, wordDiff } from '../../language/src/diff/words.js';
import { type ControlList, isCategory, isEntry, isItem, isThreshold } from '../../language/src/generated/ast.js';
import type { Lineage } from '../../language/src/history/lineage.js';
import type { FlatThreshold } from '../../language/src/model/flat-items.js';
import { Rational } from '../../language/src/quantities/rational.js';
import { lookupUnit } from '../../language/src/quantities/units.js';
import type { CldServices } from './cld-lsp-module.js';
import { waCodeOf } from './history-hover.js';
import { checkParams } from './request-params.js';

export const ENTRY_HISTORY = 'cld/entryHistory';
export const ITEM_LINE = 'cld/itemLine';

export interface EntryHistoryParams {
    uri: string;
    position?: { line: number; character: number };
    /** A WA code, instead of the item at `position`. */
    code?: string;
}

export interface ChartPoint {
    /** The index of the version. */
    version: number;
    comparator: string;
    /** In the series' unit, for drawing only (exact values are in `text`). */
    value?: number;
    low?: number;
    high?: number;
    text: string;
}

export interface ChartSeries {
    parameter: string;
    unit?: string;
    points: ChartPoint[];
}

export type EntryHistoryResult =
    | { ok: true; lineage: Lineage; files: string[]; words: Array<WordSegment[] | null>; charts: ChartSeries[] }
    | { ok: false; message: string };

export function registerHistoryRequests(connection: Connection, shared: LangiumSharedServices, cld: CldServices): void {
    connection.onRequest(ENTRY_HISTORY, async (params: EntryHistoryParams): Promise<EntryHistoryResult> => {
        checkParams(ENTRY_HISTORY, params, { uri: 'string' });
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        if (!document) return { ok: false, message: 'open the list first' };
        const code = params.code ?? codeAt(document.parseResult.value as ControlList, params.position ? document.textDocument.offsetAt(params.position) : undefined);
        if (!code) return { ok: false, message: 'put the cursor on an entry or item that has a WA code (a WA edition, a `precedent`, or an ECCN 0xx code)' };
        const precedents = cld.precedents.Library;
        await precedents.ready(document);
        const answer = await precedents.lineage(document, code);
        if (answer.status === 'none') return { ok: false, message: 'no WA editions to read history from: set cld.precedents.path, or import the WA editions (CLD: Import WA Editions)' };
        if (answer.status === 'indexing') return { ok: false, message: 'the WA editions are still being indexed; try again in a moment' };
        if (!answer.lineage) return { ok: false, message: `${code} is in none of the ${answer.editions} WA editions of ${answer.folder}` };
        const lineage = answer.lineage;
        const files = lineage.versions.map(v => answer.history.editions.find(e => e.id === v.editions[0])?.file ?? '');
        const words = lineage.versions.map((v, i) => (i === 0 || v.text === lineage.versions[i - 1].text ? null : wordDiff(lineage.versions[i - 1].text, v.text)));
        return { ok: true, lineage, files, words, charts: charts(lineage) };
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

/** One series per threshold parameter, its values converted to the unit of its latest version. */
function charts(lineage: Lineage): ChartSeries[] {
    const parameters = [...new Set(lineage.versions.flatMap(v => v.thresholds.map(t => t.parameter)))];
    return parameters.map(parameter => {
        const latest = [...lineage.versions].reverse().flatMap(v => v.thresholds).find(t => t.parameter === parameter);
        const unit = latest?.unit ?? latest?.high?.unit ?? latest?.low?.unit;
        const points: ChartPoint[] = [];
        lineage.versions.forEach((v, version) => {
            const bounds = v.thresholds.filter(x => x.parameter === parameter).map(t => point(version, t, unit));
            if (bounds.length > 0) points.push(combined(version, bounds));
        });
        return { parameter, unit, points };
    });
}

/** "> 6 GHz" and "<= 16 GHz" of one version are one band from 6 to 16; a single bound stays a step. */
function combined(version: number, bounds: ChartPoint[]): ChartPoint {
    if (bounds.length === 1) return bounds[0];
    const lows = bounds.flatMap(b => (b.comparator.startsWith('>') ? [b.value] : b.low !== undefined ? [b.low] : [])).filter((v): v is number => v !== undefined);
    const highs = bounds.flatMap(b => (b.comparator.startsWith('<') ? [b.value] : b.high !== undefined ? [b.high] : [])).filter((v): v is number => v !== undefined);
    const text = bounds.map(b => b.text).join(' and ');
    if (lows.length === 0 || highs.length === 0) return { ...bounds[0], text };
    return { version, comparator: 'range', low: Math.max(...lows), high: Math.min(...highs), text };
}

function point(version: number, t: FlatThreshold, unit: string | undefined): ChartPoint {
    const inUnit = (value: string | undefined, from: string | undefined) => convertForChart(value, from, unit);
    const text = t.comparator === 'from-to' ? `${t.low?.value} to ${t.high?.value} ${t.high?.unit ?? ''}`.trim() : `${t.comparator} ${t.value} ${t.unit ?? ''}`.trim();
    return t.comparator === 'from-to'
        ? { version, comparator: t.comparator, low: inUnit(t.low?.value, t.low?.unit), high: inUnit(t.high?.value, t.high?.unit), text }
        : { version, comparator: t.comparator, value: inUnit(t.value, t.unit), text };
}

/** For drawing only: the exact conversion, then a float for the chart's axis. */
function convertForChart(value: string | undefined, from: string | undefined, to: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    try {
        const number = Rational.parse(value);
        const source = from ? lookupUnit(from) : undefined;
        const target = to ? lookupUnit(to) : undefined;
        if (!source || !target || source.dimension !== target.dimension) return Number(number.toDecimalString(12));
        return Number(number.mul(source.factor).add(source.offset).sub(target.offset).div(target.factor).toDecimalString(12));
    } catch {
        return undefined;
    }
}

/** The 0-based line of `code` in the list at `uri` (open or on disk). */
function itemLine(uri: string, code: string, shared: LangiumSharedServices, cld: CldServices): number | undefined {
    const open = shared.workspace.TextDocuments?.get(uri)?.getText();
    let text = open;
    if (text === undefined) {
        try {
            const source = decodeSource(fs.readFileSync(URI.parse(uri).fsPath));
            if (!source.ok) return undefined;
            text = source.text;
        } catch {
            return undefined;
        }
    }
    const root = cld.parser.LangiumParser.parse<ControlList>(text).value;
    for (const node of AstUtils.streamAst(root) as Iterable<AstNode>) {
        if ((isEntry(node) || isItem(node) || isCategory(node)) && fullCode(node) === code && node.$cstNode) return node.$cstNode.range.start.line;
    }
    return undefined;
}

/**
 * The request behind the editor's Compare commands: the semantic diff of two lists (the same
 * engine as `cld diff`), with the line of every item in both texts so the editor can open the
 * two editions side by side at a change.
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import { type AstNode, AstUtils, URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { type Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { checkParams } from './request-params.js';
import { fullCode } from '../../language/src/codes.js';
import { decodeSource } from '../../language/src/documents.js';
import { type ListDiff, diffLists } from '../../language/src/diff/diff.js';
import { flattenList } from '../../language/src/model/flat-items.js';
import { type ControlList, isCategory, isEntry, isItem } from '../../language/src/generated/ast.js';
import type { CldServices } from './cld-lsp-module.js';

export const DIFF_LISTS = 'cld/diffLists';

export interface ListSource {
    uri: string;
    /** The text to compare, when it is not the file's (an older version from git, say). */
    text?: string;
    /** A name to show instead of the file's ("HEAD"). */
    label?: string;
}

export interface DiffListsParams {
    /** Absent: the list the new one names with `supersedes`. */
    old?: ListSource;
    new: ListSource;
}

export type DiffListsResult =
    | { ok: true; diff: ListDiff; oldUri: string; newUri: string; oldLines: Record<string, number>; newLines: Record<string, number> }
    | { ok: false; message: string };

export function registerDiffRequests(connection: Connection, shared: LangiumSharedServices, cld: CldServices): void {
    connection.onRequest(DIFF_LISTS, async (params: DiffListsParams, token): Promise<DiffListsResult | ResponseError<void>> => {
        checkParams(DIFF_LISTS, params, { new: 'source', old: 'source?' });
        // The diff of two full editions takes a second: let a request cancelled meanwhile go.
        await new Promise(resolve => setImmediate(resolve));
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        try {
            return diffRequest(params, shared, cld);
        } catch (e) {
            return { ok: false, message: l10n.t('the comparison failed: {0}', (e as Error).message) };
        }
    });
}

function diffRequest(params: DiffListsParams, shared: LangiumSharedServices, cld: CldServices): DiffListsResult {
    const newer = parseSource(params.new, shared, cld);
    if (!newer.ok) return newer;
    let oldSource = params.old;
    if (!oldSource) {
        const supersedes = newer.root.header?.supersedes;
        if (!supersedes) return { ok: false, message: l10n.t('{0} names no previous edition: add supersedes "<file>.cld" to its header', label(params.new)) };
        oldSource = { uri: UriUtils.resolvePath(UriUtils.dirname(URI.parse(params.new.uri)), supersedes).toString() };
    }
    const older = parseSource(oldSource, shared, cld);
    if (!older.ok) return older;
    const diff = diffLists(flattenList(older.root), flattenList(newer.root), { old: label(oldSource), new: label(params.new) });
    return { ok: true, diff, oldUri: oldSource.uri, newUri: params.new.uri, oldLines: itemLines(older.root), newLines: itemLines(newer.root) };
}

type Parsed = { ok: true; root: ControlList } | { ok: false; message: string };

function parseSource(source: ListSource, shared: LangiumSharedServices, cld: CldServices): Parsed {
    const text = source.text !== undefined ? { ok: true as const, text: source.text } : readText(source.uri, shared);
    if (!text.ok) return text;
    const result = cld.parser.LangiumParser.parse<ControlList>(text.text);
    const lexing = result.lexerErrors[0];
    const parsing = result.parserErrors[0];
    if (lexing || parsing) {
        const line = lexing ? lexing.line : parsing.token.startLine;
        const message = lexing ? lexing.message : parsing.message;
        return { ok: false, message: l10n.t('{0}:{1}: {2} (fix the syntax errors before comparing)', label(source), line ?? 1, message) };
    }
    return { ok: true, root: result.value };
}

/** The text of a list: the open document's, else the file's. */
export function readText(uri: string, shared: LangiumSharedServices): { ok: true; text: string } | { ok: false; message: string } {
    const open = shared.workspace.TextDocuments?.get(uri);
    if (open) return { ok: true, text: open.getText() };
    const path = URI.parse(uri).fsPath;
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(path);
    } catch (e) {
        return { ok: false, message: `${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? l10n.t('no such file') : (e as Error).message}` };
    }
    const source = decodeSource(bytes);
    return source.ok ? source : { ok: false, message: `${path}:${source.line}: ${source.message}` };
}

function label(source: ListSource): string {
    return source.label ?? UriUtils.basename(URI.parse(source.uri));
}

/** The 0-based line where each item's code is written. */
export function itemLines(root: ControlList): Record<string, number> {
    const lines: Record<string, number> = {};
    for (const node of AstUtils.streamAst(root) as Iterable<AstNode>) {
        if (!isEntry(node) && !isItem(node) && !isCategory(node)) continue;
        const code = fullCode(node);
        if (code && node.$cstNode && !(code in lines)) lines[code] = node.$cstNode.range.start.line;
    }
    return lines;
}

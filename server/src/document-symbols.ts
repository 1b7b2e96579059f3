import * as l10n from '@vscode/l10n';
import { type AstNode, type LangiumDocument, interruptAndCheck } from 'langium';
import type { DocumentSymbolProvider, LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, type DocumentSymbol, MessageType, ShowMessageNotification, SymbolKind } from 'vscode-languageserver';
import { isBlock } from '../../language/src/blocks.js';
import { fullCode } from '../../language/src/codes.js';
import { isCategory, isDefinitions, isEntry, isGroup, isItem, isParameterDecl, isTermDef } from '../../language/src/generated/ast.js';
import type { LargeFiles } from './large-files.js';

/** The outline checks for cancellation (and lets other messages through) after this many symbols. */
const SYMBOLS_BETWEEN_CHECKS = 500;

/**
 * How many symbols the outline lists unless `cld.outline.maxItems` says otherwise: two and a half
 * times the largest real list's (the EU's Annex I has 4,077; a WA edition about 3,000). The
 * answer is JSON that the server encodes and the editor decodes, about 280 bytes a symbol: for a
 * list ten times a WA edition (21,700 symbols, 6 MB) that alone took 95 ms of the outline's
 * 105-120, on every outline refresh as you type. VS Code's own JSON, HTML and CSS servers cap
 * theirs the same way (`json.maxItemsComputed`, 5,000).
 */
export const DEFAULT_OUTLINE_MAX_ITEMS = 10_000;

/**
 * The outline: categories > groups > entries > items, each named by its code and a short text.
 * On a list of 100,000 items it takes long enough that an editor may cancel it (the user moved
 * on); it then stops at the next check instead of finishing for nobody. Near the file-size
 * limit entries are listed without their items (large-files.ts). Past the most symbols it may
 * list, it lists them level by level (firstLevels) and says so once per file.
 */
export class CldDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly told = new Set<string>();

    constructor(private readonly largeFiles: LargeFiles, private readonly shared: LangiumSharedServices) {}

    async getSymbols(document: LangiumDocument, _params?: unknown, cancelToken: CancellationToken = CancellationToken.None): Promise<DocumentSymbol[]> {
        const all = await this.allSymbols(document, cancelToken);
        const limit = await this.maxItems();
        const count = symbolCount(all);
        if (count <= limit) return all;
        this.tellOnce(document, limit, count);
        return firstLevels(all, limit);
    }

    private async allSymbols(document: LangiumDocument, cancelToken: CancellationToken): Promise<DocumentSymbol[]> {
        const entriesOnly = this.largeFiles.reduced(document);
        let made = 0;
        const checked = async () => {
            if (++made % SYMBOLS_BETWEEN_CHECKS === 0) await interruptAndCheck(cancelToken);
        };
        const symbolsOf = async (node: AstNode): Promise<DocumentSymbol[]> => {
            const children = (node as { members?: AstNode[] }).members ?? (isDefinitions(node) ? node.terms : []);
            const symbols: DocumentSymbol[] = [];
            for (const child of children) {
                const kept = entriesOnly ? undefined : keptSymbol(child);
                if (kept) {
                    symbols.push(kept);
                    continue;
                }
                const symbol = symbolFor(child);
                if (!symbol) continue;
                await checked();
                if (!isParameterDecl(child) && !isTermDef(child) && !(entriesOnly && isEntry(child))) symbol.children = await symbolsOf(child);
                if (!entriesOnly && isBlock(child)) keep(child, symbol);
                symbols.push(symbol);
            }
            return symbols;
        };
        return symbolsOf(document.parseResult.value);
    }

    /** `cld.outline.maxItems`, when it is a whole number of at least 1. */
    private async maxItems(): Promise<number> {
        // Without a client there are no settings (and the configuration is never ready).
        if (!this.shared.lsp.Connection) return DEFAULT_OUTLINE_MAX_ITEMS;
        try {
            const outline = await this.shared.workspace.ConfigurationProvider.getConfiguration('cld', 'outline') as { maxItems?: unknown } | undefined;
            const value = outline?.maxItems;
            return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_OUTLINE_MAX_ITEMS;
        } catch {
            return DEFAULT_OUTLINE_MAX_ITEMS;
        }
    }

    private tellOnce(document: LangiumDocument, limit: number, count: number): void {
        const key = `${document.uri.toString()} ${limit}`;
        if (this.told.has(key)) return;
        this.told.add(key);
        const name = document.uri.path.split('/').pop() ?? '';
        // A notification (window/showMessage), as for large files: nothing to answer.
        void this.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message:
            l10n.t('The outline of {0} lists {1} of its {2} symbols, level by level: categories, groups and entries first, then items as far as they fit. The setting cld.outline.maxItems raises the limit.', name, limit.toLocaleString('en'), count.toLocaleString('en')) });
    }
}

function symbolCount(symbols: DocumentSymbol[]): number {
    let count = symbols.length;
    for (const symbol of symbols) if (symbol.children) count += symbolCount(symbol.children);
    return count;
}

/**
 * The first `limit` symbols level by level (breadth first), each in its place: the top level,
 * then every symbol's children, then theirs, until the limit. Copies, so that the symbols kept
 * for the next outline keep their children.
 */
export function firstLevels(symbols: DocumentSymbol[], limit: number): DocumentSymbol[] {
    const result: DocumentSymbol[] = [];
    const queue: Array<{ symbol: DocumentSymbol; into: DocumentSymbol[] }> = symbols.map(symbol => ({ symbol, into: result }));
    for (let next = 0; next < queue.length && next < limit; next++) {
        const { symbol, into } = queue[next];
        const copy: DocumentSymbol = { ...symbol, children: [] };
        into.push(copy);
        for (const child of symbol.children ?? []) queue.push({ symbol: child, into: copy.children! });
    }
    return result;
}

/**
 * Each block's symbol (with its items) as last made, and where the block started then. A block
 * an edit kept has the same text, so the same symbols: where it has not moved (a keystroke
 * without a line break moves nothing but the rest of its own line) they are the same objects,
 * else they are moved down or up by whole lines. VS Code asks for the outline after keystrokes,
 * and a list ten times a WA edition has 25,000 symbols.
 */
const blockSymbols = new WeakMap<AstNode, { line: number; character: number; symbol: DocumentSymbol }>();

function keep(block: AstNode, symbol: DocumentSymbol): void {
    blockSymbols.set(block, { line: symbol.range.start.line, character: symbol.range.start.character, symbol });
}

function keptSymbol(block: AstNode): DocumentSymbol | undefined {
    const known = blockSymbols.get(block);
    const start = block.$cstNode?.range.start;
    if (!known || !start || start.character !== known.character) return undefined;
    if (start.line === known.line) return known.symbol;
    const moved = movedDown(known.symbol, start.line - known.line);
    keep(block, moved);
    return moved;
}

function movedDown(symbol: DocumentSymbol, lines: number): DocumentSymbol {
    const range = { start: { line: symbol.range.start.line + lines, character: symbol.range.start.character }, end: { line: symbol.range.end.line + lines, character: symbol.range.end.character } };
    // (Every symbol's selection range is its range: symbolFor.)
    return { ...symbol, range, selectionRange: range, children: symbol.children?.map(child => movedDown(child, lines)) };
}

/** The node's symbol, its children still to fill. */
function symbolFor(node: AstNode): DocumentSymbol | undefined {
    const range = node.$cstNode?.range;
    if (!range) return undefined;
    const make = (name: string, kind: SymbolKind, detail?: string): DocumentSymbol =>
        ({ name: name || '?', kind, detail: detail ? shorten(detail) : undefined, range, selectionRange: range, children: [] });
    if (isCategory(node)) return make(l10n.t('Category {0}', node.code), SymbolKind.Namespace, node.title);
    if (isGroup(node)) return make(`${node.letter}`, SymbolKind.Package, node.title);
    if (isEntry(node) || isItem(node)) return make(fullCode(node) ?? '?', isEntry(node) ? SymbolKind.Class : SymbolKind.Field, node.reserved ? l10n.t('reserved') : node.text);
    if (isParameterDecl(node)) return make(node.name, SymbolKind.Property, node.dimension);
    if (isDefinitions(node)) return make('definitions', SymbolKind.Namespace);
    if (isTermDef(node)) return make(node.name ?? `'${node.localName}'`, SymbolKind.Constant, node.definition);
    return undefined;
}

function shorten(text: string): string {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 80 ? line.slice(0, 79) + '…' : line;
}

import * as l10n from '@vscode/l10n';
import { type AstNode, type LangiumDocument, interruptAndCheck } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { CancellationToken, type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { fullCode } from '../../language/src/codes.js';
import { isCategory, isDefinitions, isEntry, isGroup, isItem, isParameterDecl, isTermDef } from '../../language/src/generated/ast.js';
import type { LargeFiles } from './large-files.js';

/** The outline checks for cancellation (and lets other messages through) after this many symbols. */
const SYMBOLS_BETWEEN_CHECKS = 500;

/**
 * The outline: categories > groups > entries > items, each named by its code and a short text.
 * On a list of 100,000 items it takes long enough that an editor may cancel it (the user moved
 * on); it then stops at the next check instead of finishing for nobody. Near the file-size
 * limit entries are listed without their items (large-files.ts).
 */
export class CldDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(private readonly largeFiles: LargeFiles) {}

    async getSymbols(document: LangiumDocument, _params?: unknown, cancelToken: CancellationToken = CancellationToken.None): Promise<DocumentSymbol[]> {
        const entriesOnly = this.largeFiles.reduced(document);
        let made = 0;
        const checked = async () => {
            if (++made % SYMBOLS_BETWEEN_CHECKS === 0) await interruptAndCheck(cancelToken);
        };
        const symbolsOf = async (node: AstNode): Promise<DocumentSymbol[]> => {
            const children = (node as { members?: AstNode[] }).members ?? (isDefinitions(node) ? node.terms : []);
            const symbols: DocumentSymbol[] = [];
            for (const child of children) {
                const symbol = symbolFor(child);
                if (!symbol) continue;
                await checked();
                if (!isParameterDecl(child) && !isTermDef(child) && !(entriesOnly && isEntry(child))) symbol.children = await symbolsOf(child);
                symbols.push(symbol);
            }
            return symbols;
        };
        return symbolsOf(document.parseResult.value);
    }
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

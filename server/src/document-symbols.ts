import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { fullCode } from '../../language/src/codes.js';
import { isCategory, isDefinitions, isEntry, isGroup, isItem, isParameterDecl, isTermDef } from '../../language/src/generated/ast.js';

/** The outline: categories > groups > entries > items, each named by its code and a short text. */
export class CldDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): MaybePromise<DocumentSymbol[]> {
        return symbolsOf(document.parseResult.value);
    }
}

function symbolsOf(node: AstNode): DocumentSymbol[] {
    const children = (node as { members?: AstNode[] }).members ?? (isDefinitions(node) ? node.terms : []);
    return children.flatMap(child => {
        const symbol = symbolFor(child);
        return symbol ? [symbol] : [];
    });
}

function symbolFor(node: AstNode): DocumentSymbol | undefined {
    const range = node.$cstNode?.range;
    if (!range) return undefined;
    const make = (name: string, kind: SymbolKind, detail?: string): DocumentSymbol =>
        ({ name: name || '?', kind, detail: detail ? shorten(detail) : undefined, range, selectionRange: range, children: symbolsOf(node) });
    if (isCategory(node)) return make(`Category ${node.code}`, SymbolKind.Namespace, node.title);
    if (isGroup(node)) return make(`${node.letter}`, SymbolKind.Package, node.title);
    if (isEntry(node) || isItem(node)) return make(fullCode(node) ?? '?', isEntry(node) ? SymbolKind.Class : SymbolKind.Field, node.reserved ? 'reserved' : node.text);
    if (isParameterDecl(node)) return { ...make(node.name, SymbolKind.Property, node.dimension), children: [] };
    if (isDefinitions(node)) return make('definitions', SymbolKind.Namespace);
    if (isTermDef(node)) return { ...make(node.name ?? `'${node.localName}'`, SymbolKind.Constant, node.definition), children: [] };
    return undefined;
}

function shorten(text: string): string {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 80 ? line.slice(0, 79) + '…' : line;
}

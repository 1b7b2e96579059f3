import type { AstNode, LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { type CancellationToken, SemanticTokenModifiers, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensDeltaParams, type SemanticTokensParams, type SemanticTokensRangeParams, SemanticTokenTypes } from 'vscode-languageserver';
import { isCategory, isEntry, isItem, isNote, isParameterDecl, isPrecedent, isQuantity, isReference, isTermDef, isThreshold, isTierSpec } from '../../language/src/generated/ast.js';
import { termsInNodeText } from '../../language/src/text-terms.js';
import type { LargeFiles } from './large-files.js';

const NONE: SemanticTokens = { data: [] };

/**
 * Semantic colours: codes, labels, parameters, units, tiers, note kinds and the terms inside text.
 * None near the file-size limit (large-files.ts): the TextMate grammar colours those files.
 */
export class CldSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(services: LangiumServices, private readonly largeFiles: LargeFiles) {
        super(services);
    }

    override semanticHighlight(document: LangiumDocument, params: SemanticTokensParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.largeFiles.reduced(document) ? Promise.resolve(NONE) : super.semanticHighlight(document, params, cancelToken);
    }

    override semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.largeFiles.reduced(document) ? Promise.resolve(NONE) : super.semanticHighlightRange(document, params, cancelToken);
    }

    override semanticHighlightDelta(document: LangiumDocument, params: SemanticTokensDeltaParams, cancelToken?: CancellationToken): Promise<SemanticTokens | SemanticTokensDelta> {
        return this.largeFiles.reduced(document) ? Promise.resolve(NONE) : super.semanticHighlightDelta(document, params, cancelToken);
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isCategory(node)) acceptor({ node, property: 'code', type: SemanticTokenTypes.namespace, modifier: SemanticTokenModifiers.declaration });
        else if (isEntry(node)) acceptor({ node, property: 'code', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.declaration });
        else if (isItem(node)) acceptor({ node, property: 'label', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.declaration });
        else if (isParameterDecl(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.property, modifier: SemanticTokenModifiers.declaration });
        else if (isThreshold(node)) acceptor({ node, property: 'parameter', type: SemanticTokenTypes.property });
        else if (isQuantity(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
            if (node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.type });
        } else if (isTierSpec(node)) node.tiers.forEach((_, index) => acceptor({ node, property: 'tiers', index, type: SemanticTokenTypes.enum }));
        else if (isReference(node)) acceptor({ node, property: 'target', type: SemanticTokenTypes.class });
        else if (isPrecedent(node)) acceptor({ node, property: 'code', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.defaultLibrary });
        else if (isNote(node)) acceptor({ node, property: 'kind', type: SemanticTokenTypes.decorator });
        if (isItem(node) || isEntry(node) || isNote(node) || isTermDef(node)) this.highlightTerms(node, isTermDef(node) ? 'definition' : 'text', acceptor);
        if (isTermDef(node)) acceptor({ node, property: node.name !== undefined ? 'name' : 'localName', type: SemanticTokenTypes.variable, modifier: SemanticTokenModifiers.declaration });
    }

    private highlightTerms(node: AstNode, property: string, acceptor: SemanticTokenAcceptor): void {
        const text = node.$document?.textDocument;
        if (!text) return;
        for (const term of termsInNodeText(node, property)) {
            const start = text.positionAt(term.start);
            const end = text.positionAt(term.end);
            if (start.line !== end.line) continue; // tokens cannot span lines
            acceptor({ line: start.line, char: start.character, length: end.character - start.character, type: SemanticTokenTypes.variable, modifier: term.kind === 'local' ? SemanticTokenModifiers.readonly : [] });
        }
    }
}

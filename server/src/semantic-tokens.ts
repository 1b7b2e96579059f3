import { type AstNode, AstUtils, type CstNode, GrammarAST, isCompositeCstNode, type LangiumDocument } from 'langium';
import { SKIP_CHILDREN, forEachAstNode, forEachAstNodeInterruptibly } from '../../language/src/ast-walk.js';
import { isBlock } from '../../language/src/blocks.js';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor, type SemanticTokenPropertyOptions, SemanticTokensBuilder } from 'langium/lsp';
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

    /**
     * Langium's walk, on the faster one (ast-walk.ts); a range request skips the nodes outside it.
     * A whole-document request takes a block's tokens from the last time, when the block is the
     * one an edit kept (incremental-parse.ts): VS Code asks again after every keystroke, and a list
     * ten times a WA edition has 160,000 tokens, nearly all in blocks the keystroke did not touch.
     */
    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: CancellationToken): Promise<void> {
        const range = this.currentRange;
        await forEachAstNodeInterruptibly(document.parseResult.value, cancelToken, node => {
            const cst = node.$cstNode;
            if (range && cst && (cst.range.end.line < range.start.line || cst.range.start.line > range.end.line)) return SKIP_CHILDREN;
            if (!range && cst && isBlock(node)) {
                this.highlightBlock(node, cst.range.start, acceptor);
                return SKIP_CHILDREN;
            }
            this.highlightElement(node, acceptor);
            return undefined;
        });
    }

    /** A block's tokens: those it had last time, moved to where it starts now, or worked out and kept. */
    private highlightBlock(block: AstNode, start: { line: number; character: number }, acceptor: SemanticTokenAcceptor): void {
        const builder = this.currentTokensBuilder!;
        let known = blockTokens.get(block);
        // (A block's tokens depend on its own text alone; a kept block's text is unchanged. Columns
        // stay unless the text before it on its first line changed.)
        if (!known || known.character !== start.character) {
            const data: number[] = [];
            this.currentTokensBuilder = {
                push: (line: number, char: number, length: number, type: number, modifiers: number) => { data.push(line - start.line, char, length, type, modifiers); },
            } as SemanticTokensBuilder;
            try {
                forEachAstNode(block, node => { this.highlightElement(node, acceptor); });
            } finally {
                this.currentTokensBuilder = builder;
            }
            blockTokens.set(block, known = { character: start.character, data: inTextOrder(data) });
        }
        const data = known.data;
        for (let i = 0; i < data.length; i += 5) builder.push(start.line + data[i], data[i + 1], data[i + 2], data[i + 3], data[i + 4]);
    }

    /** The builder of each document's tokens: InTextOrderBuilder (below). */
    protected override getDocumentTokensBuilder(document: LangiumDocument): SemanticTokensBuilder {
        const key = document.uri.toString();
        let builder = this.tokensBuilders.get(key);
        if (!builder) this.tokensBuilders.set(key, builder = new InTextOrderBuilder());
        return builder;
    }

    /**
     * The tokens of a node's property, found as Langium finds them, but with the assignment each
     * grammar element belongs to looked up once (GrammarUtils walks up the grammar for every token
     * of every node: most of the time semantic tokens took on a full WA edition).
     */
    protected override highlightProperty<N extends AstNode>(options: SemanticTokenPropertyOptions<N>): void {
        const found = propertyNodes(options.node.$cstNode, options.property as string, options.node);
        const nodes = typeof options.index === 'number' ? [found[Math.min(options.index, found.length - 1)]].filter(Boolean) : found;
        for (const node of nodes) this.highlightNode({ node, type: options.type, modifier: options.modifier });
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

/**
 * Langium's builder keeps an object for every token and sorts them all when the answer is built:
 * 160,000 objects and a sort on every request for a list ten times a WA edition, and its slowest
 * answers were the garbage collector's. This one hands each token to the protocol's builder at
 * once, which delta-encodes tokens that come in text order and sorts only if some do not (the
 * same answer). A kept block's tokens are kept in text order (inTextOrder), so they come in order.
 */
class InTextOrderBuilder extends SemanticTokensBuilder {
    override push(line: number, char: number, length: number, tokenType: number, tokenModifiers: number): void {
        PROTOCOL_PUSH.call(this, line, char, length, tokenType, tokenModifiers);
    }
}

const PROTOCOL_PUSH = (Object.getPrototypeOf(SemanticTokensBuilder.prototype) as { push: (line: number, char: number, length: number, tokenType: number, tokenModifiers: number) => void }).push;

/** Tokens (five numbers each) sorted by line, then column; tokens at one place keep their order. */
function inTextOrder(data: number[]): number[] {
    const count = data.length / 5;
    const order = Array.from({ length: count }, (_, i) => i);
    order.sort((a, b) => (data[5 * a] - data[5 * b]) || (data[5 * a + 1] - data[5 * b + 1]));
    const sorted: number[] = new Array(data.length);
    order.forEach((from, to) => { for (let k = 0; k < 5; k++) sorted[5 * to + k] = data[5 * from + k]; });
    return sorted;
}

/** Each block's tokens as last worked out, in text order: lines counted from the block's first, and the column it started at. */
const blockTokens = new WeakMap<AstNode, { character: number; data: number[] }>();

const assignedFeature = new Map<unknown, string | undefined>();

/** The property a CST node's grammar element assigns, if any (the elements are the grammar's, few). */
function featureOf(node: CstNode): string | undefined {
    const source = node.grammarSource;
    if (!assignedFeature.has(source)) assignedFeature.set(source, source ? AstUtils.getContainerOfType(source, GrammarAST.isAssignment)?.feature : undefined);
    return assignedFeature.get(source);
}

/**
 * GrammarUtils.findNodesForProperty, with featureOf, and without asking each CST node for its AST
 * node (a walk up the tree): a composite made for another AST node has that node set on itself.
 */
function propertyNodes(node: CstNode | undefined, property: string, element: AstNode): CstNode[] {
    if (!node || !isCompositeCstNode(node)) return [];
    const found: CstNode[] = [];
    const stack: CstNode[] = [...node.content].reverse();
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (featureOf(current) === property) found.push(current);
        else if (isCompositeCstNode(current)) {
            const own = (current as unknown as { _astNode?: AstNode })._astNode;
            if (own === undefined || own === element) for (let i = current.content.length - 1; i >= 0; i--) stack.push(current.content[i]);
        }
    }
    return found;
}

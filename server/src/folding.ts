import { type AstNode, CstUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type LangiumServices } from 'langium/lsp';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { SKIP_CHILDREN, forEachAstNode } from '../../language/src/ast-walk.js';
import { isBlock } from '../../language/src/blocks.js';

/**
 * Langium's folding ranges (every node and block comment of three lines or more), found without
 * its streams over every AST node and every CST leaf: the nodes on the faster walk (ast-walk.ts),
 * and block comments where the text has a `/*` (most lists have few), not among all the tokens.
 */
export class CldFoldingRangeProvider extends DefaultFoldingRangeProvider {
    private readonly commentRules: string[];

    constructor(services: LangiumServices) {
        super(services);
        this.commentRules = services.parser.GrammarConfig.multilineCommentRules;
    }

    protected override collectFolding(document: LangiumDocument, acceptor: (range: FoldingRange) => void): void {
        const root = document.parseResult?.value;
        const rootCst = root?.$cstNode;
        if (!root || !rootCst) return;
        forEachAstNode(root, node => {
            if (node === root) return undefined;
            if (isBlock(node) && node.$cstNode) {
                this.foldBlock(document, node, node.$cstNode.range.start.line, acceptor);
                return SKIP_CHILDREN;
            }
            this.collectObjectFolding(document, node, acceptor);
            return undefined;
        });
        const text = rootCst.root.fullText;
        for (let at = text.indexOf('/*'); at >= 0; at = text.indexOf('/*', at + 2)) {
            const leaf = CstUtils.findLeafNodeAtOffset(rootCst, at);
            if (!leaf?.hidden || leaf.offset !== at || !this.commentRules.includes(leaf.tokenType.name)) continue;
            const range = this.toFoldingRange(document, leaf, FoldingRangeKind.Comment);
            if (range) acceptor(range);
        }
    }

    /**
     * A block's ranges: those it had last time, moved to the line it starts on now, or worked out
     * and kept. A block an edit kept has the same text, so the same ranges (VS Code asks after
     * every keystroke; a list ten times a WA edition has 50,000 of them).
     */
    private foldBlock(document: LangiumDocument, block: AstNode, startLine: number, acceptor: (range: FoldingRange) => void): void {
        const known = blockRanges.get(block);
        if (known) {
            for (const range of known) acceptor({ ...range, startLine: range.startLine + startLine, endLine: range.endLine + startLine });
            return;
        }
        const ranges: FoldingRange[] = [];
        forEachAstNode(block, node => this.collectObjectFolding(document, node, range => {
            ranges.push({ ...range, startLine: range.startLine - startLine, endLine: range.endLine - startLine });
            acceptor(range);
        }));
        blockRanges.set(block, ranges);
    }
}

/** Each block's folding ranges as last worked out, lines counted from the block's first. */
const blockRanges = new WeakMap<AstNode, FoldingRange[]>();

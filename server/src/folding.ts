import { type AstNode, CstUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type LangiumServices } from 'langium/lsp';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { forEachAstNode } from '../../language/src/ast-walk.js';

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
            if (node !== root) this.collectObjectFolding(document, node as AstNode, acceptor);
        });
        const text = rootCst.root.fullText;
        for (let at = text.indexOf('/*'); at >= 0; at = text.indexOf('/*', at + 2)) {
            const leaf = CstUtils.findLeafNodeAtOffset(rootCst, at);
            if (!leaf?.hidden || leaf.offset !== at || !this.commentRules.includes(leaf.tokenType.name)) continue;
            const range = this.toFoldingRange(document, leaf, FoldingRangeKind.Comment);
            if (range) acceptor(range);
        }
    }
}

import type { AstNode } from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { SKIP_CHILDREN, forEachAstNode, forEachAstNodeInterruptibly } from './ast-walk.js';
import { isBlock } from './blocks.js';
import { fullCode } from './codes.js';
import { isCategory, isEntry, isItem, isParameterDecl, isTermDef } from './generated/ast.js';

/** The name a node is found by: an entry's or item's full code, a munitions category's code, a parameter's or defined term's name. */
export function nameOf(node: AstNode): string | undefined {
    if (isEntry(node) || isItem(node)) return fullCode(node) || undefined;
    if (isCategory(node)) return node.code?.startsWith('ML') ? node.code : undefined;
    if (isParameterDecl(node)) return node.name || undefined;
    if (isTermDef(node)) return node.name;
    return undefined;
}

const namedInBlocks = new WeakMap<AstNode, Array<[string, AstNode]>>();

/**
 * Every named node of a list with its name, in document order: what the index, the scopes and the
 * duplicate-code check read. A block's names are kept with the block (its codes hang on labels
 * inside it and codes above it, which an edit in another block does not change).
 */
export function namedNodes(root: AstNode): Array<[string, AstNode]> {
    const named: Array<[string, AstNode]> = [];
    forEachAstNode(root, collector(named));
    return named;
}

/**
 * The same, letting other requests through now and then (ast-walk.ts): the first time, on a
 * list at the size limit, naming every node held up the server for 0.4 s in one piece.
 */
export async function namedNodesInterruptibly(root: AstNode, cancelToken: CancellationToken): Promise<Array<[string, AstNode]>> {
    const named: Array<[string, AstNode]> = [];
    await forEachAstNodeInterruptibly(root, cancelToken, collector(named));
    return named;
}

/** A walk's visit that adds each named node to `named`, a block's from what is kept with it. */
function collector(named: Array<[string, AstNode]>): (node: AstNode) => typeof SKIP_CHILDREN | undefined {
    const add = (node: AstNode, into: Array<[string, AstNode]>) => {
        const name = nameOf(node);
        if (name !== undefined) into.push([name, node]);
    };
    return node => {
        if (!isBlock(node)) {
            add(node, named);
            return undefined;
        }
        let inBlock = namedInBlocks.get(node);
        if (!inBlock) {
            const list: Array<[string, AstNode]> = [];
            forEachAstNode(node, inner => add(inner, list));
            namedInBlocks.set(node, inBlock = list);
        }
        for (const pair of inBlock) named.push(pair);
        return SKIP_CHILDREN;
    };
}

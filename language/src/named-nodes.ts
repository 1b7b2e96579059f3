import type { AstNode } from 'langium';
import { SKIP_CHILDREN, forEachAstNode } from './ast-walk.js';
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
    const add = (node: AstNode, into: Array<[string, AstNode]>) => {
        const name = nameOf(node);
        if (name !== undefined) into.push([name, node]);
    };
    forEachAstNode(root, node => {
        if (!isBlock(node)) return add(node, named);
        let inBlock = namedInBlocks.get(node);
        if (!inBlock) {
            const list: Array<[string, AstNode]> = [];
            forEachAstNode(node, inner => add(inner, list));
            namedInBlocks.set(node, inBlock = list);
        }
        for (const pair of inBlock) named.push(pair);
        return SKIP_CHILDREN;
    });
    return named;
}

import type { AstNode, ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { SKIP_CHILDREN, forEachAstNode, forEachAstNodeInterruptibly, referencesOf } from './ast-walk.js';
import { isBlock } from './blocks.js';

/**
 * Every cross-reference of a list, in the order of the walk (ast-walk.ts), for linking and for the
 * index of references. A block's references are collected once and kept with it: a block an edit
 * kept holds the same references (its nodes are the same objects), and both phases ran on every
 * keystroke over every node of the list, asking each for its properties.
 */
export async function forEachReference(root: AstNode, cancelToken: CancellationToken, visit: (info: ReferenceInfo) => void): Promise<void> {
    await forEachAstNodeInterruptibly(root, cancelToken, node => {
        if (isBlock(node)) {
            for (const info of referencesInBlock(node)) visit(info);
            return SKIP_CHILDREN;
        }
        for (const info of referencesOf(node)) visit(info);
        return undefined;
    });
}

const blockReferences = new WeakMap<AstNode, ReferenceInfo[]>();

function referencesInBlock(block: AstNode): ReferenceInfo[] {
    let found = blockReferences.get(block);
    if (!found) {
        const references: ReferenceInfo[] = [];
        forEachAstNode(block, node => { for (const info of referencesOf(node)) references.push(info); });
        blockReferences.set(block, found = references);
    }
    return found;
}

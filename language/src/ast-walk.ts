import type { CancellationToken } from 'vscode-languageserver-protocol';
import { type AstNode, type ReferenceInfo, interruptAndCheck, isAstNode, isReference } from 'langium';

/**
 * Walks over a whole list's AST, in the order of Langium's streams (streamAst, streamReferences)
 * but without them: each stream step is a closure call and an object, and every phase of a build
 * (index, link, reference index, validation) walked the 40,000 nodes of a full WA edition that way,
 * the async phases yielding to the event loop at every node besides.
 */

/** What a visit returns to leave the nodes under the one visited out of the walk. */
export const SKIP_CHILDREN = Symbol('skip children');

/** Every node under `root`, and `root` first, depth first in property order (but not under a node whose visit says SKIP_CHILDREN). */
export function forEachAstNode(root: AstNode, visit: (node: AstNode) => void | typeof SKIP_CHILDREN): void {
    const stack: AstNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (visit(node) !== SKIP_CHILDREN) pushChildren(node, stack);
    }
}

/**
 * The same walk, letting the event loop run (and a cancellation land) about every 10 ms, as
 * Langium's interruptAndCheck decides; a visit may be async and is then awaited.
 */
export async function forEachAstNodeInterruptibly(root: AstNode, cancelToken: CancellationToken, visit: (node: AstNode) => void | PromiseLike<void | typeof SKIP_CHILDREN> | typeof SKIP_CHILDREN): Promise<void> {
    const stack: AstNode[] = [root];
    for (let visited = 0; stack.length > 0; visited++) {
        if ((visited & 63) === 0) await interruptAndCheck(cancelToken);
        const node = stack.pop()!;
        let result = visit(node);
        if (result && result !== SKIP_CHILDREN) result = await result;
        if (result !== SKIP_CHILDREN) pushChildren(node, stack);
    }
}

/** The cross-references a node holds itself (not those of its children). */
export function referencesOf(node: AstNode): ReferenceInfo[] {
    const found: ReferenceInfo[] = [];
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value)) {
            found.push({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element, index) => { if (isReference(element)) found.push({ reference: element, container: node, property, index }); });
        }
    }
    return found;
}

/** A node's children onto a stack, last first, so that the first comes off first. */
function pushChildren(node: AstNode, stack: AstNode[]): void {
    const start = stack.length;
    for (const key of Object.keys(node)) {
        if (key.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNode(item)) stack.push(item);
        } else if (isAstNode(value)) {
            stack.push(value);
        }
    }
    for (let i = start, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j], stack[i]];
}

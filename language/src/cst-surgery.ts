import { type AstNode, type CompositeCstNode, type CstNode, type ParseResult, isCompositeCstNode, isLeafCstNode } from 'langium';

/**
 * Moving parsed pieces of CST into another tree: a block reparsed alone after an edit
 * (incremental-parse.ts), or the blocks of a large list parsed one by one (parse-in-pieces.ts).
 * Langium's leaves hold absolute positions, so a piece parsed from its own first character is
 * moved to where it lies in the whole text.
 */

export type Writable<T> = { -readonly [K in keyof T]: T[K] };

type MutableLeaf = { _offset: number; _startLine: number; _startColumn: number; _endLine: number; _endColumn: number };

/** A leaf moved by `offset` characters and `lines` lines, and on some lines by columns. */
export function moveLeaf(leaf: CstNode, offset: number, lines: number, columnsOnLine: (line: number) => number): void {
    const l = leaf as unknown as MutableLeaf;
    l._offset += offset;
    l._startColumn += columnsOnLine(l._startLine);
    l._endColumn += columnsOnLine(l._endLine);
    l._startLine += lines;
    l._endLine += lines;
}

/** A piece parsed from its own first character, moved to `offset`, on `line` at `column`. */
export function movePiece(root: CstNode, offset: number, line: number, column: number): void {
    forEachLeaf(root, leaf => moveLeaf(leaf, offset, line, pieceLine => pieceLine === 0 ? column : 0));
}

/** A composite node's range is cached; it is worked out again after its leaves moved. */
export function forgetRange(node: CstNode): void {
    (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
}

/**
 * A piece's root CST node as an ordinary composite node, of the class `like` has, for the
 * grammar element that parsed it in place (the rule call of `members+=GroupMember`, say).
 */
export function asComposite(pieceRoot: CstNode, like: CstNode, grammarSource: CstNode['grammarSource']): CompositeCstNode {
    // Made by the class's own constructor, so that it has the shape of the nodes the parser makes.
    const composite = new (like.constructor as new () => CompositeCstNode)();
    (composite as Writable<CompositeCstNode>).grammarSource = grammarSource;
    const content = (pieceRoot as CompositeCstNode).content;
    for (const child of content) (child as { container: CompositeCstNode }).container = composite;
    (composite as Writable<CompositeCstNode>).content = content;
    (composite as Writable<CompositeCstNode>).astNode = pieceRoot.astNode;
    return composite;
}

/** Every leaf under `node`. */
export function forEachLeaf(node: CstNode, visit: (leaf: CstNode) => void): void {
    forEachNode(node, current => { if (isLeafCstNode(current)) visit(current); });
}

/** Every CST node under `node`, and the node itself. */
export function forEachNode(node: CstNode, visit: (node: CstNode) => void): void {
    const stack: CstNode[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        visit(current);
        if (isCompositeCstNode(current)) for (const child of current.content) stack.push(child);
    }
}

/** Whether a parse found any error, the lexer's included. */
export function hasParseErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

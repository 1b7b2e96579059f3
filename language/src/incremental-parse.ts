import { type AstNode, type CompositeCstNode, type CstNode, GrammarAST, type LangiumParser, type ParseResult, isLeafCstNode } from 'langium';
import { type Writable, asComposite, forEachNode, forgetRange, hasParseErrors, moveLeaf, movePiece } from './cst-surgery.js';
import { detached } from './detached-text.js';
import { type ControlList, isCategory, isControlList, isEntry, isGroup, isItem } from './generated/ast.js';

/**
 * Reparsing only the block an edit falls in. A keystroke in a full WA edition (700 KB, 24,000
 * tokens) paid a whole parse, about half of what it took to answer with diagnostics; the list is
 * made of independent blocks (`entry ... { }`, and a munitions category's `item ... { }`), so an
 * edit inside one is parsed as that block alone, or as the innermost item inside it that holds
 * the edit (the same reasoning holds for any item that ends with `}` or `;`), and spliced into
 * the previous tree.
 *
 * The result is the tree a full parse of the new text gives, or nothing (and the caller parses
 * the whole text): the edit must lie strictly inside one block, which must still parse as one
 * block with no error, and the previous parse must have had no error either. Why that is the same
 * tree: the text before the block is unchanged, so the lexer reaches the block's first character
 * in the same state; the block ends with `}` or `;`, which no token extends, so the tokens after
 * it are unchanged too; and the parser enters and leaves the block on the same tokens.
 *
 * Nodes on the path from the root to the block are new objects (copies), the rest are shared
 * with the previous tree: caches keyed by a node (terms of an entry, codes of a list) stay right
 * because a node is only reused when nothing under it changed. The previous tree is given up: its
 * shared nodes now belong to the new one, and their positions are moved in place.
 */
export function reparseIncrementally(parser: LangiumParser, previous: ParseResult<AstNode>, oldText: string, newText: string): ParseResult<ControlList> | undefined {
    const root = previous.value;
    if (!isControlList(root) || !root.$cstNode || hasParseErrors(previous) || root.$cstNode.root.fullText !== oldText) return undefined;
    const change = changedRange(oldText, newText);
    if (!change) return undefined;
    const block = innermostAround(blockAround(root, change.start, change.oldEnd), change.start, change.oldEnd, oldText);
    if (!block?.$cstNode) return undefined;
    const oldCst = block.$cstNode;
    const start = oldCst.offset;
    const newEnd = oldCst.end + change.delta;
    // (A copy: the block's strings are cut from it, and must not keep this version's whole text; detached-text.ts.)
    const source = detached(newText.slice(start, newEnd));
    if (!/[};]$/.test(source)) return undefined;
    // Parsed with the rule that parsed it in place (`CategoryMember`, `GroupMember`), so that the
    // CST has the same levels as a full parse's.
    const rule = GrammarAST.isRuleCall(oldCst.grammarSource) ? oldCst.grammarSource.rule.ref?.name : undefined;
    if (!rule) return undefined;
    const parsed = parser.parse(source, { rule });
    if (hasParseErrors(parsed) || parsed.value.$type !== block.$type || !parsed.value.$cstNode) return undefined;
    return splice(root, block, parsed.value, { start, oldEnd: oldCst.end, newEnd, newText, oldEndPosition: oldCst.range.end });
}

/** Where two texts differ: the longest common prefix and suffix left out, in old and new offsets. */
export function changedRange(oldText: string, newText: string): { start: number; oldEnd: number; delta: number } | undefined {
    if (oldText === newText) return undefined;
    const shorter = Math.min(oldText.length, newText.length);
    // Whole chunks first (a string comparison is a memory comparison), then character by character.
    const CHUNK = 4096;
    let start = 0;
    while (start + CHUNK <= shorter && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
    while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let suffix = 0;
    while (suffix + CHUNK <= shorter - start && oldText.slice(oldText.length - suffix - CHUNK, oldText.length - suffix) === newText.slice(newText.length - suffix - CHUNK, newText.length - suffix)) suffix += CHUNK;
    while (suffix < shorter - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return { start, oldEnd: oldText.length - suffix, delta: newText.length - oldText.length };
}

/**
 * The block an edit of [start, end) lies strictly inside: an entry, or an item directly in a
 * category (munitions), with at least its first and last characters untouched, so that the
 * keyword that opens it and the `}` or `;` that closes it stay.
 */
function blockAround(root: ControlList, start: number, end: number): AstNode | undefined {
    const inside = (node: AstNode) => node.$cstNode !== undefined && node.$cstNode.offset < start && end < node.$cstNode.end;
    for (const member of root.members) {
        if (!isCategory(member) || !inside(member)) continue;
        for (const child of member.members) {
            if ((isEntry(child) || isItem(child)) && inside(child)) return child;
            if (isGroup(child) && inside(child)) return child.members.find(entry => isEntry(entry) && inside(entry));
        }
    }
    return undefined;
}

/**
 * Within the block, the innermost item the edit lies strictly inside that ends with `}` or `;`
 * (so that it too can be parsed alone), or the block itself. A keystroke in a large entry (3.A.1
 * of the 2021 edition is 78 KB) then reparses one item, and every other item of the entry is kept,
 * with what was worked out for it; the entry's checks still run again (see "Keystrokes").
 */
function innermostAround(block: AstNode | undefined, start: number, end: number, text: string): AstNode | undefined {
    let node = block;
    for (let deeper = node; deeper; ) {
        node = deeper;
        deeper = undefined;
        const members = (node as { members?: AstNode[] }).members ?? [];
        for (const member of members) {
            const cst = member.$cstNode;
            if (!isItem(member) || !cst || !(cst.offset < start && end < cst.end)) continue;
            if (text[cst.end - 1] === '}' || text[cst.end - 1] === ';') deeper = member;
            break;
        }
    }
    return node;
}

interface Splice {
    start: number;
    oldEnd: number;
    newEnd: number;
    newText: string;
    oldEndPosition: { line: number; character: number };
}

/** The previous tree with `block` replaced by `fresh` (parsed from the block's new text alone). */
function splice(root: ControlList, block: AstNode, fresh: AstNode, at: Splice): ParseResult<ControlList> {
    const rootCst = root.$cstNode!;
    const startPosition = block.$cstNode!.range.start;
    // The fresh block's positions count from its own first character.
    movePiece(fresh.$cstNode!, at.start, startPosition.line, startPosition.character);
    const freshCst = asComposite(fresh.$cstNode!, block.$cstNode!, block.$cstNode!.grammarSource);
    (fresh as Writable<AstNode>).$cstNode = freshCst;
    (freshCst as Writable<CompositeCstNode>).astNode = fresh;
    // Everything after the block moves by the change in length, lines and (on the block's last line) columns.
    const newEndPosition = freshCst.range.end;
    const lineDelta = newEndPosition.line - at.oldEndPosition.line;
    const columnDelta = newEndPosition.character - at.oldEndPosition.character;
    const offsetDelta = at.newEnd - at.oldEnd;
    forEachNodeAfter(block.$cstNode!, node => {
        if (isLeafCstNode(node)) moveLeaf(node, offsetDelta, lineDelta, line => line === at.oldEndPosition.line ? columnDelta : 0);
        else forgetRange(node);
    });
    replaceCstChild(block.$cstNode!, freshCst);
    // New objects on the path from the root to the block.
    const newRoot = replaceOnPath(block, fresh) as ControlList;
    (rootCst as unknown as { _text: string })._text = at.newText;
    for (let node: CstNode | undefined = freshCst.container; node; node = node.container) forgetRange(node);
    return { value: newRoot, lexerErrors: [], parserErrors: [] };
}

/** The copies of `old`'s ancestors, each holding the copy below it in `old`'s place; the new root. */
function replaceOnPath(old: AstNode, fresh: AstNode): AstNode {
    let child = fresh;
    let original = old;
    for (;;) {
        const parent = original.$container;
        Object.assign(child, { $container: parent, $containerProperty: original.$containerProperty, $containerIndex: original.$containerIndex });
        if (!parent) return child;
        const copy = { ...parent } as AstNode & Record<string, unknown>;
        for (const [key, value] of Object.entries(copy)) {
            if (key.startsWith('$')) continue;
            if (Array.isArray(value)) {
                copy[key] = value.map(item => item === original ? child : item);
                for (const item of copy[key] as unknown[]) if (isAst(item)) (item as { $container: AstNode }).$container = copy;
            } else if (value === original) {
                copy[key] = child;
            } else if (isAst(value)) {
                (value as { $container: AstNode }).$container = copy;
            }
        }
        Object.assign(child, { $container: copy });
        if (parent.$cstNode) (parent.$cstNode as Writable<CstNode>).astNode = copy;
        original = parent;
        child = copy;
    }
}

function isAst(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

function replaceCstChild(old: CstNode, fresh: CompositeCstNode): void {
    const parent = old.container!;
    const index = parent.content.indexOf(old);
    (parent.content as CstNode[])[index] = fresh;
    (fresh as { container: CompositeCstNode }).container = parent;
}

/** Every CST node that comes after `node` in the text (the later siblings of it and of each of its ancestors, and all under them). */
function forEachNodeAfter(node: CstNode, visit: (node: CstNode) => void): void {
    for (let child = node, parent = node.container; parent; child = parent, parent = parent.container) {
        const content = parent.content;
        for (let i = content.indexOf(child) + 1; i < content.length; i++) forEachNode(content[i], visit);
    }
}

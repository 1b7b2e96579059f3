/**
 * Item codes. A code is category + group + entry number + labels. Two spellings exist:
 * `wassenaar` (3.B.1.f.1.a) and `eccn` (3B001.f.1.a); munitions use ML8.a.1 in both.
 */
import type { AstNode } from 'langium';
import { type Category, type ControlList, type Entry, type Group, type Item, isCategory, isControlList, isEntry, isGroup, isItem } from './generated/ast.js';
import type { Numbering } from './code-syntax.js';

// Codes as text (parsing, the WA and ECCN spellings) are in code-syntax.ts, which needs no AST
// (the flat model, diff and history use it without Langium); they are exported from here too.
export { type Numbering, type ParsedCode, eccnRegime, parseCode, toEccnCode, toWassenaarCode } from './code-syntax.js';

/** The numbering a list declares; `wassenaar` when it declares none. */
export function numberingOf(node: AstNode): Numbering {
    let root: AstNode = node;
    while (root.$container) root = root.$container;
    return isControlList(root) ? (root.header?.numbering as Numbering | undefined) ?? 'wassenaar' : 'wassenaar';
}

/** The full code of an entry or item as written in its list's numbering, e.g. `3B001.f.1.a`. */
export function fullCode(node: Entry | Item | Category): string | undefined {
    if (isCategory(node)) return node.code;
    if (isEntry(node)) return node.code;
    if (itemCodes.has(node)) return itemCodes.get(node);
    const parent = node.$container;
    let code: string | undefined;
    if (isItem(parent) || isEntry(parent) || isCategory(parent)) {
        const prefix = fullCode(parent);
        code = prefix === undefined || node.label === undefined ? undefined : `${prefix}.${node.label}`;
    }
    itemCodes.set(node, code);
    return code;
}

/**
 * Each item's code, built once: an item node is kept only while its labels and those above it
 * stand (an edit elsewhere keeps it, incremental-parse.ts; one above it makes new nodes).
 */
const itemCodes = new WeakMap<Item, string | undefined>();

/** Which list, category and group an AST node sits in. */
export function enclosing(node: AstNode): { list?: ControlList; category?: Category; group?: Group; entry?: Entry } {
    const found: { list?: ControlList; category?: Category; group?: Group; entry?: Entry } = {};
    for (let n: AstNode | undefined = node; n; n = n.$container) {
        if (isControlList(n)) found.list = n;
        else if (isCategory(n)) found.category ??= n;
        else if (isGroup(n)) found.group ??= n;
        else if (isEntry(n)) found.entry ??= n;
    }
    return found;
}

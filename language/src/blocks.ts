import type { AstNode } from 'langium';
import { isCategory, isEntry, isItem } from './generated/ast.js';

/**
 * A block: an entry, or an item directly in a category (munitions). Blocks do not see into one
 * another; an edit inside one reparses it alone (incremental-parse.ts) and keeps the others, with
 * what was worked out for them (see ARCHITECTURE.md, "Keystrokes").
 */
export function isBlock(node: AstNode): boolean {
    return isEntry(node) || (isItem(node) && isCategory(node.$container));
}

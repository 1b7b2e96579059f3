import { type AstNode, type CstNode, type ParseResult, isCompositeCstNode, isLeafCstNode, isReference } from 'langium';
import { expect } from 'vitest';

// A parse as plain data, to compare a tree made in pieces (an edit's block reparsed, a large list
// parsed block by block) with a full parse of the same text.

const grammarIds = new WeakMap<object, number>();
let grammarCount = 0;

/** The same grammar element (the same object) gets the same number in both trees. */
function grammarId(element: object | undefined): number | undefined {
    if (!element) return undefined;
    let id = grammarIds.get(element);
    if (id === undefined) grammarIds.set(element, id = ++grammarCount);
    return id;
}

/** The tree as plain data: every AST node with its properties, and every CST leaf with its place. */
export function shapeOf(result: ParseResult<AstNode>): unknown {
    const text = result.value.$cstNode!.root.fullText;
    const ast = (node: AstNode, parent?: AstNode): unknown => {
        expect(node.$container).toBe(parent);
        const out: Record<string, unknown> = { type: node.$type, property: node.$containerProperty, index: node.$containerIndex, range: node.$cstNode?.range, offset: node.$cstNode?.offset, end: node.$cstNode?.end };
        expect(node.$cstNode?.astNode).toBe(node);
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            if (Array.isArray(value)) out[key] = value.map(v => (typeof v === 'object' && v !== null && '$type' in v ? ast(v as AstNode, node) : v));
            else if (isReference(value)) out[key] = { ref: value.$refText, at: value.$refNode?.offset };
            else if (typeof value === 'object' && value !== null && '$type' in value) out[key] = ast(value as AstNode, node);
            else out[key] = value;
        }
        return out;
    };
    const leaves: unknown[] = [];
    const walk = (node: CstNode, parent?: CstNode): void => {
        expect(node.container).toBe(parent);
        if (isLeafCstNode(node)) {
            expect(node.text).toBe(text.slice(node.offset, node.end));
            leaves.push([node.offset, node.length, node.range, node.hidden, node.tokenType.name, node.astNode.$type, node.astNode.$cstNode?.offset, grammarId(node.grammarSource)]);
        } else if (isCompositeCstNode(node)) {
            leaves.push(['composite', node.range, node.offset, node.end, node.constructor.name, grammarId(node.grammarSource)]);
            for (const child of node.content) walk(child, node);
        }
    };
    walk(result.value.$cstNode!.root);
    return { ast: ast(result.value), leaves };
}

/**
 * A list of both kinds with comments everywhere, blocks without bodies, several blocks on one
 * line and braces inside texts: what a parse in pieces must get right.
 */
export const munitions = `list "M" edition "1"
parameter calibre: length unit mm
// a comment before the first category
category ML1 "Smooth-bore weapons" {
  note "ML1 does not control smooth-bore weapons used for hunting."
  item a "Rifles and combination guns" { calibre < 12.7 mm }
  // before a block
  item b "Smooth-bore weapons" tier munitions {
    item 1 "Of 'automatic' type" { calibre < 20 mm } // after an item
    term 'automatic' "firing more than one round"
  }
  /* a comment */ item c "Weapons using caseless ammunition";
  item d "Silencers" { calibre > 1 mm } item e "Mounts"; note "Two items on one line."
  entry ML1.f "An entry in a munitions category" { item a "x"; }
  item g "Bodyless, without a semicolon"
  item h "After it" { calibre > 2 mm }
}
category 1 "Special materials" {
  group A "Systems" {
    /* first */ entry 1A001 "Components" { item a "Seals" { calibre > 3 mm } } /* last */
    note "A note between entries"
    entry 1A002 "Composites";
    entry 1A003 "Bodyless" entry 1A004 "Next" { item a "x"; }
    entry 1A005 "Braces in text: { } ; and a // not-comment" { item a \`back } quoted\`; }
  }
}
// trailing
`;

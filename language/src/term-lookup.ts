import { type AstNode, AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { enclosing } from './codes.js';
import { type ControlList, type TermDef, isDefinitions, isTermDef } from './generated/ast.js';
import { type TermOccurrence, termKey, termMatches, termsInNodeText, termsInTextSource, termVariants, textNodes, textPropertyOf } from './text-terms.js';

/** A term used inside text, with the definition it refers to (if any). */
export interface TermAt {
    occurrence: TermOccurrence;
    node: AstNode;
    definition?: TermDef;
}

/** The "defined" or 'local' term under `offset`, when the offset is inside a text. */
export function termAtOffset(document: LangiumDocument, offset: number): TermAt | undefined {
    const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
    if (!leaf || !/^["`]/.test(leaf.text)) return undefined;
    const occurrence = termsInTextSource(leaf.text, leaf.offset).find(o => o.start <= offset && offset <= o.end);
    if (!occurrence) return undefined;
    return { occurrence, node: leaf.astNode, definition: definitionOf(leaf.astNode, occurrence) };
}

/** The definition a term occurrence refers to: the list's definitions, or a local `term '...'` in its entry. */
export function definitionOf(node: AstNode, occurrence: Pick<TermOccurrence, 'kind' | 'name'>): TermDef | undefined {
    const root = AstUtils.findRootNode(node) as ControlList;
    if (occurrence.kind === 'defined') {
        const index = definedTerms(root);
        const key = termMatches(occurrence.name, index);
        return key === undefined ? undefined : index.get(key);
    }
    const scope = enclosing(node).entry ?? enclosing(node).category ?? root;
    return localTerms(scope).get(termKey(occurrence.name));
}

const localTermIndexes = new WeakMap<AstNode, Map<string, TermDef>>();

/**
 * The 'local' terms defined in an entry (or a munitions category, or the list) by every key that
 * finds them (termVariants), the first definition in the document winning. Built once per scope
 * of a parsed list: walking the scope for every 'quoted' term made term checks more than half of
 * a full WA edition's validation.
 */
function localTerms(scope: AstNode): Map<string, TermDef> {
    let index = localTermIndexes.get(scope);
    if (!index) {
        index = new Map();
        for (const term of textNodes(scope).filter(isTermDef)) {
            if (term.localName === undefined) continue;
            for (const variant of termVariants(termKey(term.localName))) if (!index.has(variant)) index.set(variant, term);
        }
        localTermIndexes.set(scope, index);
    }
    return index;
}

const definedTermIndexes = new WeakMap<ControlList, Map<string, TermDef>>();

/**
 * The list's "defined terms" by key, the first definition of a key winning. Built once per parsed
 * list (an edit makes a new AST, so the cache never goes stale): validation asks for every term
 * used in the list, thousands of times on a full WA edition.
 */
export function definedTerms(root: ControlList): Map<string, TermDef> {
    let index = definedTermIndexes.get(root);
    if (!index) {
        index = new Map();
        for (const term of root.members.filter(isDefinitions).flatMap(d => d.terms)) {
            if (term.name !== undefined && !index.has(termKey(term.name))) index.set(termKey(term.name), term);
        }
        definedTermIndexes.set(root, index);
    }
    return index;
}

/** Every use of a term in the text of its list (for references and rename). */
export function usesOfTerm(definition: TermDef): Array<{ node: AstNode; occurrence: TermOccurrence }> {
    const root = AstUtils.findRootNode(definition);
    const uses: Array<{ node: AstNode; occurrence: TermOccurrence }> = [];
    for (const node of AstUtils.streamAllContents(root)) {
        const property = textPropertyOf(node);
        if (!property) continue;
        for (const occurrence of termsInNodeText(node, property)) {
            if ((occurrence.kind === 'local') === (definition.localName !== undefined) && definitionOf(node, occurrence) === definition) {
                uses.push({ node, occurrence });
            }
        }
    }
    return uses;
}

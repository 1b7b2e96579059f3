import { type AstNode, AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { enclosing } from './codes.js';
import { type ControlList, type TermDef, isDefinitions, isTermDef } from './generated/ast.js';
import { type TermOccurrence, termKey, termMatches, termsInNodeText, termsInTextSource, textPropertyOf } from './text-terms.js';

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
        const terms = root.members.filter(isDefinitions).flatMap(d => d.terms).filter(t => t.name !== undefined);
        const key = termMatches(occurrence.name, new Set(terms.map(t => termKey(t.name!))));
        return key === undefined ? undefined : terms.find(t => termKey(t.name!) === key);
    }
    const scope = enclosing(node).entry ?? enclosing(node).category ?? root;
    const key = termKey(occurrence.name);
    return AstUtils.streamAllContents(scope).filter(isTermDef).find(t => t.localName !== undefined && termMatches(t.localName, new Set([key])) !== undefined);
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

import { type AstNode, AstUtils, CstUtils, GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultDefinitionProvider, DefaultReferencesProvider } from 'langium/lsp';
import type { DefinitionParams, Location, LocationLink, Range, ReferenceParams } from 'vscode-languageserver';
import { type TermDef, isTermDef } from '../../language/src/generated/ast.js';
import { termAtOffset, usesOfTermDefinedInWords, usesOfTerm } from '../../language/src/term-lookup.js';

/** The term definition under the cursor: on its `term` declaration or on a use inside text. */
export function termUnderCursor(document: LangiumDocument, offset: number): TermDef | undefined {
    const used = termAtOffset(document, offset);
    if (used) return used.definition;
    const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
    const node = leaf?.astNode;
    if (!node || !isTermDef(node)) return undefined;
    const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, node.name !== undefined ? 'name' : 'localName');
    return nameNode && nameNode.offset <= offset && offset <= nameNode.end ? node : undefined;
}

export function rangeOfOffsets(node: AstNode, start: number, end: number): Range {
    const text = AstUtils.getDocument(node).textDocument;
    return { start: text.positionAt(start), end: text.positionAt(end) };
}

/** Go to definition also from a "term" inside text to its `term` declaration, or to the note that defines it in words. */
export class CldDefinitionProvider extends DefaultDefinitionProvider {
    override getDefinition(document: LangiumDocument, params: DefinitionParams): MaybePromise<LocationLink[] | undefined> {
        const term = termAtOffset(document, document.textDocument.offsetAt(params.position));
        if (!term) return super.getDefinition(document, params);
        const definition = term.definition ?? term.inWords?.definedIn;
        if (!definition?.$cstNode) return undefined;
        const target = AstUtils.getDocument(definition);
        const nameRange = (term.definition ? this.nameProvider.getNameNode(term.definition) ?? definition.$cstNode : definition.$cstNode).range;
        return [{
            originSelectionRange: rangeOfOffsets(term.node, term.occurrence.start, term.occurrence.end),
            targetUri: target.uri.toString(),
            targetRange: definition.$cstNode.range,
            targetSelectionRange: nameRange
        }];
    }
}

/** Find references also for terms: every use inside text, plus the declaration (or the note that defines it) when asked. */
export class CldReferencesProvider extends DefaultReferencesProvider {
    override findReferences(document: LangiumDocument, params: ReferenceParams): MaybePromise<Location[]> {
        const offset = document.textDocument.offsetAt(params.position);
        const uri = document.uri.toString();
        const inWords = termAtOffset(document, offset)?.inWords;
        if (inWords) {
            const uses = usesOfTermDefinedInWords(inWords).map(u => ({ uri, range: rangeOfOffsets(u.node, u.occurrence.start, u.occurrence.end) }));
            return params.context.includeDeclaration && inWords.definedIn.$cstNode ? [{ uri, range: inWords.definedIn.$cstNode.range }, ...uses] : uses;
        }
        const term = termUnderCursor(document, offset);
        if (!term) return super.findReferences(document, params);
        const uses = usesOfTerm(term).map(u => ({ uri, range: rangeOfOffsets(u.node, u.occurrence.start, u.occurrence.end) }));
        const nameNode = this.nameProvider.getNameNode(term);
        return params.context.includeDeclaration && nameNode ? [{ uri, range: nameNode.range }, ...uses] : uses;
    }
}

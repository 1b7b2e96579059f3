import { AstUtils, CstUtils, GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { type Range, type RenameParams, ResponseError, type TextDocumentPositionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { fullCode, parseCode } from '../../language/src/codes.js';
import { type Entry, type Item, isEntry, isItem, isReference } from '../../language/src/generated/ast.js';
import { expectsLetter, itemDepth } from '../../language/src/validation/structure-rules.js';
import { type DefinedInWords, termAtOffset, usesOfTermDefinedInWords, usesOfTerm } from '../../language/src/term-lookup.js';
import { rangeOfOffsets, termUnderCursor } from './term-navigation.js';

const INVALID_PARAMS = -32602;

/**
 * Rename for what Langium cannot rename by name alone: an item's label or an entry's code (every
 * `see` naming it or anything below it follows: 3B001.f.1.a -> 3B001.g.1.a), and terms (the
 * definition and every use inside text). Parameters use Langium's rename.
 */
export class CldRenameProvider extends DefaultRenameProvider {
    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): MaybePromise<Range | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        const used = termAtOffset(document, offset);
        if (used?.definition || used?.inWords) return rangeOfOffsets(used.node, used.occurrence.start, used.occurrence.end);
        const term = termUnderCursor(document, offset);
        if (term) return this.nameProvider.getNameNode(term)?.range;
        const coded = this.codedNodeAt(document, offset);
        if (coded) return coded.nameRange;
        return super.prepareRename(document, params);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        const inWords = termAtOffset(document, offset)?.inWords;
        if (inWords) return this.renameTermDefinedInWords(document, inWords, params.newName);
        const term = termUnderCursor(document, offset);
        if (term) return this.renameTerm(document, term, params.newName);
        const coded = this.codedNodeAt(document, offset);
        if (coded) return this.renameCode(document, coded.node, params.newName.trim());
        return super.rename(document, params);
    }

    private codedNodeAt(document: LangiumDocument, offset: number): { node: Entry | Item; nameRange: Range } | undefined {
        const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
        const node = leaf?.astNode;
        if (!node || !(isItem(node) || isEntry(node))) return undefined;
        const nameNode = this.nameProvider.getNameNode(node);
        return nameNode && nameNode.offset <= offset && offset <= nameNode.end ? { node, nameRange: nameNode.range } : undefined;
    }

    private renameTerm(document: LangiumDocument, term: NonNullable<ReturnType<typeof termUnderCursor>>, newName: string): WorkspaceEdit {
        checkTermName(newName);
        const nameNode = this.nameProvider.getNameNode(term)!;
        const quote = nameNode.text[0];
        const edits: TextEdit[] = [{ range: nameNode.range, newText: `${quote}${newName}${quote === '`' ? '`' : quote}` }];
        // (A use under another name the text gives the term, "'Magnetorheological finishing (MRF)'" of 'MRF', keeps its words.)
        for (const use of usesOfTerm(term)) if (!use.byOtherName) edits.push({ range: rangeOfOffsets(use.node, use.occurrence.start, use.occurrence.end), newText: newName });
        return { changes: { [document.uri.toString()]: edits } };
    }

    /**
     * A 'local' term a note defines in words ("1. 'Run-out' (out-of-true running) is ..."): the
     * quoted name in the note is its definition, so it is renamed there and in every use in the
     * entry, and the rest of the note's words stay as written.
     */
    private renameTermDefinedInWords(document: LangiumDocument, term: DefinedInWords, newName: string): WorkspaceEdit {
        checkTermName(newName);
        const edits = usesOfTermDefinedInWords(term).filter(use => !use.byOtherName).map(use => ({ range: rangeOfOffsets(use.node, use.occurrence.start, use.occurrence.end), newText: newName }));
        return { changes: { [document.uri.toString()]: edits } };
    }

    private renameCode(document: LangiumDocument, node: Entry | Item, newName: string): WorkspaceEdit {
        const oldCode = fullCode(node);
        if (!oldCode) return {};
        let newCode: string;
        if (isItem(node)) {
            const letter = expectsLetter(itemDepth(node));
            if (!(letter ? /^[a-z]+$/ : /^[0-9]+$/).test(newName)) {
                throw new ResponseError(INVALID_PARAMS, `'${newName}' is not a valid label here: at this depth labels are ${letter ? 'lower-case letters' : 'numbers'}.`);
            }
            newCode = oldCode.slice(0, oldCode.length - node.label.length) + newName;
        } else {
            const parsed = parseCode(newName);
            if (!parsed || parsed.labels.length > 0) throw new ResponseError(INVALID_PARAMS, `'${newName}' is not an entry code such as 3B001 or 3.B.1.`);
            newCode = newName;
        }
        const edits: TextEdit[] = [{ range: this.nameProvider.getNameNode(node)!.range, newText: isItem(node) ? newName : newCode }];
        for (const ref of AstUtils.streamAllContents(document.parseResult.value).filter(isReference)) {
            const text = ref.target?.$refText;
            const refNode = GrammarUtils.findNodeForProperty(ref.$cstNode, 'target');
            if (!text || !refNode || !(text === oldCode || text.startsWith(oldCode + '.'))) continue;
            edits.push({ range: refNode.range, newText: newCode + text.slice(oldCode.length) });
        }
        return { changes: { [document.uri.toString()]: edits } };
    }
}

function checkTermName(newName: string): void {
    if (!newName.trim() || /["'`\\\n\u201C\u201D\u2018\u2019]/.test(newName)) {
        throw new ResponseError(INVALID_PARAMS, 'A term name cannot be empty or contain quotes, backslashes or line breaks.');
    }
}

import * as path from 'node:path';
import { DefaultDocumentBuilder, type LangiumDocument, URI } from 'langium';
import { type ControlList, isControlList } from './generated/ast.js';
import { escapeRegExp } from './text-safety.js';

/**
 * Langium re-links and re-validates a document when a document it references changes. A CLD list
 * also depends on other lists in ways that are not references: its `precedent` codes are checked
 * against the WA edition it `implements` (found by list id among the open documents), and its
 * `supersedes` file must exist. Without this, a precedent error stayed after the WA edition
 * changed its id or was closed. A list with such links is checked again when a document that
 * had or may now have the id of the edition it implements changes or goes, or when the file it
 * supersedes appears or goes.
 *
 * Only then: re-checking on every change elsewhere made a small list wait for whatever else was
 * being built, six seconds behind a list at the size limit read again from scratch.
 */
export class CldDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        const root = document.parseResult.value;
        if (!isControlList(root) || !root.header) return false;
        const edition = root.header.implements.find(i => i.regime === 'wassenaar')?.edition;
        const superseded = root.header.supersedes !== undefined && document.uri.scheme === 'file'
            ? URI.file(path.resolve(path.dirname(document.uri.fsPath), root.header.supersedes)).toString() : undefined;
        if (edition === undefined && superseded === undefined) return false;
        const self = document.uri.toString();
        return [...changedUris].some(uri => uri !== self && (uri === superseded || (edition !== undefined && this.mayHaveId(uri, edition))));
    }

    /**
     * Whether the changed document at `uri` had the list id `id` before the change or may have it
     * now: its new text has `id "<id>"` (with spaces or comments between), read before it is
     * parsed; an `id` that is not the header's counts too (one check too many costs little). A
     * document gone, or not open, may have had anything.
     */
    private mayHaveId(uri: string, id: string): boolean {
        const known = this.langiumDocuments.getDocument(URI.parse(uri));
        if (!known) return true;
        const before = known.parseResult.value;
        if (isControlList(before) && (before as ControlList).header?.listId === id) return true;
        const text = this.textDocuments?.get(uri)?.getText();
        // An id with quotes or backslashes is written escaped: any text may hold it.
        if (text === undefined || /["`\\]/.test(id)) return true;
        return text.includes(id) && new RegExp(`\\bid(?:\\s|/\\*[\\s\\S]*?\\*/|//[^\\n\\r]*)*["\`]${escapeRegExp(id)}["\`]`).test(text);
    }
}

import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { isControlList } from './generated/ast.js';

/**
 * Langium re-links and re-validates a document when a document it references changes. A CLD list
 * also depends on other lists in ways that are not references: its `precedent` codes are checked
 * against the WA edition it `implements` (found by list id among the open documents), and its
 * `supersedes` file must exist. Without this, a precedent error stayed after the WA edition
 * changed its id or was closed. A list with such links is checked again whenever another document
 * changes or goes away.
 */
export class CldDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        const root = document.parseResult.value;
        if (!isControlList(root) || !root.header) return false;
        const dependsOnOthers = root.header.implements.length > 0 || root.header.supersedes !== undefined;
        if (!dependsOnOthers) return false;
        const self = document.uri.toString();
        return [...changedUris].some(uri => uri !== self);
    }
}

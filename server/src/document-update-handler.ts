import * as fs from 'node:fs';
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Langium keeps a closed document as the editor last had it. For CLD that text can be wrong for
 * other lists: a national list checks its precedents against the WA edition it implements, so an
 * edition edited and closed without saving, or an untitled one, would keep answering. On close,
 * the file on disk becomes the document again, or the document goes when there is no file.
 */
export class CldDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const onDisk = uri.scheme === 'file' && fs.existsSync(uri.fsPath);
        this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
    }
}

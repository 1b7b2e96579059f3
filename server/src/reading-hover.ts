import * as l10n from '@vscode/l10n';
import { DocumentState, URI } from 'langium';
import { type LangiumSharedServices, createRequestHandler } from 'langium/lsp';
import type { Connection, Hover, HoverParams } from 'vscode-languageserver';
import { PARSE_IN_PIECES_FROM } from '../../language/src/document-factory.js';

/**
 * A hover on a large list that the server is still reading for the first time answers at once
 * that it is, instead of waiting. A hover needs the list linked; a list at the 10 MB limit takes
 * six seconds or more to get there, and the hover would wait that long in silence (the parse in
 * pieces lets it through, but there is nothing to show yet). Once a list has been linked, a hover
 * waits for the build under way as before: after a keystroke that is a fraction of a second.
 *
 * Replaces the hover handler Langium's startLanguageServer registers, so it is called after it.
 */
export function answerHoversWhileReading(connection: Connection, shared: LangiumSharedServices): void {
    const linkedOnce = new Set<string>();
    const builder = shared.workspace.DocumentBuilder;
    builder.onDocumentPhase(DocumentState.Linked, document => { linkedOnce.add(document.uri.toString()); });
    builder.onUpdate((_changed, deleted) => { for (const uri of deleted) linkedOnce.delete(uri.toString()); });
    const hover = createRequestHandler((services, document, params: HoverParams, cancelToken) => services.lsp?.HoverProvider?.getHoverContent(document, params, cancelToken), shared, DocumentState.Linked);
    connection.onHover((params, token) => {
        const uri = URI.parse(params.textDocument.uri).toString();
        const open = shared.workspace.TextDocuments.get(params.textDocument.uri);
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        const linked = document !== undefined && document.state >= DocumentState.Linked;
        if (!linked && !linkedOnce.has(uri) && open && open.getText().length >= PARSE_IN_PIECES_FROM) return stillReading(open.getText().length);
        return hover(params, token) as Promise<Hover | null>;
    });
}

function stillReading(characters: number): Hover {
    const size = (characters / 1048576).toFixed(1);
    return { contents: { kind: 'markdown', value: l10n.t('CLD is still reading this list ({0} MB) for the first time; hovers show its items and their WA precedent once it is read.', size) } };
}

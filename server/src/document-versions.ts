/**
 * Diagnostics carry the version of the text they were computed from (LSP's
 * PublishDiagnosticsParams.version), so that an editor can drop a publication an edit has already
 * overtaken. Langium publishes without a version, and an open document's TextDocument is updated
 * in place by later edits, so the version is taken when the text is read for parsing.
 */
import { type AstNode, type LangiumDocument } from 'langium';
import { IncrementalDocumentFactory } from '../../language/src/document-factory.js';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';

export class VersionedDocumentFactory extends IncrementalDocumentFactory {
    /** The version of each open document's text as last parsed, by URI. */
    private readonly parsedVersions = new Map<string, number>();

    override update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        // The text is read synchronously at the start of update, before any edit can land.
        this.remember(document.uri.toString());
        return super.update(document, cancellationToken);
    }

    /** The version the document's current parse was made from, when it is open in the editor. */
    versionOf(uri: string): number | undefined {
        return this.textDocuments?.get(uri) ? this.parsedVersions.get(uri) : undefined;
    }

    private remember(uri: string): void {
        const open = this.textDocuments?.get(uri);
        if (open) this.parsedVersions.set(uri, open.version);
        else this.parsedVersions.delete(uri);
    }
}

/** Adds the parsed version to every diagnostics publication of an open document. */
export function publishDiagnosticsWithVersions(connection: Connection, shared: LangiumSharedServices): void {
    const factory = shared.workspace.LangiumDocumentFactory;
    if (!(factory instanceof VersionedDocumentFactory)) return;
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const version = params.version ?? factory.versionOf(params.uri);
        return send(version === undefined ? params : { ...params, version });
    };
}

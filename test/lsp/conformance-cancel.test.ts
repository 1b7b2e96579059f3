import { EmptyFileSystem, OperationCancelled, URI } from 'langium';
import { expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { createCldServices } from '../../server/src/cld-lsp-module.js';

// The server's conformance report, worked out in steps when typing pauses
// (server/src/conformance-source.ts): a key typed meanwhile cancels it, and it ends at the next
// step instead of going on to read the WA editions and pair the whole list with one of them.

test('a cancelled report ends after its first step, before the WA editions are read', async () => {
    const services = createCldServices(EmptyFileSystem);
    const text = 'list "L" id "L-1" numbering eccn\nimplements wassenaar "WA-LIST (21) 1"\ncategory 3 { group B { entry 3B001 "Equipment" { item a "Masks;" } } }\n';
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:/cancelled.cld'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const tokens = new CancellationTokenSource();
    tokens.cancel();
    // Not cancelled, it would wait for the client's settings (none come in-process): the test would time out.
    await expect(services.Cld.conformance.Checker.report(document, undefined, false, tokens.token)).rejects.toBe(OperationCancelled);
}, 5000);

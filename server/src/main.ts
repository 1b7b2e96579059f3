import '../../scripts/node20-compat.mjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCldServices } from './cld-lsp-module.js';
import { publishDiagnosticsWithVersions } from './document-versions.js';
import { publishInProblemsOrder } from './problems-order.js';
import { registerImportRequests } from './import-requests.js';
import { registerDiffRequests } from './diff-requests.js';
import { registerHistoryRequests } from './history-requests.js';
import { registerConformanceRequests } from './conformance-requests.js';
import { registerNewListRequests } from './new-list-requests.js';
import { registerFollowRequests } from './follow-requests.js';
import { type IndexJob, runIndexWorker } from './precedent-worker.js';
import { isMainThread, workerData } from 'node:worker_threads';
import { l10nFolder, useDisplayLanguage } from './display-language.js';
import { collectGarbageSoonerForLargeLists } from './large-list-memory.js';
import { stopPretenuring } from '../../language/src/heap-growth.js';
import { answerHoversWhileReading } from './reading-hover.js';

const job = (workerData as { cldPrecedentIndex?: IndexJob } | undefined)?.cldPrecedentIndex;
if (!isMainThread && job) {
    // This bundle started as the precedent indexing worker (precedent-worker.ts), not as a server.
    runIndexWorker(job);
} else {
    // stdio, IPC or a socket, as the client's command line says (--stdio, --node-ipc, --socket=N).
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Cld } = createCldServices({ connection, ...NodeFileSystem });
    // Before any document is read: diagnostics, hovers and quick fixes speak the client's display language.
    shared.lsp.LanguageServer.onInitialize(params => {
        const language = useDisplayLanguage(params.locale, l10nFolder(), message => connection.console.warn(message));
        if (language !== 'en') connection.console.info(`CLD speaks ${language}.`);
    });
    registerImportRequests(connection);
    registerDiffRequests(connection, shared, Cld);
    registerHistoryRequests(connection, shared, Cld);
    registerConformanceRequests(connection, shared, Cld);
    registerNewListRequests(connection, shared);
    registerFollowRequests(connection, shared, Cld);
    publishDiagnosticsWithVersions(connection, shared);
    publishInProblemsOrder(connection);
    collectGarbageSoonerForLargeLists(shared, Cld.precedents.Library, message => connection.console.log(message));
    stopPretenuring();
    startLanguageServer(shared);
    answerHoversWhileReading(connection, shared);
}

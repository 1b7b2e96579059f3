import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerCompareCommands } from './compare-view.js';
import { CrashPolicy } from './crash-policy.js';
import { registerHistoryCommand } from './history-view.js';
import { registerConformanceCommand } from './conformance-view.js';
import { registerNewListCommand } from './new-list-command.js';
import { registerFollowCommand } from './follow-wa-edition.js';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

/**
 * The CLD extension is a thin shell: it starts the bundled language server (out/server.cjs)
 * and talks LSP to it. Everything CLD knows (parsing, validation, hovers, quick fixes) lives
 * in the server, so the CLI and the editor give the same answers.
 */

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let traceOutput: vscode.LogOutputChannel | undefined;
let status: vscode.LanguageStatusItem | undefined;
/** Set while "Restart Language Server" runs: the server is stopped for a moment, not for good. */
let restarting: Promise<void> | undefined;
let crashPolicy: CrashPolicy | undefined;
/** Where the import command last wrote editions: the precedent library hovers fall back on. */
const IMPORTED_FOLDER = 'cld.importedEditionsFolder';

/**
 * What `activate` returns to other extensions (and to the extension tests): a way to send the
 * server's custom requests (cld/diffLists, cld/importEdition, ...) once it runs.
 */
export interface CldExtensionApi {
    request<R>(method: string, params: unknown): Promise<R>;
}

export async function activate(context: vscode.ExtensionContext): Promise<CldExtensionApi> {
    // The pages the extension draws itself (Compare Editions, Entry History) are written by code it
    // shares with the CLI, which speaks through @vscode/l10n: give it the display language's bundle.
    if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
    // The channels outlive restarts, so a crash and the restart after it read as one story.
    // vscode-languageclient 10 writes the LSP trace only while the trace channel's log level is
    // Trace; `cld.trace.server` then chooses between messages and verbose.
    output = vscode.window.createOutputChannel('CLD Language Server', { log: true });
    traceOutput = vscode.window.createOutputChannel('CLD Language Server Trace', { log: true });
    status = vscode.languages.createLanguageStatusItem('cld.server', { language: 'cld' });
    status.name = vscode.l10n.t('CLD Language Server');
    status.command = { title: vscode.l10n.t('Show Output'), command: 'cld.showOutput' };
    context.subscriptions.push(output, traceOutput, status);

    context.subscriptions.push(
        vscode.commands.registerCommand('cld.restartServer', restartServer),
        vscode.commands.registerCommand('cld.showOutput', () => output?.show(true)),
        vscode.commands.registerCommand('cld.importEditions', () => importEditions(context))
    );
    registerCompareCommands(context, runningClient);
    registerHistoryCommand(context, runningClient);
    registerConformanceCommand(context, runningClient);
    registerNewListCommand(context, runningClient);
    registerFollowCommand(context, runningClient);

    crashPolicy = new CrashPolicy(message => output?.warn(message), uri => client?.diagnostics?.delete(uri));
    context.subscriptions.push(
        vscode.workspace.onDidOpenTextDocument(document => crashPolicy?.noteActivity(document)),
        vscode.workspace.onDidChangeTextDocument(event => crashPolicy?.noteActivity(event.document))
    );
    client = createClient(context, crashPolicy);
    await startClient();
    return {
        request: async <R>(method: string, params: unknown) => {
            const running = await runningClient();
            if (!running) throw new Error(vscode.l10n.t('The CLD language server is not running.'));
            return running.sendRequest<R>(method, params);
        }
    };
}

export async function deactivate(): Promise<void> {
    const stopping = client;
    client = undefined;
    if (stopping?.needsStop()) await stopping.stop();
}

function createClient(context: vscode.ExtensionContext, policy: CrashPolicy): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        // `--inspect` lets "Attach to Node Process" debug the server when the extension runs in debug mode.
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'cld' }, { scheme: 'untitled', language: 'cld' }],
        synchronize: {
            // The `cld.*` settings reach the server (Langium's ConfigurationProvider reads the
            // section named after the language id), and so does every change to them.
            configurationSection: 'cld',
            // Lists refer to other lists (`supersedes`, the precedent library): the server must
            // hear about .cld files that are created, changed or deleted without being open.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.cld')
        },
        // Other editors give `precedents.path`; VS Code has the setting, and the folder its import command filled.
        initializationOptions: { precedents: { imported: context.globalState.get<string>(IMPORTED_FOLDER) }, commandLinks: ['cld.showEntryHistory'] },
        // The hover's "Show entry history" link runs this one command, and no other.
        markdown: { isTrusted: { enabledCommands: ['cld.showEntryHistory'] } },
        // A server that stops is restarted, a file it stopped on twice is left alone (crash-policy.ts).
        errorHandler: policy,
        middleware: policy.middleware(),
        outputChannel: output,
        // The client reads `cld.trace.server` itself, because its id is `cld`.
        traceOutputChannel: traceOutput
    };
    const languageClient = new LanguageClient('cld', 'CLD Language Server', serverOptions, clientOptions);
    languageClient.onDidChangeState(event => showState(event.newState));
    context.subscriptions.push(languageClient);
    return languageClient;
}

/**
 * The client once its server runs: a command given while the server is (re)starting waits for
 * it rather than failing. Undefined when the server is stopped.
 */
async function runningClient(): Promise<LanguageClient | undefined> {
    if (restarting) await restarting;
    const current = client;
    if (current?.state === State.Starting) {
        await new Promise<void>(resolve => {
            const timer = setTimeout(done, 60_000);
            const listener = current.onDidChangeState(event => { if (event.newState !== State.Starting) done(); });
            function done() { clearTimeout(timer); listener.dispose(); resolve(); }
        });
    }
    return current?.isRunning() ? current : undefined;
}

async function startClient(): Promise<void> {
    if (!client) return;
    try {
        await client.start();
    } catch (error) {
        // The client has already logged the cause; say where to look instead of failing silently.
        showState(State.Stopped, error);
        const show = vscode.l10n.t('Show Output');
        void vscode.window.showErrorMessage(vscode.l10n.t('The CLD language server did not start. See the output for details.'), show)
            .then(choice => { if (choice) output?.show(true); });
    }
}

async function restartServer(): Promise<void> {
    if (!client) return;
    output?.info(vscode.l10n.t('Restarting the CLD language server.'));
    crashPolicy?.forgive();
    // restart() stops a running server (or a failed one) and starts it again with the same options.
    const restart = client.restart().catch(error => {
        showState(State.Stopped, error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not restart the CLD language server: {0}', error instanceof Error ? error.message : String(error)));
    });
    restarting = restart;
    try {
        await restart;
    } finally {
        if (restarting === restart) restarting = undefined;
    }
}

function showState(state: State, error?: unknown): void {
    if (!status) return;
    status.busy = state === State.Starting;
    status.severity = state === State.Stopped ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    status.text = state === State.Running ? 'CLD' : state === State.Starting ? vscode.l10n.t('CLD: starting') : vscode.l10n.t('CLD: stopped');
    status.detail = error instanceof Error ? error.message : state === State.Running ? vscode.l10n.t('Language server running') : undefined;
}

type ImportEditionResult =
    | { ok: true; listId: string; file: string; items: number; thresholds: number; errors: number; warnings: number }
    | { ok: false; message: string };

/**
 * "CLD: Import WA Editions from Folder…": the user picks a folder of WA editions (or one edition)
 * and where to write; the server imports them one by one while a notification shows progress.
 */
async function importEditions(context: vscode.ExtensionContext): Promise<void> {
    // The manifest disables the command in an untrusted workspace; a call from elsewhere (a keybinding, the API) is refused here too.
    if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Importing WA editions writes files: trust this workspace first (Manage Workspace Trust).'));
        return;
    }
    const languageClient = await runningClient();
    if (!languageClient) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The CLD language server is not running; restart it first.'));
        return;
    }
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: true, canSelectMany: false, filters: { [vscode.l10n.t('WA edition (PDF)')]: ['pdf'] }, openLabel: vscode.l10n.t('Import'), title: vscode.l10n.t('Folder of WA editions, one edition folder, or an edition PDF') });
    if (!picked?.[0]) return;
    const storage = vscode.Uri.joinPath(context.globalStorageUri, 'wa-editions');
    const where = await vscode.window.showQuickPick([
        { label: vscode.l10n.t('Extension storage'), description: storage.fsPath, target: storage },
        { label: vscode.l10n.t('Choose a folder…'), target: undefined },
    ], { title: vscode.l10n.t('Write the imported editions to') });
    if (!where) return;
    const target = where.target ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Write here') }))?.[0];
    if (!target) return;
    await vscode.workspace.fs.createDirectory(target);
    const listed = await languageClient.sendRequest<{ editions: string[]; message?: string }>('cld/listEditions', { folder: picked[0].fsPath });
    if (listed.editions.length === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('No WA editions to import: {0}', listed.message ?? picked[0].fsPath));
        return;
    }
    const results = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing WA editions'), cancellable: true }, async (progress, token) => {
        const done: ImportEditionResult[] = [];
        for (const [index, source] of listed.editions.entries()) {
            if (token.isCancellationRequested) break;
            progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', path.basename(source), index + 1, listed.editions.length), increment: index === 0 ? 0 : 100 / listed.editions.length });
            const result = await languageClient.sendRequest<ImportEditionResult>('cld/importEdition', { source, outDir: target.fsPath });
            done.push(result);
            output?.info(result.ok ? `Imported ${result.listId} to ${result.file}: ${result.items} items, ${result.thresholds} thresholds, ${result.errors} errors, ${result.warnings} import warnings.` : `Import failed: ${result.message}`);
        }
        return done;
    });
    const failed = results.filter(r => !r.ok);
    const imported = results.filter((r): r is Extract<ImportEditionResult, { ok: true }> => r.ok);
    const message = failed.length
        ? vscode.l10n.t('Imported {0} WA edition(s) to {1}; {2} failed (see the output).', imported.length, target.fsPath, failed.length)
        : vscode.l10n.t('Imported {0} WA edition(s) to {1}.', imported.length, target.fsPath);
    // The newest edition imported is the one a drafter compares against: offer to open it.
    const last = imported.at(-1);
    const open = last ? vscode.l10n.t('Open {0}', path.basename(last.file)) : undefined;
    const showOutput = vscode.l10n.t('Show Output');
    const actions = [...(failed.length ? [showOutput] : []), ...(open ? [open] : [])];
    const choice = await (failed.length ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions));
    if (choice === showOutput) output?.show(true);
    if (imported.length > 0) {
        // Hovers read the WA precedent from here unless a setting or the workspace says otherwise.
        await context.globalState.update(IMPORTED_FOLDER, target.fsPath);
        await languageClient.sendNotification('cld/precedentsImported', { folder: target.fsPath });
    }
    if (last && choice === open) await vscode.window.showTextDocument(vscode.Uri.file(last.file));
}

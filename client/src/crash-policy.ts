import * as vscode from 'vscode';
import { CloseAction, type CloseHandlerResult, ErrorAction, type ErrorHandler, type ErrorHandlerResult, type Middleware } from 'vscode-languageclient/node';

/** How many stops in RESTART_WINDOW the client restarts the server after, before giving up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60_000;
/** A file opened or edited this shortly before the server stopped is suspected of stopping it. */
const SUSPECT_WINDOW_MS = 10_000;

/**
 * What the client does when the language server stops unexpectedly: restart it (the client then
 * opens the editor's CLD documents on it again, from the editor's own text, so nothing typed is
 * lost), say so once, and leave unanalysed a file the server stopped on twice rather than loop.
 * "CLD: Restart Language Server" forgives everything.
 */
export class CrashPolicy implements ErrorHandler {
    private stops: number[] = [];
    private readonly suspicions = new Map<string, number>();
    private readonly quarantined = new Set<string>();
    private lastActivity: { uri: string; at: number } | undefined;
    private toldRestart = false;

    constructor(private readonly log: (message: string) => void, private readonly clearDiagnostics: (uri: vscode.Uri) => void) {}

    /** The editor opened or changed a CLD document: the last such is the suspect if the server stops now. */
    noteActivity(document: vscode.TextDocument): void {
        if (document.languageId === 'cld') this.lastActivity = { uri: document.uri.toString(), at: Date.now() };
    }

    isQuarantined(uri: vscode.Uri): boolean {
        return this.quarantined.has(uri.toString());
    }

    /** After a manual restart every file is analysed again. */
    forgive(): void {
        this.stops = [];
        this.suspicions.clear();
        this.quarantined.clear();
    }

    error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
        // A broken message now and then is survivable; a stream of them means the connection is gone.
        return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    }

    closed(): CloseHandlerResult {
        const now = Date.now();
        this.stops = [...this.stops.filter(t => now - t < RESTART_WINDOW_MS), now];
        const suspect = this.lastActivity && now - this.lastActivity.at < SUSPECT_WINDOW_MS ? this.lastActivity.uri : undefined;
        if (suspect) {
            const times = (this.suspicions.get(suspect) ?? 0) + 1;
            this.suspicions.set(suspect, times);
            if (times >= 2 && !this.quarantined.has(suspect)) {
                this.quarantined.add(suspect);
                const uri = vscode.Uri.parse(suspect);
                this.clearDiagnostics(uri);
                const message = vscode.l10n.t('CLD stopped analysing {0}: the language server stopped twice while reading it. Other files are analysed as before; "CLD: Restart Language Server" tries this one again.', vscode.workspace.asRelativePath(uri));
                this.log(message);
                void vscode.window.showWarningMessage(message);
            }
        }
        if (this.stops.length > MAX_RESTARTS) {
            const message = vscode.l10n.t('The CLD language server stopped {0} times in {1} minutes and is not restarted again. See the output; "CLD: Restart Language Server" starts it.', this.stops.length, RESTART_WINDOW_MS / 60_000);
            this.log(message);
            void vscode.window.showErrorMessage(message);
            return { action: CloseAction.DoNotRestart, handled: true };
        }
        this.log(vscode.l10n.t('The CLD language server stopped unexpectedly; restarting it and analysing the open files again.'));
        if (!this.toldRestart) {
            this.toldRestart = true;
            void vscode.window.showInformationMessage(vscode.l10n.t('The CLD language server stopped unexpectedly and was restarted; your open files are analysed again. (Said once per session; the output has each time.)'));
        }
        return { action: CloseAction.Restart, handled: true };
    }

    /** Keeps a quarantined document away from the server: it is never opened, changed or closed there. */
    middleware(): Middleware {
        return {
            didOpen: (document, next) => (this.isQuarantined(document.uri) ? Promise.resolve() : next(document)),
            didChange: (event, next) => (this.isQuarantined(event.document.uri) ? Promise.resolve() : next(event)),
            didSave: (document, next) => (this.isQuarantined(document.uri) ? Promise.resolve() : next(document)),
            didClose: (document, next) => (this.isQuarantined(document.uri) ? Promise.resolve() : next(document)),
        };
    }
}

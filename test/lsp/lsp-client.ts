import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const serverPath = path.resolve(__dirname, '..', '..', 'out', 'server.cjs');

/** A minimal LSP client: spawns the built server over stdio and speaks JSON-RPC to it. */
export class LspTestClient {
    readonly connection: MessageConnection;
    private readonly process: ChildProcess;
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private readonly waiters: Array<() => void> = [];
    private versions = new Map<string, number>();
    stderr = '';
    /** What workspace/configuration answers, by section. */
    settings: Record<string, unknown> = {};

    constructor() {
        this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.process.stderr!.on('data', chunk => { this.stderr += chunk; });
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params);
            this.waiters.splice(0).forEach(wake => wake());
        });
        // Settings by section, as VS Code answers them (`cld` -> the cld.* settings).
        this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map(item => (item.section ? this.settings[item.section] ?? null : null)));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification('$/progress', (params: LspTestClient['progress'][number]) => { this.progress.push(params); });
        this.connection.onNotification('window/logMessage', (params: { message: string }) => { this.logs.push(params.message); });
        this.connection.onNotification('window/showMessage', (params: { message: string }) => { this.messages.push(params.message); });
        this.connection.listen();
    }

    get alive(): boolean {
        return this.process.exitCode === null && !this.process.killed;
    }

    /** What the server showed the user (window/showMessage), in order. */
    readonly messages: string[] = [];

    /** What the server logged (window/logMessage), in order. */
    readonly logs: string[] = [];

    /** `$/progress` notifications received, in order. */
    readonly progress: Array<{ token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }> = [];

    /** `locale` is the client's display language, as VS Code sends `vscode.env.language`. */
    async initialize(rootUri: string | null = null, initializationOptions?: unknown, window?: { workDoneProgress: boolean }, locale?: string): Promise<unknown> {
        const result = await this.connection.sendRequest('initialize', {
            processId: process.pid, rootUri, locale, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'test' }] : null, initializationOptions,
            capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true }, completion: { completionItem: { snippetSupport: true } } }, workspace: { workspaceFolders: true, configuration: true }, window }
        });
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    open(uri: string, text: string): void {
        this.versions.set(uri, 1);
        this.diagnostics.delete(uri);
        void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cld', version: 1, text } });
    }

    change(uri: string, text: string): void {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        this.diagnostics.delete(uri);
        void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** The version the last publication for `uri` says its diagnostics were computed from. */
    publishedVersion(uri: string): number | undefined {
        return this.diagnostics.get(uri)?.version;
    }

    /** Forgets what was published for `uri`, so that the next wait sees a fresh publication (one caused by another document). */
    forgetDiagnostics(uri: string): void {
        this.diagnostics.delete(uri);
    }

    /** Waits for the diagnostics of `uri` after the last open or change. */
    async waitForDiagnostics(uri: string, timeoutMs = 20000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        while (!this.diagnostics.has(uri)) {
            if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr:\n${this.stderr}`);
            await new Promise<void>(resolve => { this.waiters.push(resolve); setTimeout(resolve, 200); });
        }
        return this.diagnostics.get(uri)!.diagnostics;
    }

    notify(method: string, params: unknown): Promise<void> {
        return this.connection.sendNotification(method, params);
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest(method, params) as Promise<R>;
    }

    async shutdown(): Promise<void> {
        try {
            if (this.alive) {
                await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 3000))]);
                await this.connection.sendNotification('exit');
            }
        } finally {
            this.connection.dispose();
            this.process.kill();
        }
    }
}

/** The position of the first `needle` in `text` (plus `shift` characters). */
export function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' not in text`);
    const before = text.slice(0, offset + shift).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** `text` with LSP text edits applied (from the last, so earlier positions stay right). */
export function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

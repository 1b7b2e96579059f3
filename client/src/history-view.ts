/**
 * "CLD: Show Entry History": the WA precedent of the item under the cursor in a webview. The
 * server computes it (cld/entryHistory, the engine of `cld history` and the hover); this file
 * asks for it, shows it (history-html.ts), and opens an edition at the item when a version is
 * clicked (cld/itemLine).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type HistoryResult, historyHtml } from '../../language/src/history/lineage-html.js';

let panel: vscode.WebviewPanel | undefined;

export function registerHistoryCommand(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>): void {
    context.subscriptions.push(vscode.commands.registerCommand('cld.showEntryHistory', async (uri?: string, position?: { line: number; character: number }) => {
        const editor = vscode.window.activeTextEditor;
        const target = uri ?? editor?.document.uri.toString();
        const at = position ?? (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
        if (!target || !at) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: put the cursor on an entry or item of a list first.'));
        const languageClient = await client();
        if (!languageClient) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: the language server is not running; restart it first.'));
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('CLD: reading the WA history') },
            () => languageClient.sendRequest<HistoryResult | { ok: false; message: string }>('cld/entryHistory', { uri: target, position: at }));
        if (!result.ok) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', result.message));
        show(context, languageClient, result);
    }));
}

function show(context: vscode.ExtensionContext, languageClient: LanguageClient, result: HistoryResult): void {
    const title = vscode.l10n.t('History of {0}', result.lineage.code);
    if (!panel) {
        panel = vscode.window.createWebviewPanel('cld.entryHistory', title, vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
        panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
    }
    panel.title = title;
    panel.webview.html = historyHtml(panel.webview.cspSource, result, randomBytes(24).toString('base64url'));
    const messages = panel.webview.onDidReceiveMessage(async (message: { open?: number }) => {
        const index = message.open;
        if (index === undefined || !result.files[index]) return;
        const uri = vscode.Uri.file(result.files[index]);
        const { line } = await languageClient.sendRequest<{ line: number | null }>('cld/itemLine', { uri: uri.toString(), code: result.lineage.versions[index].code });
        const document = await vscode.workspace.openTextDocument(uri);
        const position = new vscode.Position(line ?? 0, 0);
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    });
    panel.onDidDispose(() => messages.dispose());
    panel.reveal(vscode.ViewColumn.Beside, true);
}

/**
 * "CLD: Check Conformance": the open national list against the WA edition it implements. The
 * server computes the report (cld/conformance, the engine of `cld conformance`); it is shown as a
 * Markdown document beside the list, rendered in VS Code's Markdown preview.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type ConformanceResult = { ok: true; markdown: string } | { ok: false; message: string };

export function registerConformanceCommand(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>): void {
    context.subscriptions.push(vscode.commands.registerCommand('cld.checkConformance', async (uri?: vscode.Uri) => {
        const target = uri ?? vscode.window.activeTextEditor?.document.uri;
        if (!target) return void vscode.window.showErrorMessage('CLD: open a national list first.');
        const languageClient = await client();
        if (!languageClient) return void vscode.window.showErrorMessage('CLD: the language server is not running; restart it first.');
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'CLD: checking conformance' },
            () => languageClient.sendRequest<ConformanceResult>('cld/conformance', { uri: target.toString() }));
        if (!result.ok) return void vscode.window.showErrorMessage(`CLD: ${result.message}`);
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    }));
}

/**
 * "CLD: Follow WA Edition…": the open national list taken to a later WA edition (cld/follow, as
 * `cld follow`). The changes come as one workspace edit whose every change needs confirmation, so
 * the refactor preview lets the drafter accept each or leave it out; the memo opens beside it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type Targets = { ok: true; from: string; editions: string[] } | { ok: false; message: string };
type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
type Answer = { ok: true; from: string; to: string; changes: Array<{ title: string; edits: Edit[] }>; memo: string } | { ok: false; message: string };

export function registerFollowCommand(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>): void {
    context.subscriptions.push(vscode.commands.registerCommand('cld.followWaEdition', async () => {
        const document = vscode.window.activeTextEditor?.document;
        if (document?.languageId !== 'cld') return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: open the national list to follow first.'));
        const languageClient = await client();
        if (!languageClient) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: the language server is not running; restart it first.'));
        const targets = await languageClient.sendRequest<Targets>('cld/followTargets', { uri: document.uri.toString() });
        if (!targets.ok) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', targets.message));
        const to = await vscode.window.showQuickPick([...targets.editions].reverse(), { title: vscode.l10n.t('Follow from {0} to', targets.from) });
        if (!to) return;
        const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('CLD: following {0}', to) },
            () => languageClient.sendRequest<Answer>('cld/follow', { uri: document.uri.toString(), to }));
        if (!answer.ok) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', answer.message));
        const edit = new vscode.WorkspaceEdit();
        for (const change of answer.changes) {
            const annotation: vscode.WorkspaceEditEntryMetadata = { label: change.title, needsConfirmation: true, description: `${answer.from} -> ${answer.to}` };
            for (const e of change.edits) edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText, annotation);
        }
        const memo = await vscode.workspace.openTextDocument({ language: 'markdown', content: answer.memo });
        await vscode.window.showTextDocument(memo, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
        await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    }));
}

/**
 * "CLD: New National List from WA Edition…": the open WA edition (or one picked), the numbering,
 * and where to save; the server makes the list (cld/newList, as `cld new`), the command writes it
 * where the user chose (the save dialog asks before replacing a file) and opens it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type NewListResult = { ok: true; text: string; warnings: number } | { ok: false; message: string };

export function registerNewListCommand(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>): void {
    context.subscriptions.push(vscode.commands.registerCommand('cld.newNationalList', async () => {
        const active = vscode.window.activeTextEditor?.document;
        const fromActive = active?.languageId === 'cld' && /^\s*numbering\s+wassenaar\b/m.test(active.getText(new vscode.Range(0, 0, 40, 0)));
        const from = fromActive ? active.uri : (await vscode.window.showOpenDialog({ title: vscode.l10n.t('The WA edition to start from'), canSelectMany: false, filters: { [vscode.l10n.t('CLD lists')]: ['cld'] }, openLabel: vscode.l10n.t('Start from this edition') }))?.[0];
        if (!from) return;
        const numbering = await vscode.window.showQuickPick([
            { label: 'ECCN', description: '3B001.f.1.a', value: 'eccn' },
            { label: 'WA', description: '3.B.1.f.1.a', value: 'wassenaar' },
        ], { title: vscode.l10n.t('Numbering of the national list') });
        if (!numbering) return;
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.joinPath(from, '..');
        const target = await vscode.window.showSaveDialog({ title: vscode.l10n.t('Save the national list as'), defaultUri: vscode.Uri.joinPath(folder, 'national-list.cld'), filters: { [vscode.l10n.t('CLD lists')]: ['cld'] } });
        if (!target) return;
        const languageClient = await client();
        if (!languageClient) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: the language server is not running; restart it first.'));
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('CLD: making the national list') },
            () => languageClient.sendRequest<NewListResult>('cld/newList', { uri: from.toString(), numbering: numbering.value }));
        if (!result.ok) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', result.message));
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
        await vscode.window.showTextDocument(target, { preview: false });
    }));
}

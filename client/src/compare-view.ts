/**
 * "Compare Editions": the semantic diff of two lists in a webview. The server computes the diff
 * (cld/diffLists, the engine of `cld diff`); this file only asks for it and shows it: a chart of
 * changes per category, a filterable table, and a click on a change opens both editions side by
 * side at that item.
 */
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type Change, type DiffResult, compareHtml } from './compare-html.js';

type Source = { uri: string; text?: string; label?: string };

export function registerCompareCommands(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('cld.compareWithPrevious', async (uri?: vscode.Uri) => {
            const current = await currentCldFile(uri);
            if (current) await compare(context, await client(), undefined, { uri: current.toString() });
        }),
        vscode.commands.registerCommand('cld.compareWithGitHead', async (uri?: vscode.Uri) => {
            const current = await currentCldFile(uri);
            if (!current) return;
            const head = await gitHeadText(current.fsPath);
            if ('message' in head) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', head.message));
            const document = await vscode.workspace.openTextDocument({ language: 'cld', content: head.text });
            await compare(context, await client(), { uri: document.uri.toString(), text: head.text, label: `${path.basename(current.fsPath)} (HEAD)` }, { uri: current.toString() });
        }),
        vscode.commands.registerCommand('cld.compareTwoFiles', async () => {
            const pick = async (title: string) => (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { [vscode.l10n.t('CLD lists')]: ['cld'] } }))?.[0];
            const older = await pick(vscode.l10n.t('The older edition'));
            const newer = older && (await pick(vscode.l10n.t('The newer edition')));
            if (older && newer) await compare(context, await client(), { uri: older.toString() }, { uri: newer.toString() });
        })
    );
}

async function currentCldFile(uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target || !target.fsPath.endsWith('.cld')) {
        void vscode.window.showErrorMessage(vscode.l10n.t('CLD: open a .cld file to compare it.'));
        return undefined;
    }
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === target.toString());
    if (open?.isDirty) await open.save();
    return target;
}

function gitHeadText(file: string): Promise<{ text: string } | { message: string }> {
    return new Promise(resolve => {
        execFile('git', ['-C', path.dirname(file), 'show', `HEAD:./${path.basename(file)}`], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (!error) return resolve({ text: stdout });
            const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? vscode.l10n.t('git is not installed') : stderr.trim().split('\n')[0] || error.message;
            resolve({ message: vscode.l10n.t('no version of {0} at git HEAD to compare with ({1})', path.basename(file), reason) });
        });
    });
}

async function compare(context: vscode.ExtensionContext, client: LanguageClient | undefined, older: Source | undefined, newer: Source): Promise<void> {
    if (!client) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: the language server is not running; restart it first.'));
    const result = await client.sendRequest<DiffResult | { ok: false; message: string }>('cld/diffLists', { old: older, new: newer });
    if (!result.ok) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', result.message));
    showDiff(context, result);
}

let panel: vscode.WebviewPanel | undefined;

function showDiff(context: vscode.ExtensionContext, result: DiffResult): void {
    const title = `${result.diff.old.id ?? result.diff.old.file} ↔ ${result.diff.new.id ?? result.diff.new.file}`;
    if (!panel) {
        panel = vscode.window.createWebviewPanel('cld.compareEditions', title, vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] });
        panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
    }
    panel.title = title;
    panel.webview.html = compareHtml(panel.webview.cspSource, result, nonce());
    const messages = panel.webview.onDidReceiveMessage(async (message: { open?: number }) => {
        const change = message.open !== undefined ? result.diff.changes[message.open] : undefined;
        if (change) await openSideBySide(result, change);
    });
    panel.onDidDispose(() => messages.dispose());
    panel.reveal();
}

/** The old edition on the left, the new on the right, each at the item (or where it would be). */
async function openSideBySide(result: DiffResult, change: Change): Promise<void> {
    const oldLine = result.oldLines[change.oldCode ?? change.code];
    const newLine = result.newLines[change.code];
    const show = async (uri: string, line: number | undefined, column: vscode.ViewColumn) => {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        const position = new vscode.Position(line ?? 0, 0);
        await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: column === vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    };
    await show(result.oldUri, oldLine, vscode.ViewColumn.One);
    await show(result.newUri, newLine, vscode.ViewColumn.Two);
}

/** A content-security-policy nonce: unguessable, so from the system's random source. */
function nonce(): string {
    return randomBytes(24).toString('base64url');
}

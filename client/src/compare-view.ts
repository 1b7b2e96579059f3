/**
 * "Compare Editions": the semantic diff of two lists in a webview. The server computes the diff
 * (cld/diffLists, the engine of `cld diff`); this file only asks for it and shows it: a chart of
 * changes per category, a filterable table, and a click on a change opens both editions side by
 * side at that item.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Change {
    kind: string;
    code: string;
    oldCode?: string;
    category: string;
    direction?: string;
    old?: string | string[];
    new?: string | string[];
    words?: Array<{ op: 'same' | 'removed' | 'added'; text: string }>;
}

interface DiffResult {
    ok: true;
    diff: { old: { id?: string; file?: string }; new: { id?: string; file?: string }; warnings: string[]; summary: { counts: Record<string, number>; byCategory: Record<string, Record<string, number>> }; changes: Change[] };
    oldUri: string;
    newUri: string;
    oldLines: Record<string, number>;
    newLines: Record<string, number>;
}

type Source = { uri: string; text?: string; label?: string };

export function registerCompareCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('cld.compareWithPrevious', async (uri?: vscode.Uri) => {
            const current = await currentCldFile(uri);
            if (current) await compare(context, client(), undefined, { uri: current.toString() });
        }),
        vscode.commands.registerCommand('cld.compareWithGitHead', async (uri?: vscode.Uri) => {
            const current = await currentCldFile(uri);
            if (!current) return;
            const head = await gitHeadText(current.fsPath);
            if ('message' in head) return void vscode.window.showErrorMessage(`CLD: ${head.message}`);
            const document = await vscode.workspace.openTextDocument({ language: 'cld', content: head.text });
            await compare(context, client(), { uri: document.uri.toString(), text: head.text, label: `${path.basename(current.fsPath)} (HEAD)` }, { uri: current.toString() });
        }),
        vscode.commands.registerCommand('cld.compareTwoFiles', async () => {
            const pick = async (title: string) => (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { 'CLD lists': ['cld'] } }))?.[0];
            const older = await pick('The older edition');
            const newer = older && (await pick('The newer edition'));
            if (older && newer) await compare(context, client(), { uri: older.toString() }, { uri: newer.toString() });
        })
    );
}

async function currentCldFile(uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target || !target.fsPath.endsWith('.cld')) {
        void vscode.window.showErrorMessage('CLD: open a .cld file to compare it.');
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
            const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : stderr.trim().split('\n')[0] || error.message;
            resolve({ message: `no version of ${path.basename(file)} at git HEAD to compare with (${reason})` });
        });
    });
}

async function compare(context: vscode.ExtensionContext, client: LanguageClient | undefined, older: Source | undefined, newer: Source): Promise<void> {
    if (!client) return void vscode.window.showErrorMessage('CLD: the language server is not running.');
    const result = await client.sendRequest<DiffResult | { ok: false; message: string }>('cld/diffLists', { old: older, new: newer });
    if (!result.ok) return void vscode.window.showErrorMessage(`CLD: ${result.message}`);
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
    panel.webview.html = compareHtml(panel.webview, result);
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

function escape(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function detail(change: Change): string {
    const list = (v: string | string[] | undefined) => escape((Array.isArray(v) ? v.join('; ') : v) ?? '');
    if (change.words) return change.words.map(w => (w.op === 'same' ? escape(w.text) : `<${w.op === 'removed' ? 'del' : 'ins'}>${escape(w.text)}</${w.op === 'removed' ? 'del' : 'ins'}>`)).join(' ');
    if (change.kind === 'renumbered') return `${escape(change.oldCode ?? '')} → ${escape(change.code)}`;
    if (change.kind === 'added') return `<ins>${list(change.new)}</ins>`;
    if (change.kind === 'removed') return `<del>${list(change.old)}</del>`;
    return `${list(change.old) || '(none)'} → ${list(change.new) || '(none)'}`;
}

const KINDS = ['added', 'removed', 'renumbered', 'reworded', 'threshold', 'tier', 'note', 'definition'];

function compareHtml(webview: vscode.Webview, result: DiffResult): string {
    const nonce = [...Array(32)].map(() => Math.floor(Math.random() * 36).toString(36)).join('');
    const { diff } = result;
    const categories = Object.keys(diff.summary.byCategory);
    const total = (c: string) => KINDS.reduce((sum, k) => sum + (diff.summary.byCategory[c][k] ?? 0), 0);
    const max = Math.max(1, ...categories.map(total));
    const bars = categories.map(c => `<div class="bar" title="${escape(c)}: ${total(c)} changes"><span class="label">${escape(c)}</span>${KINDS.filter(k => diff.summary.byCategory[c][k]).map(k =>
        `<span class="seg ${k}" data-width="${((diff.summary.byCategory[c][k] / max) * 70).toFixed(2)}%"></span>`).join('')}<span class="n">${total(c)}</span></div>`).join('');
    const rows = diff.changes.map((c, i) => `<tr data-index="${i}" data-kind="${c.kind}" data-text="${escape(`${c.code} ${c.kind} ${c.direction ?? ''} ${JSON.stringify(c.old ?? '')} ${JSON.stringify(c.new ?? '')}`.toLowerCase())}"><td>${escape(c.category)}</td><td><code>${escape(c.code)}</code></td><td>${escape(c.kind)}${c.direction ? ` <span class="dir ${c.direction}">${escape(c.direction)}</span>` : ''}</td><td>${detail(c)}</td></tr>`).join('');
    const counts = KINDS.filter(k => diff.summary.counts[k]).map(k => `${diff.summary.counts[k]} ${k}`).join(', ') || 'no changes';
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-panel-border); }
tr[data-index] { cursor: pointer; } tr[data-index]:hover { background: var(--vscode-list-hoverBackground); }
del { background: var(--vscode-diffEditor-removedTextBackground); } ins { background: var(--vscode-diffEditor-insertedTextBackground); text-decoration: none; }
.bar { display: flex; align-items: center; gap: 2px; margin: 2px 0; } .bar .label { width: 4em; } .bar .n { margin-left: 6px; opacity: .8; }
.seg { height: 12px; display: inline-block; } .added { background: #2e7d32; } .removed { background: #c62828; } .renumbered { background: #6a1b9a; } .reworded { background: #1565c0; }
.threshold { background: #ef6c00; } .tier { background: #00838f; } .note { background: #757575; } .definition { background: #8d6e63; }
tr.seg, td .seg { height: auto; } .dir { font-size: .85em; padding: 0 4px; border: 1px solid var(--vscode-panel-border); border-radius: 3px; }
.warning { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: 8px; }
.filters { margin: 1em 0; display: flex; gap: 1em; flex-wrap: wrap; align-items: center; }
input[type=search] { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; }
</style></head><body>
<h2>${escape(diff.old.id ?? diff.old.file ?? '')} → ${escape(diff.new.id ?? diff.new.file ?? '')}</h2>
<p id="summary">${escape(counts)}${diff.summary.counts.tightened || diff.summary.counts.relaxed ? ` (${diff.summary.counts.tightened} tightened, ${diff.summary.counts.relaxed} relaxed)` : ''}</p>
${diff.warnings.map(w => `<p class="warning">${escape(w)}</p>`).join('')}
<div class="chart">${bars}</div>
<div class="filters"><input type="search" id="filter" placeholder="Filter changes (code, words)…" aria-label="Filter changes">
${KINDS.filter(k => diff.summary.counts[k]).map(k => `<label><input type="checkbox" class="kind" value="${k}" checked> <span class="seg ${k}" data-width="10px"></span> ${k}</label>`).join('')}</div>
<table><thead><tr><th>Category</th><th>Code</th><th>Change</th><th>Detail</th></tr></thead><tbody id="changes">${rows}</tbody></table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
// Widths are set here, not in style attributes, which the content security policy forbids.
document.querySelectorAll('[data-width]').forEach(e => { e.style.width = e.dataset.width; });
const rows = [...document.querySelectorAll('#changes tr')];
function apply() {
  const words = document.getElementById('filter').value.toLowerCase().split(/\\s+/).filter(Boolean);
  const kinds = new Set([...document.querySelectorAll('input.kind:checked')].map(i => i.value));
  for (const row of rows) row.hidden = !kinds.has(row.dataset.kind) || !words.every(w => row.dataset.text.includes(w));
}
document.getElementById('filter').addEventListener('input', apply);
document.querySelectorAll('input.kind').forEach(i => i.addEventListener('change', apply));
for (const row of rows) row.addEventListener('click', () => vscode.postMessage({ open: Number(row.dataset.index) }));
</script></body></html>`;
}

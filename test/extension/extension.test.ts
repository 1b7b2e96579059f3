/**
 * Extension tests: the `vscode` API against the extension as installed from the VSIX, in a real
 * VS Code (code-server here, `npm run test:electron` where VS Code can be downloaded). The
 * workspace is a copy of examples/. Bundled into out/extension-tests/suite.cjs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { CldExtensionApi } from '../../client/src/extension.js';

const EXTENSION_ID = 'cld-project.cld';
/** out/extension-tests/ is two levels below the repository. */
const repository = path.resolve(__dirname, '..', '..');

function workspaceFile(relative: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the examples folder open');
    return vscode.Uri.joinPath(folder.uri, relative);
}

async function open(relative: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
    await vscode.window.showTextDocument(document);
    return document;
}

/** Diagnostics arrive after the server has built the workspace: wait until they are there. */
async function diagnosticsOf(uri: vscode.Uri, ready: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
    for (let attempt = 0; attempt < 120; attempt++) {
        const diagnostics = vscode.languages.getDiagnostics(uri);
        if (ready(diagnostics)) return diagnostics;
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    return vscode.languages.getDiagnostics(uri);
}

function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
    const at = document.getText().indexOf(needle);
    assert.ok(at >= 0, `"${needle}" is not in ${document.uri.path}`);
    return document.positionAt(at + offsetInNeedle);
}

function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
}

/** Stops the extension's language server as a crash would (SIGKILL), found by its command line in /proc. */
function killServer(): void {
    const server = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'out', 'server.cjs');
    const pids = fs.readdirSync('/proc').filter(name => /^\d+$/.test(name)).filter(pid => {
        try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf-8').split('\0').includes(server); } catch { return false; }
    });
    assert.equal(pids.length, 1, `expected one server process running ${server}, found ${pids.length}`);
    process.kill(Number(pids[0]), 'SIGKILL');
}

/** Waits until the server answers a request again (after a restart). */
async function requestWorks(): Promise<void> {
    let last: unknown;
    for (let attempt = 0; attempt < 120; attempt++) {
        try {
            const result = await api.request<{ ok: boolean }>('cld/diffLists', { new: { uri: workspaceFile('examplia/examplia-2025.cld').toString() } });
            if (result.ok) return;
        } catch (error) {
            last = error;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    assert.fail(`the server did not answer again: ${String(last)}`);
}

let api: CldExtensionApi;

suite('CLD extension', () => {
    suiteSetup(async () => {
        await open('examplia/examplia-2025.cld');
        const extension = vscode.extensions.getExtension<CldExtensionApi>(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is not installed`);
        api = await extension.activate();
    });

    test('activates on a .cld file and registers every command the manifest declares', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        assert.equal(extension.isActive, true);
        const declared = (extension.packageJSON.contributes.commands as { command: string }[]).map(c => c.command);
        const registered = new Set(await vscode.commands.getCommands(true));
        assert.deepEqual(declared.filter(c => !registered.has(c)), []);
        assert.ok(declared.length >= 6);
    });

    test('the error example gets exactly the diagnostics `cld validate` reports', async () => {
        const document = await open('errors/diagnostics-demo.cld');
        // `cld validate` exits 1 on errors; its JSON on stdout is what counts.
        const run = spawnSync(process.execPath, [path.join(repository, 'bin', 'cld.cjs'), 'validate', document.uri.fsPath, '--format', 'json'], { encoding: 'utf-8' });
        const cli = JSON.parse(run.stdout) as { line: number; column: number; code: string }[];
        assert.ok(cli.length > 10, `cld validate found only ${cli.length} problems: ${run.stderr}`);
        const diagnostics = await diagnosticsOf(document.uri, d => d.length >= cli.length);
        const key = (line: number, column: number, code: unknown) => `${line}:${column} ${String(code)}`;
        const editor = diagnostics.map(d => key(d.range.start.line + 1, d.range.start.character + 1, typeof d.code === 'object' ? d.code.value : d.code)).sort();
        const expected = cli.map(d => key(d.line, d.column, d.code)).sort();
        const missing = expected.filter(k => !editor.includes(k));
        const extra = editor.filter(k => !expected.includes(k));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `the editor and the CLI disagree: missing ${missing.join('; ')}; extra ${extra.join('; ')}`);
        assert.equal(editor.length, expected.length);
        assert.ok(diagnostics.some(d => d.severity === vscode.DiagnosticSeverity.Error && d.message.includes("Unknown dimension 'odour'")));
    });

    test('the hover of an ECCN entry shows its WA code, text and tier', async () => {
        const document = await open('examplia/examplia-2025.cld');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'entry 3B001', 7));
        const text = hoverText(hovers);
        assert.match(text, /\*\*3B001\*\* \(WA 3\.B\.1\)/);
        assert.match(text, /Equipment for the manufacturing of semiconductor devices/);
        assert.match(text, /Tiers: dual-use/);
    });

    test('the quick fix for a threshold in a unit other than the preferred one rewrites it', async () => {
        const document = await open('errors/diagnostics-demo.cld');
        const diagnostics = await diagnosticsOf(document.uri, d => d.some(x => x.message.includes('350 nm')));
        const target = diagnostics.find(d => d.message.includes('350 nm'));
        assert.ok(target, 'no unit-not-preferred diagnostic');
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(a => /350 nm/.test(a.title));
        assert.ok(fix?.edit, `no quick fix offered: ${actions.map(a => a.title).join('; ')}`);
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
        assert.match(document.getText(), /wavelength < 350 nm/);
        const after = await diagnosticsOf(document.uri, d => !d.some(x => x.message.includes('350 nm')));
        assert.equal(after.some(d => d.message.includes('350 nm')), false);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('completion offers the dimensions in a parameter declaration and the units after a number', async () => {
        const document = await open('errors/diagnostics-demo.cld');
        const dimensions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'parameter smell: ', 'parameter smell: '.length));
        const labels = dimensions.items.map(i => typeof i.label === 'string' ? i.label : i.label.label);
        for (const dimension of ['length', 'frequency', 'data-rate']) assert.ok(labels.includes(dimension), `no ${dimension} in ${labels.slice(0, 20).join(', ')}`);
        // With a prefix typed (in a new untitled list): "angular-rate" is in no text, only the server knows it.
        const untitled = await vscode.workspace.openTextDocument({ language: 'cld', content: 'list "Typing"\nparameter bias: angular-r' });
        const typed = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', untitled.uri, untitled.positionAt(untitled.getText().length));
        const offered = typed.items.find(i => i.label === 'angular-rate');
        assert.equal(offered?.kind, vscode.CompletionItemKind.TypeParameter, 'no dimension offered after a typed prefix');
        const units = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'wavelength < 3 furlongs', 'wavelength < 3 '.length));
        const unitLabels = units.items.map(i => typeof i.label === 'string' ? i.label : i.label.label);
        assert.ok(unitLabels.includes('nm'), `no nm in ${unitLabels.slice(0, 20).join(', ')}`);
    });

    test('the outline lists categories, entries and items', async () => {
        const document = await open('examplia/examplia-2025.cld');
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        const names: string[] = [];
        const walk = (list: vscode.DocumentSymbol[]) => list.forEach(s => { names.push(s.name); walk(s.children); });
        walk(symbols);
        assert.ok(names.some(n => n.includes('3B001')), names.join(', '));
    });

    test('Compare with Previous Edition opens the Compare Editions view for the `supersedes` file', async () => {
        const document = await open('examplia/examplia-2025.cld');
        await vscode.commands.executeCommand('cld.compareWithPrevious', document.uri);
        const webviewTab = () => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.input instanceof vscode.TabInputWebview && /EX-UCL-2024 ↔ EX-UCL-2025/.test(t.label));
        for (let attempt = 0; attempt < 80 && !webviewTab(); attempt++) await new Promise(resolve => setTimeout(resolve, 250));
        assert.ok(webviewTab(), `no Compare Editions tab: ${vscode.window.tabGroups.all.flatMap(g => g.tabs).map(t => t.label).join(', ')}`);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('the server answers the semantic diff of the two examplia editions', async () => {
        const result = await api.request<{ ok: boolean; diff: { summary: { counts: Record<string, number> } } }>('cld/diffLists', { new: { uri: workspaceFile('examplia/examplia-2025.cld').toString() } });
        assert.equal(result.ok, true);
        assert.ok((result.diff.summary.counts.threshold ?? 0) > 0, JSON.stringify(result.diff.summary.counts));
    });

    test('Restart Language Server brings the server back', async () => {
        await vscode.commands.executeCommand('cld.restartServer');
        const document = await open('examplia/examplia-2025.cld');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'entry 3B001', 7));
        assert.match(hoverText(hovers), /3B001/);
    });

    test('a request made while the server restarts waits for it instead of failing', async () => {
        const restart = vscode.commands.executeCommand('cld.restartServer');
        // The restart has stopped the server by now; the request must still be answered.
        await new Promise(resolve => setTimeout(resolve, 50));
        const result = await api.request<{ ok: boolean; message?: string }>('cld/diffLists', { new: { uri: workspaceFile('examplia/examplia-2025.cld').toString() } });
        assert.equal(result.ok, true, result.message);
        await restart;
    });

    test('a server that dies is restarted, and what was typed while it was down is analysed', async function () {
        this.timeout(90_000);
        const document = await vscode.workspace.openTextDocument({ language: 'cld', content: 'list "Crash recovery"\nnumbering eccn\n' });
        await vscode.window.showTextDocument(document);
        await requestWorks();
        killServer();
        const editor = await vscode.window.showTextDocument(document);
        await editor.edit(edit => edit.insert(new vscode.Position(2, 0), 'parameter smell: odour\n'));
        const diagnostics = await diagnosticsOf(document.uri, d => d.some(x => x.message.includes("Unknown dimension 'odour'")));
        assert.ok(diagnostics.some(x => x.message.includes("Unknown dimension 'odour'")), `after the restart: ${diagnostics.map(d => d.message).join('; ')}`);
        await requestWorks();
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('a file the server stopped on twice is left unanalysed; other files are analysed; Restart tries it again', async function () {
        this.timeout(120_000);
        const suspect = await vscode.workspace.openTextDocument({ language: 'cld', content: 'list "Suspect"\nnumbering eccn\nparameter smell: odour\n' });
        const other = await open('errors/diagnostics-demo.cld');
        await diagnosticsOf(other.uri, d => d.length > 10);
        const editor = await vscode.window.showTextDocument(suspect);
        assert.ok((await diagnosticsOf(suspect.uri, d => d.length > 0)).length > 0);
        for (let stop = 0; stop < 2; stop++) {
            // An edit just before each stop makes this file the suspect.
            await editor.edit(edit => edit.insert(new vscode.Position(0, 0), '// edited\n'));
            await requestWorks();
            killServer();
            await requestWorks();
        }
        assert.deepEqual(await diagnosticsOf(suspect.uri, d => d.length === 0), [], 'the quarantined file still has diagnostics');
        assert.ok((await diagnosticsOf(other.uri, d => d.length > 10)).length > 10, 'the other file is no longer analysed');
        await vscode.commands.executeCommand('cld.restartServer');
        assert.ok((await diagnosticsOf(suspect.uri, d => d.length > 0)).length > 0, 'Restart did not analyse the file again');
        await vscode.window.showTextDocument(suspect);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('the packaged server imports the 2025 WA PDF (pdfjs-dist ships in the VSIX)', async function () {
        const corpus = process.env.CLD_E2E_CORPUS ?? path.resolve(repository, '..', 'shared', 'data');
        const folder = path.join(corpus, 'wassenaar', 'WA-LIST-25-1-Corr');
        if (!fs.existsSync(folder)) {
            (this.test as { skipReason?: string }).skipReason = `the WA corpus is not at ${folder}`;
            this.skip();
        }
        this.timeout(180_000);
        const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cld-import-'));
        try {
            const result = await api.request<{ ok: boolean; items?: number; errors?: number; message?: string; file?: string }>('cld/importEdition', { source: folder, outDir });
            assert.equal(result.ok, true, result.message);
            assert.equal(result.errors, 0);
            assert.ok((result.items ?? 0) > 2000, `only ${result.items} items`);
            assert.match(fs.readFileSync(result.file!, 'utf-8'), /id "WA-LIST \(25\) 1/);
        } finally {
            fs.rmSync(outDir, { recursive: true, force: true });
        }
    });
});

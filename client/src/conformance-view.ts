/**
 * "CLD: Check Conformance": the open national list against the WA edition it implements, in the
 * Conformance view (Explorer). The server computes the report (cld/conformance, the engine of
 * `cld conformance`); the view groups the findings by kind: the gaps first, then the WA items not
 * covered (each with "Insert a skeleton entry", cld/conformanceSkeleton), then the rest. A finding
 * on a national item opens it; the whole report opens as Markdown from the view's title.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Finding {
    kind: string;
    waCode?: string;
    nationalCode?: string;
    waText?: string;
    nationalText?: string;
    waThresholds: string[];
    nationalThresholds: string[];
    regime?: string;
    follows?: { listId: string; since?: number };
}
interface Report { nationalId?: string; waId?: string; problems: string[]; findings: Finding[] }
type ConformanceResult = { ok: true; report: Report; markdown: string; lines: Record<string, number> } | { ok: false; message: string };
type SkeletonResult = { ok: true; edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }> } | { ok: false; message: string };

/** The groups of the view, in order, with what each kind is called there. */
const GROUPS: Array<{ kinds: string[]; label: () => string; icon: string }> = [
    { kinds: ['narrower'], label: () => vscode.l10n.t('Gaps: controls less than the WA'), icon: 'error' },
    { kinds: ['not-covered'], label: () => vscode.l10n.t('WA items not covered'), icon: 'circle-slash' },
    { kinds: ['older'], label: () => vscode.l10n.t('Follows an older WA edition'), icon: 'history' },
    { kinds: ['broader', 'other-limits'], label: () => vscode.l10n.t('Other limits than the WA (controls more, or no one direction)'), icon: 'arrow-both' },
    { kinds: ['reworded'], label: () => vscode.l10n.t('In other words'), icon: 'whole-word' },
    { kinds: ['national-only', 'other-regime'], label: () => vscode.l10n.t("National items and other regimes' items"), icon: 'home' },
    { kinds: ['equal'], label: () => vscode.l10n.t('Equal to the WA'), icon: 'check' },
];

type Node = { type: 'group'; index: number; findings: Finding[] } | { type: 'finding'; finding: Finding } | { type: 'problem'; text: string };

class ConformanceTree implements vscode.TreeDataProvider<Node> {
    private readonly changed = new vscode.EventEmitter<Node | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    result?: { uri: vscode.Uri; report: Report; markdown: string; lines: Record<string, number> };

    show(result: ConformanceTree['result']): void {
        this.result = result;
        this.changed.fire(undefined);
    }

    getChildren(node?: Node): Node[] {
        if (!this.result) return [];
        if (!node) {
            const problems: Node[] = this.result.report.problems.map(text => ({ type: 'problem', text }));
            const groups: Node[] = GROUPS.map((group, index) => ({ type: 'group' as const, index, findings: topmost(this.result!.report.findings.filter(f => group.kinds.includes(f.kind))) })).filter(g => g.findings.length > 0);
            return [...problems, ...groups];
        }
        return node.type === 'group' ? node.findings.map(finding => ({ type: 'finding', finding })) : [];
    }

    getTreeItem(node: Node): vscode.TreeItem {
        if (node.type === 'problem') return Object.assign(new vscode.TreeItem(node.text), { iconPath: new vscode.ThemeIcon('warning') });
        if (node.type === 'group') {
            const group = GROUPS[node.index];
            const item = new vscode.TreeItem(group.label(), node.index < 2 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
            item.description = String(node.findings.length);
            item.iconPath = new vscode.ThemeIcon(group.icon);
            return item;
        }
        const f = node.finding;
        const item = new vscode.TreeItem(f.nationalCode ?? `WA ${f.waCode}`);
        item.description = describe(f);
        item.tooltip = new vscode.MarkdownString([f.waText !== undefined ? `**WA ${f.waCode}**: ${f.waText}` : '', f.waThresholds.length ? vscode.l10n.t('WA limits: {0}', f.waThresholds.join('; ')) : '',
            f.nationalText !== undefined ? `**${f.nationalCode}**: ${f.nationalText}` : '', f.nationalThresholds.length ? vscode.l10n.t('Limits here: {0}', f.nationalThresholds.join('; ')) : ''].filter(Boolean).join('\n\n'));
        item.contextValue = f.kind === 'not-covered' ? 'uncovered' : 'finding';
        const line = f.nationalCode !== undefined ? this.result?.lines[f.nationalCode] : undefined;
        if (line !== undefined && this.result) item.command = { command: 'cld.conformance.openItem', title: vscode.l10n.t('Open'), arguments: [this.result.uri, line] };
        return item;
    }
}

/** An uncovered WA item whose parent is uncovered too is inserted with it: only the topmost are listed. */
function topmost(findings: Finding[]): Finding[] {
    const uncovered = new Set(findings.filter(f => f.kind === 'not-covered').map(f => f.waCode));
    return findings.filter(f => f.kind !== 'not-covered' || !uncovered.has(f.waCode!.slice(0, f.waCode!.lastIndexOf('.'))));
}

function describe(f: Finding): string {
    switch (f.kind) {
        case 'narrower': return vscode.l10n.t('controls less than WA {0}: {1} (WA: {2})', f.waCode ?? '', f.nationalThresholds.join('; ') || vscode.l10n.t('no limits'), f.waThresholds.join('; '));
        case 'broader': return vscode.l10n.t('controls more than WA {0}', f.waCode ?? '');
        case 'other-limits': return vscode.l10n.t('other limits than WA {0}', f.waCode ?? '');
        case 'older': return f.follows?.since
            ? vscode.l10n.t('follows {0}; the WA reads otherwise since {1}', f.follows.listId, f.follows.since)
            : vscode.l10n.t('follows {0}', f.follows?.listId ?? '');
        case 'reworded': return vscode.l10n.t('WA {0} in other words', f.waCode ?? '');
        case 'equal': return `WA ${f.waCode}`;
        case 'not-covered': return f.waText ?? '';
        case 'other-regime': return vscode.l10n.t("another regime's item ({0})", f.regime ?? '');
        default: return vscode.l10n.t('no WA counterpart');
    }
}

export function registerConformanceCommand(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>): void {
    const tree = new ConformanceTree();
    const view = vscode.window.createTreeView('cldConformance', { treeDataProvider: tree, showCollapseAll: true });
    context.subscriptions.push(view);
    const check = async (uri: vscode.Uri | undefined): Promise<void> => {
        const target = uri ?? vscode.window.activeTextEditor?.document.uri;
        if (!target) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: open a national list first.'));
        const languageClient = await client();
        if (!languageClient) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: the language server is not running; restart it first.'));
        const result = await vscode.window.withProgress({ location: { viewId: 'cldConformance' }, title: vscode.l10n.t('CLD: checking conformance') },
            () => languageClient.sendRequest<ConformanceResult>('cld/conformance', { uri: target.toString() }));
        if (!result.ok) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', result.message));
        tree.show({ uri: target, report: result.report, markdown: result.markdown, lines: result.lines });
        view.title = vscode.l10n.t('Conformance: {0}', `${result.report.nationalId ?? vscode.l10n.t('list')}${result.report.waId ? ` / ${result.report.waId}` : ''}`);
        await vscode.commands.executeCommand('setContext', 'cld.conformanceChecked', true);
        await vscode.commands.executeCommand('cldConformance.focus');
    };
    context.subscriptions.push(
        vscode.commands.registerCommand('cld.checkConformance', check),
        vscode.commands.registerCommand('cld.conformance.refresh', () => check(tree.result?.uri)),
        vscode.commands.registerCommand('cld.conformance.openReport', async () => {
            if (!tree.result) return;
            const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: tree.result.markdown });
            await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
            await vscode.commands.executeCommand('markdown.showPreview', document.uri);
        }),
        vscode.commands.registerCommand('cld.conformance.openItem', async (uri: vscode.Uri, line: number) => {
            const editor = await vscode.window.showTextDocument(uri, { preview: false });
            const position = new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex);
            editor.selection = new vscode.Selection(position, position);
            editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }),
        vscode.commands.registerCommand('cld.conformance.insertSkeleton', async (node?: Node) => {
            if (node?.type !== 'finding' || !node.finding.waCode || !tree.result) return;
            const languageClient = await client();
            if (!languageClient) return;
            const uri = tree.result.uri;
            const result = await languageClient.sendRequest<SkeletonResult>('cld/conformanceSkeleton', { uri: uri.toString(), waCode: node.finding.waCode });
            if (!result.ok) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: {0}', result.message));
            const edit = new vscode.WorkspaceEdit();
            for (const e of result.edits) edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
            if (!await vscode.workspace.applyEdit(edit)) return void vscode.window.showErrorMessage(vscode.l10n.t('CLD: the skeleton could not be inserted (the list changed?).'));
            const editor = await vscode.window.showTextDocument(uri, { preview: false });
            const first = Math.min(...result.edits.map(e => e.range.start.line));
            editor.revealRange(new vscode.Range(first, 0, first, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
            await check(uri);
        }),
    );
}

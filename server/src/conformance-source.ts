/**
 * The language server's side of conformance: the report for an open national list (the list
 * against the WA edition it implements, from the precedent library the hover reads), for the
 * cld/conformance request and for the conformance diagnostics (conformance-diagnostics.ts in the
 * core); and when those diagnostics are worked out. They are a 'slow' check: run when typing has
 * paused for a moment, when the library has been read, and when the setting changes.
 */
import * as l10n from '@vscode/l10n';
import { type BuildOptions, DocumentState, type LangiumDocument, OperationCancelled } from 'langium';
import { CancellationToken, CancellationTokenSource } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { type ConformanceReport, type FindingKind, conformanceInSteps, implementedEdition } from '../../language/src/conformance/conformance.js';
import { type ConformanceSeverity, type ConformanceSource, registerConformanceChecks } from '../../language/src/conformance/conformance-diagnostics.js';
import { type ControlList, isControlList } from '../../language/src/generated/ast.js';
import { type FlatList, flattenList } from '../../language/src/model/flat-items.js';
import { inTurns } from '../../language/src/stepwise.js';
import type { CldServices } from './cld-lsp-module.js';

/** How long typing must pause before the conformance diagnostics are worked out again. */
const PAUSE_MS = 600;

export type ConformanceAnswer = { ok: true; report: ConformanceReport; wa?: FlatList } | { ok: false; message: string };

export class CldConformance implements ConformanceSource {
    private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
    /** The builds this class started (conformance worked out), by document, to cancel when it changes. */
    private readonly running = new Map<string, CancellationTokenSource>();
    /** Documents waiting for their library to be read before their conformance is worked out. */
    private readonly waiting = new Set<string>();
    /** The parses whose conformance was worked out (a new parse is a new root). */
    private checked = new WeakSet<ControlList>();
    /** Settings and the precedent library are known once the client has initialized the server (never, in-process without LSP). */
    private initialized = false;

    constructor(private readonly shared: LangiumSharedServices, private readonly cld: CldServices) {
        registerConformanceChecks(cld, this);
        shared.lsp.LanguageServer.onInitialized(() => { this.initialized = true; });
        // Not DocumentBuilder.onUpdate: every build, this class's own too, starts with an update.
        const cancel = (event: { document: { uri: string } }) => this.running.get(event.document.uri)?.cancel();
        shared.workspace.TextDocuments?.onDidChangeContent(cancel);
        shared.workspace.TextDocuments?.onDidClose(cancel);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
            for (const document of documents) this.schedule(document);
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section !== 'cld') return;
            this.checked = new WeakSet();
            void this.recheck(this.implementingDocuments());
        });
    }

    /**
     * The report for an open list, against `against` or the WA edition its header implements; why
     * there is none, in words. With a cancellation token, the event loop runs between the steps
     * (flatten, then conformanceInSteps's: up to about 20 ms each on a list the size of a WA
     * edition) and a cancellation ends it there.
     */
    async report(document: LangiumDocument, against?: string, wait = true, cancelToken = CancellationToken.None): Promise<ConformanceAnswer> {
        await letMessagesIn(cancelToken);
        const precedents = this.cld.precedents.Library;
        if (wait) await precedents.ready(document);
        const library = await precedents.library(document);
        if (library.status === 'indexing') return { ok: false, message: l10n.t('the WA editions are still being indexed; try again in a moment') };
        await letMessagesIn(cancelToken);
        const national = flattenList(document.parseResult.value as ControlList);
        const history = library.status === 'ready' ? library.history : undefined;
        const { wa, problems } = implementedEdition(national, history, library.status === 'ready' ? library.folder : '', against);
        if (library.status === 'none') problems.push('no WA editions to compare with: set cld.precedents.path, or import the WA editions (CLD: Import WA Editions)');
        await letMessagesIn(cancelToken);
        const report = await inTurns(conformanceInSteps({ national, wa, history, problems }), () => letMessagesIn(cancelToken));
        return { ok: true, report, wa };
    }

    async check(document: LangiumDocument, cancelToken: CancellationToken): Promise<{ report: ConformanceReport; severity: Partial<Record<FindingKind, ConformanceSeverity>> } | undefined> {
        // Near the size limit the check is left out (large-files.ts says so): on 9.9 MB it held the
        // server for four seconds in one stretch each time typing paused.
        if (!this.initialized || this.cld.limits.LargeFiles.reduced(document)) return undefined;
        const root = document.parseResult.value as ControlList;
        this.checked.add(root);
        const answer = await this.report(document, undefined, false, cancelToken);
        if (!answer.ok) {
            // Still indexing: checked again once the library is read (once, however often typing
            // pauses meanwhile), when the build this check is part of has ended: the library may be
            // read already, and a build of a document being built is not started.
            this.checked.delete(root);
            const key = document.uri.toString();
            if (!this.waiting.has(key)) {
                this.waiting.add(key);
                void this.cld.precedents.Library.ready(document)
                    .then(() => this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, document.uri))
                    .catch(() => undefined) // the document is gone: recheck leaves it out
                    .then(() => {
                        this.waiting.delete(key);
                        return this.recheck([document]);
                    });
            }
            return undefined;
        }
        if (!answer.report.waId) return undefined;
        return { report: answer.report, severity: await this.severity() };
    }

    private async severity(): Promise<Partial<Record<FindingKind, ConformanceSeverity>>> {
        try {
            const conformance = await this.shared.workspace.ConfigurationProvider.getConfiguration('cld', 'conformance') as { severity?: Record<string, unknown> } | undefined;
            const levels: ConformanceSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
            return Object.fromEntries(Object.entries(conformance?.severity ?? {}).filter(([, v]) => levels.includes(v as ConformanceSeverity))) as Partial<Record<FindingKind, ConformanceSeverity>>;
        } catch {
            return {};
        }
    }

    /** After a keystroke's (fast) validation: the slow checks once typing pauses, if this parse has not had them. */
    private schedule(document: LangiumDocument): void {
        const root = document.parseResult.value;
        if (!isControlList(root) || !root.header?.implements.some(i => i.regime === 'wassenaar') || this.checked.has(root)) return;
        if (this.cld.limits.LargeFiles.reduced(document)) return;
        const key = document.uri.toString();
        // Checked once the library is read (see check).
        if (this.waiting.has(key)) return;
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => {
            this.timers.delete(key);
            if (document.parseResult.value !== root || document.state !== DocumentState.Validated || this.checked.has(root)) return;
            void this.build([document], { validation: { categories: ['slow'] } });
        }, PAUSE_MS));
    }

    private async recheck(documents: LangiumDocument[]): Promise<void> {
        const current = documents.filter(d => this.shared.workspace.LangiumDocuments.hasDocument(d.uri) && d.state === DocumentState.Validated);
        if (current.length > 0) await this.build(current, { validation: true });
    }

    /**
     * A build of these documents that a change to any of them cancels. It runs beside Langium's
     * builds, not under the workspace lock, where it would cancel theirs (the first read of a large
     * list beside it); the cancellation makes the next keystroke wait for one step of the check at
     * most, not for a whole list's conformance, and no finding of the text before is published.
     */
    private async build(documents: LangiumDocument[], options: BuildOptions): Promise<void> {
        const source = new CancellationTokenSource();
        const keys = documents.map(d => d.uri.toString());
        for (const key of keys) {
            this.running.get(key)?.cancel();
            this.running.set(key, source);
        }
        try {
            await this.shared.workspace.DocumentBuilder.build(documents, options, source.token);
        } catch {
            // Cancelled, or the build failed: the next change builds the documents again.
        } finally {
            for (const key of keys) if (this.running.get(key) === source) this.running.delete(key);
            source.dispose();
        }
    }

    private implementingDocuments(): LangiumDocument[] {
        return this.shared.workspace.LangiumDocuments.all.filter(d => isControlList(d.parseResult.value) && (d.parseResult.value as ControlList).header?.implements.some(i => i.regime === 'wassenaar') === true).toArray();
    }
}

/**
 * Lets a message that came meanwhile (a keystroke) be read and handled before the next step, and
 * ends the work if it cancelled it. Langium's interruptAndCheck resumes with setImmediate, ahead of
 * the message the poll phase has just read (vscode-jsonrpc handles it in a setImmediate of its
 * own), so a key waited for two steps; a timer resumes after it.
 */
async function letMessagesIn(cancelToken: CancellationToken): Promise<void> {
    if (cancelToken === CancellationToken.None) return;
    await new Promise(resolve => setTimeout(resolve, 0));
    if (cancelToken.isCancellationRequested) throw OperationCancelled;
}

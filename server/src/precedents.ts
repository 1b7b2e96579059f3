/**
 * The precedent library of the language server: the WA editions the hover reads history from.
 * Where they are: the setting `cld.precedents.path` (or the LSP initialization option
 * `precedents.path`, for other editors), else the folder of the open file when it holds other
 * editions, else `.cache/wa` in a workspace folder (where `cld import --all` writes by default),
 * else the folder the editor's import command last filled.
 * The library is read in turns (an edition or a pair at a time) so requests keep being answered
 * while it loads; the index on disk makes later starts fast. A folder is read again when its
 * .cld files change. Problems are told once per folder, never per hover.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { LangiumServices, LangiumSharedServices } from 'langium/lsp';
import { URI } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';
import { type Lineage, PrecedentHistory } from '../../language/src/history/lineage.js';
import { defaultCacheFolder } from '../../language/src/cache-folder.js';
import { type LoadedLibrary, loadPrecedentsInTurns } from '../../language/src/history/precedent-library.js';
import { buildIndexInWorker } from './precedent-worker.js';

/** The editor's import command wrote editions to `folder` (a fallback precedent library). */
export const PRECEDENTS_IMPORTED = 'cld/precedentsImported';

export type PrecedentAnswer =
    | { status: 'ready'; lineage: Lineage | undefined; editions: number; folder: string; history: PrecedentHistory }
    | { status: 'indexing'; folder: string }
    | { status: 'none' };

interface Entry {
    signature: string;
    library?: LoadedLibrary;
    loading: Promise<void>;
}

export class CldPrecedents {
    private readonly libraries = new Map<string, Entry>();
    private initializationPath: string | undefined;
    /** Whether the client runs "cld.showEntryHistory" from a link in a hover (VS Code: yes, when it says so). */
    historyCommand = false;
    /** Where the editor's import command last wrote editions (its default: the extension's storage). */
    private importedPath: string | undefined;
    private readonly readListeners: Array<() => void> = [];

    constructor(private readonly shared: LangiumSharedServices, private readonly language: LangiumServices) {
        shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
            const options = params.initializationOptions as { precedents?: { path?: unknown; imported?: unknown }; commandLinks?: unknown } | undefined;
            this.historyCommand = Array.isArray(options?.commandLinks) && options.commandLinks.includes('cld.showEntryHistory');
            if (typeof options?.precedents?.path === 'string') this.initializationPath = options.precedents.path;
            if (typeof options?.precedents?.imported === 'string') this.importedPath = options.precedents.imported;
        });
        shared.lsp.Connection?.onNotification(PRECEDENTS_IMPORTED, (params: { folder?: unknown }) => {
            if (typeof params?.folder === 'string') this.importedPath = params.folder;
        });
    }

    /** Whether a library with editions is being read or has been (large-list-memory.ts: it is much to hold, and reading it more). */
    holdsLibrary(): boolean {
        return [...this.libraries.values()].some(entry => !entry.library || entry.library.history.editions.length > 0);
    }

    /** Called each time a library starts being read, and once it has been. */
    onLibraryRead(listener: () => void): void {
        this.readListeners.push(listener);
    }

    /** Whether hovers show the history part (`cld.hover.history`, on unless set false). */
    async historyInHover(): Promise<boolean> {
        const hover = await this.setting('hover') as { history?: unknown } | undefined;
        return hover?.history !== false;
    }

    /** The lineage of `code` in the precedent library that applies to `document`; never waits for a library still loading. */
    async lineage(document: LangiumDocument, code: string): Promise<PrecedentAnswer> {
        const folder = await this.folderFor(document);
        if (!folder) return { status: 'none' };
        const entry = this.entryFor(folder);
        if (!entry.library) return { status: 'indexing', folder };
        if (entry.library.history.editions.length === 0) return { status: 'none' };
        const history = entry.library.history;
        return { status: 'ready', lineage: history.lineage(code), editions: history.editions.length, folder, history };
    }

    /** The WA editions that apply to `document` (see lineage), read whole: for conformance. */
    async library(document: LangiumDocument): Promise<{ status: 'ready'; history: PrecedentHistory; folder: string } | { status: 'indexing'; folder: string } | { status: 'none' }> {
        const folder = await this.folderFor(document);
        if (!folder) return { status: 'none' };
        const entry = this.entryFor(folder);
        if (!entry.library) return { status: 'indexing', folder };
        return entry.library.history.editions.length === 0 ? { status: 'none' } : { status: 'ready', history: entry.library.history, folder };
    }

    /** Waits until the library for `document` is read (tests, and the first hover after a start). */
    async ready(document: LangiumDocument): Promise<void> {
        const folder = await this.folderFor(document);
        if (folder) await this.entryFor(folder).loading;
    }

    private async setting(name: string): Promise<unknown> {
        try {
            return await this.shared.workspace.ConfigurationProvider.getConfiguration('cld', name);
        } catch {
            return undefined;
        }
    }

    private async folderFor(document: LangiumDocument): Promise<string | undefined> {
        const configured = await this.setting('precedents') as { path?: unknown } | undefined;
        const explicit = typeof configured?.path === 'string' && configured.path !== '' ? configured.path : this.initializationPath;
        if (explicit) {
            const folder = path.resolve(this.workspaceFolders()[0] ?? process.cwd(), explicit);
            if (cldFiles(folder).length > 0) return folder;
            this.tellOnce(`the precedents folder ${folder} (cld.precedents.path) holds no .cld editions; hovers show no WA history`);
            return undefined;
        }
        // A WA edition's own folder, when it holds other editions (a national list's folder holds national editions).
        const root = document.parseResult.value as { header?: { numbering?: string } };
        if (document.uri.scheme === 'file' && (root.header?.numbering ?? 'wassenaar') === 'wassenaar') {
            const own = path.dirname(document.uri.fsPath);
            if (cldFiles(own).length >= 2) return own;
        }
        const candidates = [...this.workspaceFolders().map(f => path.join(f, '.cache', 'wa')), ...(this.importedPath ? [this.importedPath] : [])];
        return candidates.find(f => cldFiles(f).length > 0);
    }

    private workspaceFolders(): string[] {
        const folders = (this.shared.workspace.WorkspaceManager as unknown as { folders?: Array<{ uri: string }> }).folders ?? [];
        return folders.map(f => URI.parse(f.uri)).filter(u => u.scheme === 'file').map(u => u.fsPath);
    }

    /** The library of a folder, (re)read when its .cld files are not those it was read from. */
    private entryFor(folder: string): Entry {
        const signature = folderSignature(folder);
        const known = this.libraries.get(folder);
        if (known && known.signature === signature) return known;
        const entry: Entry = { signature, loading: Promise.resolve() };
        entry.loading = this.loadWithProgress(folder)
            .then(library => {
                entry.library = library;
                this.report(folder, library);
            })
            .catch((e: Error) => {
                entry.library = { history: emptyHistory(), problems: [e.message], index: 'none' };
                this.report(folder, entry.library);
            })
            .finally(() => { for (const listener of this.readListeners) listener(); });
        this.libraries.set(folder, entry);
        for (const listener of this.readListeners) listener();
        return entry;
    }

    /** Reads a library, showing the editor's progress ("Indexing WA editions", an edition or a pair at a time). */
    private async loadWithProgress(folder: string): Promise<LoadedLibrary> {
        const reporter = await this.shared.lsp.Connection?.window.createWorkDoneProgress().catch(() => undefined);
        reporter?.begin('CLD: indexing the WA editions', 0, path.basename(folder), false);
        const cacheDir = defaultCacheFolder();
        const progress = (done: number, total: number, what: string) => reporter?.report(Math.round((100 * done) / Math.max(1, total)), what);
        try {
            // A first read is built in a worker thread; the index it writes is then read here quickly.
            const buildElsewhere = () => buildIndexInWorker({ folder, cacheDir }, progress).catch((e: Error) => this.tellOnce(`the index is built on the server's own thread (${e.message})`));
            return await loadPrecedentsInTurns(this.language, folder, { cacheDir, progress, buildElsewhere });
        } finally {
            reporter?.done();
        }
    }

    private readonly told = new Set<string>();

    /** A problem is logged once, however many hovers meet it. */
    private tellOnce(message: string): void {
        if (this.told.has(message)) return;
        this.told.add(message);
        this.shared.lsp.Connection?.console.warn(`CLD precedents: ${message}`);
    }

    private report(folder: string, library: LoadedLibrary): void {
        const connection = this.shared.lsp.Connection;
        const editions = library.history.editions.length;
        connection?.console.info(`CLD precedents: ${editions} edition(s) from ${folder} (index ${library.index})`);
        for (const problem of library.problems) this.tellOnce(problem);
    }
}

function cldFiles(folder: string): string[] {
    try {
        return fs.readdirSync(folder).filter(n => n.endsWith('.cld'));
    } catch {
        return [];
    }
}

/** The names, sizes and times of a folder's .cld files: cheap to take on every hover. */
function folderSignature(folder: string): string {
    return cldFiles(folder).sort().map(name => {
        try {
            const stat = fs.statSync(path.join(folder, name));
            return `${name}:${stat.size}:${stat.mtimeMs}`;
        } catch {
            return name;
        }
    }).join('|');
}

/** A library that could not be read at all answers "none" from then on (until its files change). */
function emptyHistory(): PrecedentHistory {
    return new PrecedentHistory([]);
}

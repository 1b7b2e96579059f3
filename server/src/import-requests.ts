/**
 * Custom requests behind the editor's "CLD: Import WA Editions from Folder…" command. The client
 * asks for the editions in a folder, then imports them one by one (so it can show progress and
 * stop between editions); the server does the work with the same importer as `cld import`.
 */
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { findEditions } from '../../language/src/importer/edition.js';
import { ImportError } from '../../language/src/importer/errors.js';
import { importAndCheck, writeFileAtomically } from '../../language/src/importer/import-edition.js';
import { checkParams } from './request-params.js';

export const LIST_EDITIONS = 'cld/listEditions';
export const IMPORT_EDITION = 'cld/importEdition';

export interface ImportEditionParams {
    /** An edition folder or PDF, as listed by cld/listEditions. */
    source: string;
    /** The folder to write `<list id>.cld` into. */
    outDir: string;
}

export interface ListEditionsResult {
    editions: string[];
    /** Why there are none, when there are none. */
    message?: string;
}

export type ImportEditionResult =
    | { ok: true; listId: string; file: string; items: number; thresholds: number; errors: number; warnings: number }
    | { ok: false; message: string };

export function registerImportRequests(connection: Connection): void {
    connection.onRequest(LIST_EDITIONS, (params: { folder: string }): ListEditionsResult => {
        checkParams(LIST_EDITIONS, params, { folder: 'string' });
        try {
            return { editions: findEditions(params.folder) };
        } catch (e) {
            return { editions: [], message: (e as Error).message };
        }
    });
    connection.onRequest(IMPORT_EDITION, async (params: ImportEditionParams): Promise<ImportEditionResult> => {
        checkParams(IMPORT_EDITION, params, { source: 'string', outDir: 'string' });
        try {
            const result = await importAndCheck(params.source);
            const file = join(params.outDir, `${result.model.fileId}.cld`);
            writeFileAtomically(file, result.text);
            const items = result.counts.categories.reduce((n, c) => n + c.entries + c.items, 0);
            return { ok: true, listId: result.model.listId, file, items, thresholds: result.counts.thresholds, errors: result.check.errors.length, warnings: result.model.warnings.length };
        } catch (e) {
            if (e instanceof ImportError) return { ok: false, message: e.message };
            throw e;
        }
    });
}

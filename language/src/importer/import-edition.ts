/**
 * The whole import of one edition: documents → model → CLD text, checked with the same
 * validator as the editor and `cld validate`, and written atomically.
 *
 * A threshold read from text can be wrong where the text is (a range whose ends contradict each
 * other once read, a number in a unit the parameter does not measure). The validator finds such
 * thresholds as errors; they are taken back (the item's text stays) and counted as warnings,
 * so every imported edition validates without errors.
 */
import { randomBytes } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createCldCoreServices } from '../cld-module.js';
import { FileError, writeOutputFile } from '../files.js';
import { importEdition, type ImportedEdition } from './edition.js';
import { ImportError } from './errors.js';
import type { ItemModel, ThresholdModel } from './model.js';
import { writeEdition, type WrittenEdition } from './write-cld.js';

export interface EditionCheck {
    errors: Array<{ line: number; message: string; code: string }>;
    warnings: number;
}

export interface ImportResult extends ImportedEdition {
    text: string;
    check: EditionCheck;
    /** Thresholds taken back because the validator rejected them. */
    withdrawnThresholds: number;
}

type CoreServices = ReturnType<typeof createCldCoreServices>;
let sharedServices: CoreServices | undefined;

function services(): CoreServices {
    sharedServices ??= createCldCoreServices(EmptyFileSystem);
    return sharedServices;
}

/** What the validation services still hold after checks: documents, and symbols in their index (none, once every check is done). */
export function heldByValidation(): { documents: number; symbols: number } {
    const workspace = services().shared.workspace;
    return { documents: workspace.LangiumDocuments.all.count(), symbols: workspace.IndexManager.allElements().count() };
}

/** Imports, then validates and takes back rejected thresholds until the text validates without errors. */
export async function importAndCheck(path: string): Promise<ImportResult> {
    const imported = await importEdition(path);
    let withdrawn = 0;
    for (let round = 0; round < 4; round++) {
        const written = writeEdition(imported.model);
        const check = await validateCld(written.text, imported.model.fileId);
        const repaired = takeBackRejected(written, check, (where, message) => imported.model.warnings.push({ where, message }));
        withdrawn += repaired;
        if (repaired === 0 || check.errors.length === 0) {
            imported.counts.thresholds -= withdrawn;
            return { ...imported, text: written.text, check, withdrawnThresholds: withdrawn };
        }
    }
    const written = writeEdition(imported.model);
    return { ...imported, text: written.text, check: await validateCld(written.text, imported.model.fileId), withdrawnThresholds: withdrawn };
}

/**
 * Takes back what the validator rejected in a written list (a WA edition's, or a national list's
 * from a sheet): a threshold it rejects, and the thresholds below all-of sub-items that can never
 * hold together (misread); the texts stay. Says what was taken back; returns how many thresholds.
 */
export function takeBackRejected(written: WrittenEdition, check: EditionCheck, warn: (where: string, message: string) => void): number {
    let count = 0;
    for (const error of check.errors) {
        const threshold = written.thresholdLines.get(error.line);
        if (threshold) {
            if (!withoutThreshold(threshold.item, threshold.threshold)) continue;
            warn(threshold.item.where, `threshold "${threshold.threshold.phrase}" of ${threshold.item.code} not kept: ${error.message}`);
            count++;
            continue;
        }
        const item = written.itemLines.get(error.line);
        if (item && error.code === 'contradictory-thresholds') {
            // all-of sub-items that can never hold together: the thresholds below were misread.
            const dropped = descendants(item).reduce((n, child) => n + child.thresholds.splice(0).length, 0);
            warn(item.where, `thresholds of the sub-items of ${item.code} not kept: ${error.message}`);
            count += dropped;
        }
    }
    return count;
}

function descendants(item: ItemModel): ItemModel[] {
    return item.children.flatMap(child => [child, ...descendants(child)]);
}

/** Validates CLD text in memory with the core services (no file is written). */
export async function validateCld(text: string, name: string): Promise<EditionCheck> {
    const core = services();
    const uri = URI.parse(`memory:///import/${encodeURIComponent(name)}-${randomBytes(4).toString('hex')}.cld`);
    const document: LangiumDocument = core.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    core.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await core.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostics = document.diagnostics ?? [];
        return {
            errors: diagnostics.filter(d => (d.severity ?? 1) === 1).map(d => ({ line: d.range.start.line, message: typeof d.message === 'string' ? d.message : d.message.value, code: String(d.code ?? (d.data as { code?: string } | undefined)?.code ?? 'syntax') })),
            warnings: diagnostics.filter(d => d.severity === 2).length,
        };
    } finally {
        // Removed as a deleted file is, with its index entries and build state: those hold the
        // whole AST, and kept, every edition of `cld import --all` stayed in memory.
        await core.shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

/** Writes an imported edition (files.ts: atomic, links followed, folders created); failures are ImportErrors. */
export function writeFileAtomically(file: string, text: string): void {
    try {
        writeOutputFile(file, text, { createFolders: true });
    } catch (e) {
        if (e instanceof FileError) throw new ImportError(e.file, e.reason);
        throw e;
    }
}

/**
 * Takes a threshold out of its item (false if it is not there). An `either` choice left with one
 * option is no choice: its thresholds then simply all hold, and are written so.
 */
export function withoutThreshold(item: ItemModel, threshold: ThresholdModel): boolean {
    const index = item.thresholds.indexOf(threshold);
    if (index < 0) return false;
    item.thresholds.splice(index, 1);
    const choice = threshold.either?.[0];
    const rest = item.thresholds.filter(t => choice !== undefined && t.either?.[0] === choice);
    if (new Set(rest.map(t => t.either![1])).size < 2) for (const t of rest) delete t.either;
    return true;
}

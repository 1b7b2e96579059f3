/**
 * Finding the parts of a WA edition: a folder of part files (one per category, the Sensitive
 * and Very Sensitive Lists, the Munitions List, the definitions, ...) or one PDF. Parts are
 * recognised by the words in their file names, which vary across editions ("Cat 3", "CAT 3",
 * "Cat 5P2", "WA-LIST (01) 3 VSL").
 */
import * as l10n from '@vscode/l10n';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ImportError } from './errors.js';
import type { PartKind, SourcePart } from './source.js';
import { readTextFile, readWordFile, splitCatdocMargins, toParagraphs } from './word-reader.js';

export interface PartFile {
    kind: PartKind;
    category?: number;
    /** 1 or 2 for the two parts of Category 5. */
    section?: number;
    path: string;
}

/** The part a file holds, from its name (without the list id prefix). */
export function classifyPartFile(fileName: string): Omit<PartFile, 'path'> {
    const name = fileName.replace(/\.catdoc\.txt$|\.(docx?|txt|pdf)$/i, '').replace(/WA-LIST\s*\(\d+\)\s*\d+(\s*Corr\.?\s*\d*)?/i, ' ');
    const category = /\bcat(?:egory)?\s*(\d)\s*(?:p(?:art)?\s*(\d))?/i.exec(name);
    if (category) return { kind: 'category', category: Number(category[1]), section: category[2] ? Number(category[2]) : undefined };
    if (/cover/i.test(name)) return { kind: 'cover' };
    if (/contents/i.test(name)) return { kind: 'contents' };
    if (/\bGTN\b|\bGSN\b|general/i.test(name)) return { kind: 'general-notes' };
    if (/\bVSL\b|very sensitive/i.test(name)) return { kind: 'very-sensitive' };
    if (/\bSL\b|sensitive/i.test(name)) return { kind: 'sensitive' };
    if (/\bML\b|munitions/i.test(name)) return { kind: 'munitions' };
    if (/\bDEF\b|definitions/i.test(name)) return { kind: 'definitions' };
    if (/acronym|abbreviation/i.test(name)) return { kind: 'acronyms' };
    if (/\bSOUs?\b|understanding|validity/i.test(name)) return { kind: 'understandings' };
    return { kind: 'other' };
}

const READABLE = /\.(docx?|txt|pdf)$/i;

/**
 * The part files of an edition folder. Where a Word file has a text conversion beside it
 * (`X.doc` and `X.catdoc.txt`, made for the Word 6/95 files), the text is read.
 */
export function listPartFiles(folder: string): PartFile[] {
    let names: string[];
    try {
        names = readdirSync(folder).filter(n => READABLE.test(n) && statSync(join(folder, n)).isFile()).sort();
    } catch (e) {
        throw new ImportError(folder, l10n.t('cannot read the folder ({0})', (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
    if (names.length === 0) throw new ImportError(folder, l10n.t('no Word, text or PDF files in this folder'));
    const converted = new Set(names.filter(n => n.endsWith('.catdoc.txt')).map(n => n.replace(/\.catdoc\.txt$/, '')));
    return names
        .filter(n => !(/\.doc$/i.test(n) && converted.has(n.replace(/\.doc$/i, ''))))
        .map(n => ({ ...classifyPartFile(n), path: join(folder, n) }));
}

/** Dual-use categories 1-9, the two lists of tiers, the munitions list and the definitions. */
const REQUIRED: Array<{ kind: PartKind; category?: number; name: string }> = [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(category => ({ kind: 'category' as const, category, name: `Cat ${category}` })),
    { kind: 'sensitive', name: 'SL (Sensitive List)' },
    { kind: 'very-sensitive', name: 'VSL (Very Sensitive List)' },
    { kind: 'munitions', name: 'ML (Munitions List)' },
    { kind: 'definitions', name: 'DEF (definitions)' },
];

export function checkRequiredParts(folder: string, parts: Array<{ kind: PartKind; category?: number }>): void {
    const missing = REQUIRED.filter(r => !parts.some(p => p.kind === r.kind && (r.category === undefined || p.category === r.category)));
    if (missing.length > 0) {
        throw new ImportError(folder, missing.length > 1 ? l10n.t('missing parts: {0} (no file named like it)', missing.map(m => m.name).join(', ')) : l10n.t('missing part: {0} (no file named like it)', missing[0].name));
    }
}

/** Reads one part file into paragraphs; `margins` holds the running headers and footers where the format has them. */
export async function readPartFile(file: PartFile): Promise<SourcePart & { margins: string }> {
    const name = basename(file.path);
    const extension = extname(name).toLowerCase();
    const text = extension === '.txt'
        ? splitCatdocMargins(await readTextFile(file.path))
        : await readWordFile(file.path);
    return { kind: file.kind, category: file.category, file: name, paragraphs: toParagraphs(text.body, name), margins: text.margins };
}

export function isEditionFolder(path: string): boolean {
    return existsSync(path) && statSync(path).isDirectory();
}

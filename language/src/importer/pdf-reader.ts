/**
 * The reader for editions published as one PDF (WA-LIST (25) 1 Corr., 243 pages). pdfjs-dist
 * gives positioned pieces of text; this rebuilds the paragraphs in the Word layout of
 * source.ts, so that one structure parser serves every edition.
 *
 * How the page text becomes paragraphs:
 * - Pieces on one baseline (within 1.5 pt) form a line, ordered by x. Exponents and unit powers
 *   are separate small pieces about 4.5 pt above the line ("10.15 x 10" + "6"); they join the line
 *   as Unicode superscripts (10.15 x 10⁶, cm³, 2ⁿ), which the threshold parser reads exactly.
 *   A raised "o" is the degree sign (20°C); raised text with no superscript form stays plain
 *   ("5th", "draft)2/3"). Subscripts join as plain text (CO2).
 * - Every page with a running header opens with two underscore rules around the part's title
 *   ("DUAL-USE LIST - CATEGORY 3 - ELECTRONICS", "Sensitive List", "MUNITIONS LIST", ...); the
 *   footer lines are "WA-LIST (25) 1 Corr.", "- 60 -" and the date. Both are cut from the text and
 *   kept as `margins`. The title decides the part (Category 5 Part 1 and Part 2 are two parts);
 *   pages without a header (cover, contents, the MUNITIONS LIST divider) go by their first line.
 * - Depth: a label sits where the text of its parent starts. The reader keeps the open levels
 *   (the label and text x of every code part of the last full code and of the labels since), so
 *   a label at the text x of level d gets d+1 tabs, and one at the label x of level d gets d
 *   (a sibling), within 4 pt (the PDF is off by up to 3.5 pt: 5.A.2 text at 150.1, 5.A.2.a at
 *   146.6). Failing that, the columns learnt from the part's full codes decide (the dual-use list
 *   prints code parts at x 90/107/125/149/169/193/217/237, the munitions list at 86/122/142/165;
 *   some pages shift them), and failing that a first label right of the deepest open one is its
 *   first item (ML10 wraps its text at 122 but prints its items at 140).
 * - Notes: a label inside a note's text column is the note's own list and gets no tabs, as in
 *   Word, when the note introduces a list (ends with ':'), runs one (the next label at the same
 *   x), or is "Technical Notes" (numbered paragraphs). Otherwise a label that goes on with the
 *   open items is an item (a "Technical Note" printed between 1.A.7 and 1.A.7.a, at 1.A.7.a's x).
 *   A heading in capitals ("TABLE - DEPOSITION TECHNIQUES - NOTES") closes the open items.
 * - A line continues the open paragraph when it starts at that paragraph's text column and
 *   follows within 1.3 line heights (on the next page: when the paragraph broke off mid-sentence).
 *   Outside items, a line that ended before the right margin although the next word would have
 *   fitted ends its paragraph ("Statement of Understanding" above its text). Labels, notes and
 *   other columns start new paragraphs. Every line-end hyphen in this PDF is a real one (checked
 *   against the 2021 Word text: "radio-" + "determination"), so hyphenated lines join without a
 *   space and keep the hyphen; only soft hyphens (U+00AD) are removed.
 * - Symbol-font characters arrive in the private use area (U+F06D for μ): they are mapped back.
 *
 * Differences from the Word documents, where the PDF cannot give the same or gives better:
 * - Two labels that start one line without the full code ("c." "2." for 1.C.7.c.2) are written
 *   as the full code from the open levels (`1.\tC.\t7.\tc.\t2.\tText`), which the parser reads
 *   without guessing; Word may have written them with tabs only.
 * - Paragraph breaks come from layout; where Word had two paragraphs printed without a gap in
 *   between and at one column, they arrive as one paragraph (and a paragraph that breaks at a
 *   sentence end exactly at a page end arrives as two). An item's text runs on over hard line
 *   breaks ("such as:" and the examples under it), which Word kept as indented paragraphs.
 * - Page-break headings "Note 1 cont.", "Technical Notes cont." are dropped (the note goes on).
 *   Footnotes are kept where they are printed, as `*\t<text>`; a footnote mark raised after a
 *   note keyword ("Note 1*") is dropped so the note still opens the paragraph.
 * - Tables (Cat 2 deposition techniques, acronyms) and formulas drawn over several lines ("MRF =")
 *   come out one printed line per paragraph, with a tab for every wide gap (28 pt or more, or the
 *   gap after the key column in the definitions and acronyms), not as Word's cells.
 * - Definitions: a term line is `Cat 2, 3,\t"Accuracy"`, a line with more places is `6, 7\t<text>`,
 *   other definition text is `\t<text>` (Word wrote one or two tabs).
 * - Sensitive Lists: codes printed over several lines ("9.E.3.a.1. to" / "9.E.3.a.5. &" /
 *   "9.E.3.a.8.") are one field, `9.E.3.a.1. to 9.E.3.a.5. & 9.E.3.a.8.\t<text>`.
 * - What Word wrote with Symbol characters comes out right ("1 μs", "χ⁽³⁾", "3,3′-diamino").
 */
import * as l10n from '@vscode/l10n';
import CSSMatrix from '@thednp/dommatrix';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from './errors.js';
import type { PartKind, SourcePart } from './source.js';
import { type PageText, type Piece, buildLines, isRule, lineText, normaliseCharacters, splitMargins } from './pdf-lines.js';
import { ParagraphWriter, learnColumns } from './pdf-paragraphs.js';

export interface PdfPart extends SourcePart {
    /** The running header titles and footer lines of the part's pages, one per line. */
    margins: string;
}

/** The parts in document order; each keeps its pages' running headers and footers (the edition date is printed there). */
export type PdfEdition = PdfPart[];

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfTextItem = Extract<Awaited<ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['getTextContent']>>['items'][number], { str: string }>;

/** Reads a whole edition PDF. Throws ImportError naming the file when it is not a readable PDF. */
export async function readPdfEdition(file: string): Promise<PdfEdition> {
    const document = await openPdf(file, await readPdfBytes(file));
    const pages: PageText[] = [];
    try {
        for (let number = 1; number <= document.numPages; number++) pages.push(await readPage(document, number));
    } catch (error) {
        throw new ImportError(file, l10n.t('the PDF could not be read to the end ({0})', messageOf(error)));
    } finally {
        await document.destroy();
    }
    return assembleEdition(basename(file), pages);
}

async function readPdfBytes(file: string): Promise<Uint8Array> {
    let bytes: Buffer;
    try {
        bytes = await readFile(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? l10n.t('no such file') : code === 'EISDIR' ? l10n.t('a folder, not a file') : code === 'EACCES' ? l10n.t('permission denied') : messageOf(error);
        throw new ImportError(file, code ? l10n.t('cannot read the file: {0} ({1})', reason, code) : l10n.t('cannot read the file: {0}', reason));
    }
    if (bytes.length === 0) throw new ImportError(file, l10n.t('not a PDF file (the file is empty)'));
    // Readers accept a little junk before the header (PDF 32000-1, annex H.3), so look a bit further than byte 0.
    if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new ImportError(file, l10n.t('not a PDF file (no %PDF- header)'));
    return new Uint8Array(bytes);
}

/**
 * pdfjs-dist builds a DOMMatrix when its module loads, and Node has none. pdfjs would borrow
 * one from the native @napi-rs/canvas, which is an optional, platform-specific package (not in
 * the VSIX): a pure-JS DOMMatrix serves text extraction everywhere alike.
 */
function provideDomMatrix(): void {
    const global = globalThis as { DOMMatrix?: unknown };
    if (!global.DOMMatrix) global.DOMMatrix = CSSMatrix;
}

async function openPdf(file: string, data: Uint8Array): Promise<PdfDocument> {
    provideDomMatrix();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: pdfjs.VerbosityLevel.ERRORS });
    let document: PdfDocument;
    try {
        document = await task.promise;
    } catch (error) {
        await task.destroy().catch(() => undefined);
        const reason = (error as Error | undefined)?.name === 'PasswordException'
            ? l10n.t('the PDF is password-protected; save an unprotected copy to import it')
            : l10n.t('not a readable PDF: it is damaged or cut short ({0})', messageOf(error));
        throw new ImportError(file, reason);
    }
    if (document.numPages === 0) {
        await document.destroy();
        throw new ImportError(file, l10n.t('not a readable PDF (it has no pages)'));
    }
    return document;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}


async function readPage(document: PdfDocument, number: number): Promise<PageText> {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    const pieces = content.items.flatMap(item => 'str' in item ? pieceOf(item) : []);
    return { number, ...splitMargins(buildLines(pieces)) };
}

function pieceOf(item: PdfTextItem): Piece[] {
    const text = normaliseCharacters(item.str);
    const trimmed = text.trimEnd();
    if (trimmed.trim() === '') return [];
    const x = Number(item.transform[4]);
    const y = Number(item.transform[5]);
    // A trailing space is part of the run's width ("6 " raised before "m"): the text ends before it.
    const width = item.width * (trimmed.length / text.length);
    return [{ text: trimmed, x, y, end: x + width, size: item.height || Math.abs(Number(item.transform[3])) }];
}

// ---------------------------------------------------------------------------------------------
// Parts

interface PartKey {
    kind: PartKind;
    category?: number;
    /** Category 5 comes in two parts, told apart by "PART 1" / "PART 2" in the title. */
    section?: number;
}

function partOfTitle(title: string): PartKey | undefined {
    const category = /CATEGORY\s+(\d)/i.exec(title);
    if (category) {
        const section = /PART\s+(\d)/i.exec(title);
        return { kind: 'category', category: Number(category[1]), section: section ? Number(section[1]) : undefined };
    }
    if (/Very\s+Sensitive\s+List/i.test(title)) return { kind: 'very-sensitive' };
    if (/Sensitive\s+List/i.test(title)) return { kind: 'sensitive' };
    if (/MUNITIONS\s+LIST/i.test(title)) return { kind: 'munitions' };
    if (/^DEFINITIONS\b/i.test(title)) return { kind: 'definitions' };
    if (/Acronyms|Abbreviations/i.test(title)) return { kind: 'acronyms' };
    if (/Statements?\s+of\s+Understanding|Validity\s+Notes/i.test(title)) return { kind: 'understandings' };
    if (/TABLE\s+OF\s+CONTENTS/i.test(title)) return { kind: 'contents' };
    if (/^DUAL-USE\s+LIST$/i.test(title)) return { kind: 'general-notes' };
    return undefined;
}

function sameKey(a: PartKey, b: PartKey): boolean {
    return a.kind === b.kind && a.category === b.category && a.section === b.section;
}

function headerTitle(page: PageText): string {
    return page.header.filter(line => !isRule(line)).map(lineText).filter(text => text !== '*').join(' ');
}

/** The part a page belongs to: from its running header, else (cover, contents, divider pages) from its first line. */
function partOfPage(page: PageText, title: string, previous: PartKey | undefined): PartKey {
    if (title !== '') return partOfTitle(title) ?? { kind: 'other' };
    if (page.number === 1) return { kind: 'cover' };
    const first = page.body[0] ? partOfTitle(lineText(page.body[0])) : undefined;
    return first ?? previous ?? { kind: 'other' };
}

function assembleEdition(file: string, pages: PageText[]): PdfEdition {
    return groupPages(pages).map(group => {
        const lines = [...new Set(group.pages.flatMap(page => [headerTitle(page), ...page.footer.map(lineText)]))];
        const part: PdfPart = { kind: group.key.kind, category: group.key.category, file, paragraphs: [], margins: lines.filter(l => l !== '').join('\n') };
        const writer = new ParagraphWriter(part, file, learnColumns(group.pages));
        group.pages.forEach(page => writer.addPage(page));
        return part;
    });
}

function groupPages(pages: PageText[]): Array<{ key: PartKey; pages: PageText[] }> {
    const groups: Array<{ key: PartKey; pages: PageText[] }> = [];
    for (const page of pages) {
        const last = groups[groups.length - 1];
        const key = partOfPage(page, headerTitle(page), last?.key);
        if (last && sameKey(last.key, key)) last.pages.push(page);
        else groups.push({ key, pages: [page] });
    }
    return groups;
}



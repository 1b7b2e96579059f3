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
import CSSMatrix from '@thednp/dommatrix';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from './errors.js';
import type { PartKind, SourceParagraph, SourcePart } from './source.js';

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
        throw new ImportError(file, `the PDF could not be read to the end (${messageOf(error)})`);
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
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : code === 'EACCES' ? 'permission denied' : messageOf(error);
        throw new ImportError(file, `cannot read the file: ${reason}${code ? ` (${code})` : ''}`);
    }
    if (bytes.length === 0) throw new ImportError(file, 'not a PDF file (the file is empty)');
    // Readers accept a little junk before the header (PDF 32000-1, annex H.3), so look a bit further than byte 0.
    if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new ImportError(file, 'not a PDF file (no %PDF- header)');
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
            ? 'the PDF is password-protected; save an unprotected copy to import it'
            : `not a readable PDF: it is damaged or cut short (${messageOf(error)})`;
        throw new ImportError(file, reason);
    }
    if (document.numPages === 0) {
        await document.destroy();
        throw new ImportError(file, 'not a readable PDF (it has no pages)');
    }
    return document;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Pieces and lines

/** A run of text as pdfjs places it, in PDF points (origin bottom left). */
interface Piece {
    text: string;
    x: number;
    end: number;
    y: number;
    size: number;
    /** The x was estimated from the share of characters (a label printed in one run with its text). */
    estimated?: boolean;
    /** An exponent or other raised mark, joined to its line. */
    raised?: boolean;
}

interface Line {
    y: number;
    /** The font size of the line's text (its largest piece). */
    size: number;
    pieces: Piece[];
}

interface PageText {
    number: number;
    header: Line[];
    footer: Line[];
    body: Line[];
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

/** Characters of Word's Symbol font, which the PDF puts at U+F020-U+F0FF. */
const SYMBOL_LETTERS = 'ABΧΔEΦΓHIϑKΛMNOΠΘPΣTYςΩΞΨZ' + 'αβχδεφγηιϕκλμνοπθρστυϖωξψζ';
const SYMBOL_OTHERS: Record<number, string> = {
    0x22: '∀', 0x24: '∃', 0x27: '∋', 0x2d: '-', 0x40: '≅', 0xa2: '′', 0xa3: '≤', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓',
    0xb0: '°', 0xb1: '±', 0xb2: '″', 0xb3: '≥', 0xb4: '×', 0xb5: '∝', 0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xbb: '≈', 0xbc: '…', 0xd6: '√',
};

function normaliseCharacters(text: string): string {
    return text.replace(/[\uf020-\uf0ff]/g, ch => symbolCharacter(ch.charCodeAt(0) - 0xf000)).replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
}

function symbolCharacter(code: number): string {
    if (SYMBOL_OTHERS[code]) return SYMBOL_OTHERS[code];
    if (code >= 0x41 && code <= 0x5a) return SYMBOL_LETTERS[code - 0x41];
    if (code >= 0x61 && code <= 0x7a) return SYMBOL_LETTERS[26 + code - 0x61];
    return code < 0x80 ? String.fromCharCode(code) : '';
}

const BASELINE_TOLERANCE = 1.5;

function buildLines(pieces: Piece[]): Line[] {
    const lines: Line[] = [];
    for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
        const last = lines[lines.length - 1];
        if (last && last.y - piece.y <= BASELINE_TOLERANCE) last.pieces.push(piece);
        else lines.push({ y: piece.y, size: 0, pieces: [piece] });
    }
    for (const line of lines) finishLine(line);
    return attachRaisedPieces(lines);
}

function finishLine(line: Line): void {
    line.pieces.sort((a, b) => a.x - b.x);
    line.size = Math.max(...line.pieces.map(p => p.size));
}

/**
 * Exponents, unit powers and footnote marks are printed as small pieces a few points above
 * (subscripts: below) the line they belong to, so they first form lines of their own. A piece
 * that touches the end of a piece of a neighbouring line (or, for a mark, its start) joins it.
 */
function attachRaisedPieces(lines: Line[]): Line[] {
    const kept: Line[] = [];
    for (const line of lines) {
        line.pieces = line.pieces.filter(piece => !attachToNeighbour(piece, line, lines));
        if (line.pieces.length > 0) kept.push(line);
    }
    for (const line of kept) finishLine(line);
    return kept;
}

const SUPERSCRIPTS: Record<string, string> = {
    '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
    '-': '⁻', '−': '⁻', '+': '⁺', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ',
};

function attachToNeighbour(piece: Piece, own: Line, lines: Line[]): boolean {
    const text = piece.text.trim();
    if (text.length > 4) return false;
    for (const host of lines) {
        if (host === own || host.pieces.length === 0) continue;
        const rise = piece.y - host.y;
        const raised = rise >= 2 && rise <= 7.5;
        const lowered = rise <= -1.5 && rise >= -4.5;
        if (!(raised || lowered) || piece.size > host.size) continue;
        const follows = host.pieces.some(q => !q.raised && Math.abs(q.end - piece.x) <= 2);
        const marks = text === '*' && host.pieces.some(q => q.x - piece.end >= -1 && q.x - piece.end <= 10);
        if (!follows && !marks) continue;
        host.pieces.push({ ...piece, y: host.y, text: raised ? raisedText(text) : text, raised: true });
        return true;
    }
    return false;
}

function raisedText(text: string): string {
    if (text === 'o') return '°';
    const characters = [...text];
    return characters.every(ch => SUPERSCRIPTS[ch]) ? characters.map(ch => SUPERSCRIPTS[ch]).join('') : text;
}

function lineText(line: Line): string {
    return joinPieces(line.pieces, {});
}

function isRule(line: Line): boolean {
    return /^_{5,}$/.test(lineText(line).replace(/\s/g, ''));
}

const FOOTER = /^(?:\s*(?:WA-LIST\s*\(\d+\)\s*\d+(?:\s*Corr\.?)?|-\s*\d+\s*-|\d{1,2}-\d{1,2}-\d{4}))+\s*$/;

/** Header: the lines down to the second of the two rules that open the page. Footer: the list id, page number and date at the bottom. */
function splitMargins(lines: Line[]): Omit<PageText, 'number'> {
    const topRules = lines.slice(0, 5).flatMap((line, index) => line.y > 600 && isRule(line) ? [index] : []);
    const headerEnd = topRules.length >= 2 ? topRules[1] + 1 : 0;
    let footerStart = lines.length;
    while (footerStart > headerEnd && FOOTER.test(lineText(lines[footerStart - 1]))) footerStart--;
    return { header: lines.slice(0, headerEnd), footer: lines.slice(footerStart), body: lines.slice(headerEnd, footerStart) };
}

interface JoinOptions {
    /** Pieces at least this far apart are separate fields (a tab in the Word layout). */
    tabGap?: number;
    /** In two-column parts (definitions, acronyms): text from this x on, after a gap, is the second field. */
    keyColumnEnd?: number;
}

/** Joins pieces into text: a space where the gap says so, a tab where the gap is a column. */
function joinPieces(pieces: Piece[], options: JoinOptions): string {
    const tabs = new Set(fieldStarts(pieces, options));
    let text = '';
    pieces.forEach((piece, index) => {
        const previous = pieces[index - 1];
        if (tabs.has(index)) text = text.trimEnd() + '\t';
        else if (previous && !/\s$/.test(text) && needsSpace(previous, piece)) text += ' ';
        text += piece.raised ? piece.text : piece.text.trim();
    });
    return text.replace(/ {2,}/g, ' ').replace(/ ?\t ?/g, '\t').trim();
}

/** The indexes of the pieces that start a new field (a tab before them in the Word layout). */
function fieldStarts(pieces: Piece[], options: JoinOptions): number[] {
    const starts: number[] = [];
    for (let index = 1; index < pieces.length; index++) {
        const previous = pieces[index - 1];
        const piece = pieces[index];
        const gap = piece.x - previous.end;
        const { keyColumnEnd, tabGap = Infinity } = options;
        const keyEnds = keyColumnEnd !== undefined && starts.length === 0 && previous.x < keyColumnEnd && piece.x >= keyColumnEnd && gap >= 3;
        if (keyEnds || gap >= tabGap) starts.push(index);
    }
    return starts;
}

/** Words are apart by more than an eighth of the font size; an exponent touches what it raises. */
function needsSpace(previous: Piece, piece: Piece): boolean {
    const gap = piece.x - previous.end;
    return piece.raised ? gap > 1.5 : gap > previous.size * 0.12;
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

/** A column of the part: code parts (and the text after them) at this x stand at this depth. */
interface Column {
    depth: number;
    x: number;
    count: number;
}

/**
 * The columns of a part, learnt from its full codes: `3.` `A.` `1.` `b.` `7.` and the text after
 * them give the x of depths 0 to 5. A label that no open level explains (its parent's text
 * starts a few points off) takes the depth of its column.
 */
function learnColumns(pages: PageText[]): Column[] {
    const columns = new Map<string, Column>();
    const vote = (depth: number, piece: Piece | undefined) => {
        if (!piece || piece.estimated) return;
        const x = Math.round(piece.x);
        const column = columns.get(`${depth}:${x}`) ?? { depth, x, count: 0 };
        column.count++;
        columns.set(`${depth}:${x}`, column);
    };
    for (const line of pages.flatMap(page => page.body)) {
        const shape = shapeOf(line.pieces);
        if (shape.kind !== 'code') continue;
        shape.tokens.forEach((token, depth) => vote(depth, token));
        vote(shape.tokens.length, shape.rest[0]);
    }
    return [...columns.values()].filter(column => column.count >= 2);
}

/** The depth most code parts printed at about this x had. */
function depthOfColumn(columns: Column[], x: number): number | undefined {
    const votes = new Map<number, number>();
    for (const column of columns) {
        if (Math.abs(column.x - x) <= 2.5) votes.set(column.depth, (votes.get(column.depth) ?? 0) + column.count);
    }
    return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

// ---------------------------------------------------------------------------------------------
// Shapes of lines

/** `3.` `A.` `1.` `b.`, `ML8.`, or a label `a.` / `12.` printed as its own piece (or at the start of one). */
const TOKEN = /^(?:ML\s?\d{1,2}|\d{1,3}|[A-E]|[a-z]{1,2})\.$/;
const GLUED_TOKEN = /^(?:ML\s?\d{1,2}|\d{1,3}|[A-E]|[a-z]{1,2})\.\s+(?=\S)/;
const LABEL = /^(?:\d{1,3}|[a-z]{1,2})\.$/;
const NOTE_KEYWORD = /^(?:Technical\s+Notes?|Notes?(?:\s*\d+)?|N\.\s?B\.(?:\s?\d+\.?)?)\.?:?$/;
const NOTE_GLUED = /^(Notes?\s*\d+|N\.\s?B\.(?:\s?\d+\.?)?)\s+(?![–-])(?=\S)/;
/** Codes cited at the left margin of the Sensitive Lists and statements: `1.A.2.a.1.`, `1.C.10.c. & 1.C.10.d.`. */
const DOTTED_CODES = /^(?:\d\s?\.\s?[A-E]\s?\.\s?\d+(?:\s?\.\s?[0-9a-z]{1,3})*\.?\s*(?:&|and|,|to)?\s*)+$/;
const MARKERS = new Set(['-', '–', '−', '•', '*', '·']);
/** Page-break headings that say a note goes on. */
const CONTINUED_NOTE = /^(?:(?:Technical\s+)?Notes?(?:\s*\d+)?(?:\s+to\s+\S+)?|N\.\s?B\.(?:\s?\d+\.?)?)\s+cont\.$/;
const LEFT_MARGIN = 100;

type Shape =
    | { kind: 'code'; tokens: Piece[]; rest: Piece[] }
    | { kind: 'labels'; tokens: Piece[]; rest: Piece[]; glued: boolean }
    | { kind: 'dotted'; code: Piece; rest: Piece[] }
    /** `weak`: the keyword is set off by no more than a word space, so it may be a wrapped line starting with "Note". */
    | { kind: 'note'; keyword: string; x: number; rest: Piece[]; weak: boolean }
    | { kind: 'marker'; marker: string; x: number; rest: Piece[] }
    | { kind: 'text'; pieces: Piece[] };

function shapeOf(pieces: Piece[]): Shape {
    const note = noteShape(pieces);
    if (note) return note;
    const { tokens, rest, glued } = leadingTokens(pieces);
    if (isFullCode(tokens)) return { kind: 'code', tokens, rest };
    if (tokens.length > 0 && tokens.every(t => LABEL.test(t.text))) return { kind: 'labels', tokens, rest, glued };
    const first = pieces[0];
    if (first.x < LEFT_MARGIN && DOTTED_CODES.test(first.text.trim()) && (pieces.length === 1 || pieces[1].x - first.end >= 12)) {
        return { kind: 'dotted', code: first, rest: pieces.slice(1) };
    }
    return markerShape(pieces) ?? { kind: 'text', pieces };
}

function isFullCode(tokens: Piece[]): boolean {
    if (tokens.length === 0 || tokens[0].x >= LEFT_MARGIN) return false;
    if (/^ML\s?\d{1,2}\.$/.test(tokens[0].text)) return tokens.slice(1).every(t => LABEL.test(t.text));
    return tokens.length >= 2 && /^\d\.$/.test(tokens[0].text) && /^[A-E]\.$/.test(tokens[1].text) && tokens.slice(2).every(t => LABEL.test(t.text));
}

/** The code parts or labels that start a line, split off the text when printed in one piece with it. */
function leadingTokens(pieces: Piece[]): { tokens: Piece[]; rest: Piece[]; glued: boolean } {
    const tokens: Piece[] = [];
    const rest = [...pieces];
    let glued = false;
    while (rest.length > 0) {
        const text = rest[0].text.trim();
        if (TOKEN.test(text)) {
            tokens.push({ ...rest.shift()!, text: text.replace(/\s/g, '') });
            continue;
        }
        const match = GLUED_TOKEN.exec(text);
        if (!match) break;
        const [token, remainder] = splitPiece(rest[0], match[0].length);
        tokens.push({ ...token, text: token.text.replace(/\s/g, '') });
        rest[0] = remainder;
        glued = true;
    }
    return { tokens, rest, glued };
}

/** Splits a piece after `length` characters; the x of the second half is estimated from its share of characters. */
function splitPiece(piece: Piece, length: number): [Piece, Piece] {
    const text = piece.text.trim();
    const at = piece.x + (piece.end - piece.x) * (length / text.length);
    return [
        { ...piece, text: text.slice(0, length).trim(), end: at },
        { ...piece, text: text.slice(length), x: at, estimated: true },
    ];
}

function noteShape(pieces: Piece[]): Shape | undefined {
    const first = pieces[0].text.trim();
    const gap = pieces.length > 1 && !pieces[1].raised ? pieces[1].x - pieces[0].end : Infinity;
    if (NOTE_KEYWORD.test(first) && gap >= 3) {
        // A footnote mark after the keyword ("Note 1*") would hide the keyword from the parser.
        const rest = pieces.slice(1).filter((p, i) => !(i === 0 && p.raised && p.text.trim() === '*'));
        return { kind: 'note', keyword: first.replace(/\s+/g, ' '), x: pieces[0].x, rest, weak: gap < 8 };
    }
    const glued = NOTE_GLUED.exec(first);
    if (!glued) return undefined;
    const [keyword, remainder] = splitPiece(pieces[0], glued[0].length);
    return { kind: 'note', keyword: keyword.text.replace(/\s+/g, ' '), x: pieces[0].x, rest: [remainder, ...pieces.slice(1)], weak: false };
}

function markerShape(pieces: Piece[]): Shape | undefined {
    const first = pieces[0].text.trim();
    if (MARKERS.has(first) && pieces.length > 1) return { kind: 'marker', marker: first, x: pieces[0].x, rest: pieces.slice(1) };
    const glued = /^([*•])\s+(?=\S)/.exec(first);
    if (!glued) return undefined;
    const [marker, remainder] = splitPiece(pieces[0], glued[0].length);
    return { kind: 'marker', marker: marker.text, x: pieces[0].x, rest: [remainder, ...pieces.slice(1)] };
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** One open code part or label: where it is printed and where its text starts. */
interface Level {
    label: string;
    labelX: number;
    textX: number;
    estimated: boolean;
}

interface OpenParagraph {
    paragraph: SourceParagraph;
    /** Where the paragraph's wrapped lines start. */
    textX: number;
    estimated: boolean;
    /** Where the paragraph's first line starts. */
    startX: number;
    /** Where the text after a heading set off in the first line starts, if the paragraph has one. */
    hangingX?: number;
    y: number;
    page: number;
    /** No line continues it (a heading such as "Technical Note" on a line of its own). */
    closed: boolean;
    /** The level whose text this paragraph is, to correct its text x from the first wrapped line. */
    level?: Level;
    lastLine: Line;
    /** Where lines of the page it was last written on end when they wrap. */
    rightMargin: number;
}

const COLUMN_TOLERANCE = 4;
const ESTIMATED_TOLERANCE = 6;
/** Pieces this far apart on a line are columns of a table, not words of a sentence (justified gaps stay under 27 pt). */
const TABLE_GAP = 28;

/** Writes the lines of one part as paragraphs in the Word layout. */
class ParagraphWriter {
    private levels: Level[] = [];
    /** The shallowest depth a label can have under the open levels: 2 under a dual-use code, 1 under ML1 or a cited code, 0 in a plain list. */
    private minimumDepth: number | undefined;
    private open: OpenParagraph | undefined;
    /** The open note: where its keyword and text stand, and the last label of each of its own (nested) lists. */
    private note: { keywordX: number; textX: number; numbered: boolean; lists: Array<{ x: number; label: string }> } | undefined;
    private readonly definitions: boolean;
    private readonly join: JoinOptions;
    /** The right margin of the page being written. */
    private rightMargin = Infinity;

    constructor(readonly part: PdfPart, private readonly file: string, private readonly columns: Column[]) {
        this.definitions = part.kind === 'definitions';
        const keyColumnEnd = part.kind === 'definitions' ? 140 : part.kind === 'acronyms' ? 200 : undefined;
        this.join = { tabGap: TABLE_GAP, keyColumnEnd };
    }

    addPage(page: PageText): void {
        this.rightMargin = rightMarginOf(page);
        page.body.forEach((line, index) => this.addLine(line, page.number, index === 0));
    }

    private addLine(line: Line, page: number, firstOnPage: boolean): void {
        if (isRule(line)) {
            // A rule in the body opens the footnotes: nothing above continues below it.
            if (this.open) this.open.closed = true;
            return;
        }
        if (firstOnPage && CONTINUED_NOTE.test(lineText(line))) return;
        const shape = shapeOf(line.pieces);
        if (this.continues(line, shape, page)) return this.appendLine(line, page);
        switch (shape.kind) {
            case 'code': return this.addCode(shape.tokens, shape.rest, line, page);
            case 'labels': return this.addLabels(shape.tokens, shape.rest, line, page);
            case 'dotted': return this.addDotted(shape.code, shape.rest, line, page);
            case 'note': return this.addNote(shape.keyword, shape.x, shape.rest, line, page);
            case 'marker': return this.start(`${shape.marker}\t${this.text(shape.rest)}`, line, page, textStart(shape.rest, shape.x));
            case 'text': return this.addText(line, page);
        }
    }

    /**
     * A line goes on with the open paragraph when it starts at the paragraph's text column, right
     * below it (or at the top of the next page, after a paragraph that broke off mid-sentence).
     * A label there is a wrapped line too when the text before breaks off ("column" / "2. For
     * example"), as long as the label is not set apart by a label's gap.
     */
    private continues(line: Line, shape: Shape, page: number): boolean {
        const open = this.open;
        if (!open || open.closed || shape.kind === 'code' || shape.kind === 'dotted' || (shape.kind === 'note' && !shape.weak)) return false;
        if (!this.atTextColumn(open, line.pieces[0].x)) return false;
        // Outside items, a line that ends early ends its paragraph ("Statement of Understanding" above its text);
        // an item's text goes on over such breaks ("such as:" and the examples below it).
        if (!open.level && !wrapped(open, line)) return false;
        const brokenOff = !/[.;:]$/.test(open.paragraph.text);
        const follows = page === open.page ? open.y - line.y <= line.size * 1.3 + 0.5 : brokenOff;
        if (!follows) return false;
        switch (shape.kind) {
            // A heading in capitals ("OPTICAL SENSORS" after "ACOUSTICS - None") continues nothing but a heading.
            case 'text': return !isHeading(lineText(line)) || isHeading(open.paragraph.text);
            case 'labels': return brokenOff && (shape.glued || gapAfterLabels(shape.tokens, shape.rest) < 9);
            // A marker, or "Note" set off by a word space only.
            default: return brokenOff;
        }
    }

    private atTextColumn(open: OpenParagraph, x: number): boolean {
        if (open.hangingX !== undefined && Math.abs(x - open.hangingX) <= COLUMN_TOLERANCE) return true;
        if (!open.estimated) return Math.abs(x - open.textX) <= COLUMN_TOLERANCE;
        return x > open.startX + 3 && x <= open.textX + 20;
    }

    private appendLine(line: Line, page: number): void {
        const open = this.open!;
        if (open.estimated) {
            // The first wrapped line shows where the text column really is.
            open.textX = line.pieces[0].x;
            open.estimated = false;
            if (open.level) Object.assign(open.level, { textX: open.textX, estimated: false });
        }
        open.paragraph.text = joinWrapped(open.paragraph.text, this.text(line.pieces));
        open.lastLine = line;
        open.y = line.y;
        open.page = page;
        open.rightMargin = this.rightMargin;
    }

    private addCode(tokens: Piece[], rest: Piece[], line: Line, page: number): void {
        const start = textStart(rest, tokens[tokens.length - 1].end + 10);
        this.levels = levelsOf(tokens, start);
        this.minimumDepth = tokens[0].text.startsWith('ML') ? 1 : 2;
        this.note = undefined;
        const text = this.text(rest);
        this.start([...tokens.map(t => t.text), text].filter(field => field !== '').join('\t'), line, page, start, this.levels[this.levels.length - 1]);
    }

    private addDotted(code: Piece, rest: Piece[], line: Line, page: number): void {
        const open = this.open;
        const [codes, ...fields] = open?.paragraph.text.split('\t') ?? [];
        if (rest.length === 0 && open?.level && this.levels.length === 1 && /(?:\bto|&|and|,)$/.test(codes)) {
            // The codes of one entry go on over several lines ("9.E.3.a.1. to" / "9.E.3.a.5. &" / "9.E.3.a.8.").
            open.paragraph.text = [`${codes} ${code.text.trim()}`, ...fields].join('\t');
            return;
        }
        const start = textStart(rest, code.end + 10);
        this.levels = [{ label: code.text.trim(), labelX: code.x, textX: start.x, estimated: start.estimated }];
        this.minimumDepth = 1;
        this.note = undefined;
        const text = this.text(rest);
        this.start(text ? `${code.text.trim()}\t${text}` : code.text.trim(), line, page, start, this.levels[0]);
    }

    private addLabels(tokens: Piece[], rest: Piece[], line: Line, page: number): void {
        const start = textStart(rest, tokens[tokens.length - 1].end + 10);
        const text = this.text(rest);
        const labels = tokens.map(t => t.text);
        const x = tokens[0].x;
        const found = this.definitions ? undefined : this.depthAt(x, labels[0]);
        const inNoteList = this.isNoteListLabel(x, labels[0], found);
        if (inNoteList) this.note!.lists = [...this.note!.lists.filter(list => list.x < x - COLUMN_TOLERANCE), { x, label: labels[0] }];
        const depth = inNoteList ? undefined : found;
        if (depth === undefined) {
            // The list of a note, or a label the open items do not explain: no tabs, as Word writes note lists.
            if (!inNoteList && !this.definitions && this.minimumDepth === undefined) return this.startFreeList(tokens, text, line, page, start);
            const prefix = this.definitions ? '\t' : '';
            return this.start(`${prefix}${[...labels, text].join('\t')}`, line, page, start);
        }
        this.note = undefined;
        const above = this.levels.slice(0, depth);
        this.levels = [...above, ...levelsOf(tokens, start)];
        // Two labels at the start of a line ("c." "2." for 1.C.7.c.2) are written as the full code the open levels give.
        const fullCode = labels.length > 1 && this.minimumDepth !== 0;
        const head = fullCode ? [...above.map(l => l.label), ...labels].join('\t') : '\t'.repeat(depth) + labels.join('\t');
        this.start(`${head}\t${text}`, line, page, start, this.levels[this.levels.length - 1]);
    }

    /** A list outside any code (the General Software Note): its first label is depth 0, deeper ones count from it. */
    private startFreeList(tokens: Piece[], text: string, line: Line, page: number, start: TextStart): void {
        this.levels = levelsOf(tokens, start);
        this.minimumDepth = 0;
        this.start(`${tokens.map(t => t.text).join('\t')}\t${text}`, line, page, start, this.levels[this.levels.length - 1]);
    }

    /**
     * Inside a note's text column a label is the note's own list when the note introduces a list
     * (ends with ':') or runs one this label follows at the same x. Otherwise it is an item when it goes on with
     * the open items: a Technical Note printed between an entry and its first item, at the items' column.
     */
    private isNoteListLabel(x: number, label: string, depth: number | undefined): boolean {
        const note = this.note;
        if (!note || x < note.textX - COLUMN_TOLERANCE) return false;
        // "Technical Notes" (plural) are numbered paragraphs: its first "1." starts its own list.
        const introduces = /:$/.test(this.open?.paragraph.text ?? '') || (note.numbered && note.lists.length === 0);
        const introduced = introduces && (label === 'a.' || label === '1.');
        const list = note.lists.find(l => Math.abs(l.x - x) <= COLUMN_TOLERANCE);
        const runs = list !== undefined && isNextLabel(list.label, label);
        if (introduced || runs) return true;
        return !(depth !== undefined && this.continuesItems(depth, label));
    }

    /** The label is the next sibling of the open item at this depth, or the first item below the deepest one. */
    private continuesItems(depth: number, label: string): boolean {
        const sibling = this.levels[depth];
        if (sibling) return isNextLabel(sibling.label, label);
        return label === firstLabel(depth);
    }

    /**
     * The number of code parts above a label at x: one more than the open level whose text starts
     * there, or that of a sibling; failing both, the depth of the part's column at x; failing that,
     * the first item of the deepest open level when it stands to the right of that level's label
     * (ML10 wraps its text at x 122 but prints its items at 140).
     */
    private depthAt(x: number, label: string): number | undefined {
        const allowed = (depth: number | undefined) => depth !== undefined && depth >= (this.minimumDepth ?? 0) && depth <= this.levels.length ? depth : undefined;
        for (let depth = this.levels.length - 1; depth >= 0; depth--) {
            const level = this.levels[depth];
            const tolerance = level.estimated ? ESTIMATED_TOLERANCE : COLUMN_TOLERANCE;
            if (Math.abs(level.textX - x) <= tolerance) return allowed(depth + 1);
            if (Math.abs(level.labelX - x) <= COLUMN_TOLERANCE) return allowed(depth);
        }
        if (this.minimumDepth === undefined) return undefined;
        const deepest = this.levels[this.levels.length - 1];
        const firstItem = !this.note && deepest && x > deepest.labelX + COLUMN_TOLERANCE && label === firstLabel(this.levels.length) ? this.levels.length : undefined;
        return allowed(depthOfColumn(this.columns, x)) ?? allowed(firstItem);
    }

    private addNote(keyword: string, x: number, rest: Piece[], line: Line, page: number): void {
        const start = textStart(rest, x);
        const text = this.text(rest);
        // An N.B. inside a note (printed to the right of the note's keyword) leaves the note, and its lists, open.
        const nested = this.note !== undefined && x > this.note.keywordX + COLUMN_TOLERANCE;
        if (!nested) this.note = { keywordX: x, textX: rest.length > 0 ? start.x : x, numbered: /Notes$/.test(keyword), lists: [] };
        const prefix = this.definitions && x >= 140 ? '\t' : '';
        this.start(`${prefix}${text ? `${keyword}\t${text}` : keyword}`, line, page, start);
        // "Technical Note" on a line of its own is a heading: its text is a paragraph of its own, as in Word.
        if (!text) this.open!.closed = true;
    }

    private addText(line: Line, page: number): void {
        const x = line.pieces[0].x;
        if (this.note && x < this.note.keywordX - COLUMN_TOLERANCE) this.note = undefined;
        if (isHeading(lineText(line))) {
            // A heading ("TABLE - DEPOSITION TECHNIQUES - NOTES", "ACOUSTICS") closes the items above: its lists are its own.
            this.levels = [];
            this.minimumDepth = undefined;
            this.note = undefined;
        }
        const prefix = this.definitions && x >= 140 && !isHeading(lineText(line)) ? '\t' : '';
        // In a two-column line (a definition's places and text, an acronym and its meaning) the text wraps at the second column.
        const fields = fieldStarts(line.pieces, this.join);
        const textX = this.join.keyColumnEnd !== undefined && fields.length > 0 ? line.pieces[fields[0]].x : x;
        this.start(prefix + this.text(line.pieces), line, page, { x: textX, estimated: false });
        // A heading set off from its text ("Validity Note   The control text ...") wraps under the text; table rows do not.
        const setOff = line.pieces.length > 1 && line.pieces[1].x - line.pieces[0].end >= 12;
        if (fields.length === 0 && setOff) this.open!.hangingX = line.pieces[1].x;
    }

    private text(pieces: Piece[]): string {
        return joinPieces(pieces, this.join);
    }

    private start(text: string, line: Line, page: number, start: TextStart, level?: Level): void {
        const paragraph: SourceParagraph = { text, where: `${this.file}, page ${page}` };
        this.part.paragraphs.push(paragraph);
        this.open = { paragraph, textX: start.x, estimated: start.estimated, startX: line.pieces[0].x, y: line.y, page, closed: false, level, lastLine: line, rightMargin: this.rightMargin };
    }
}

interface TextStart {
    x: number;
    estimated: boolean;
}

/** The levels a line's code parts or labels open: each one's text starts where the next one stands. */
function levelsOf(tokens: Piece[], start: TextStart): Level[] {
    return tokens.map((token, index) => {
        const next = tokens[index + 1];
        return { label: token.text, labelX: token.x, textX: next ? next.x : start.x, estimated: next ? Boolean(next.estimated) : start.estimated };
    });
}

function gapAfterLabels(tokens: Piece[], rest: Piece[]): number {
    return rest.length > 0 ? rest[0].x - tokens[tokens.length - 1].end : Infinity;
}

/** Where the text after a label starts: its first piece, or a guess when the line has none. */
function textStart(rest: Piece[], fallback: number): TextStart {
    return rest.length > 0 ? { x: rest[0].x, estimated: Boolean(rest[0].estimated) } : { x: fallback, estimated: true };
}

/** Joins a wrapped line to its paragraph: with a space, or straight on after a hyphen (kept: this PDF has no broken words). */
function joinWrapped(before: string, line: string): string {
    if (before.endsWith('\u00ad')) return before.slice(0, -1) + line;
    if (/\S-$/.test(before)) return before + line;
    return `${before} ${line}`;
}

/** `b.` after `a.`, `10.` after `9.`, `aa.` after `z.`. */
function isNextLabel(previous: string, next: string): boolean {
    const number = (label: string) => /^\d+\.$/.test(label) ? Number(label.slice(0, -1)) : undefined;
    const letters = (label: string) => /^[a-z]{1,2}\.$/.test(label) ? [...label.slice(0, -1)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 96, 0) : undefined;
    const [a, b] = [number(previous), number(next)];
    if (a !== undefined && b !== undefined) return b === a + 1;
    const [p, n] = [letters(previous), letters(next)];
    return p !== undefined && n !== undefined && n === p + 1;
}

/** A line in capitals: a heading of the document ("TABLE - DEPOSITION TECHNIQUES"), not text of an item ("(IEEE 528-2001)."). */
function isHeading(text: string): boolean {
    const letters = text.replace(/[^A-Za-z]/g, '');
    return /[A-Z]{4}/.test(text) && !/[a-z]/.test(text) && letters.length >= text.replace(/\s/g, '').length / 2;
}

/** Where the text of the page's long lines ends (the right margin of justified text). */
function rightMarginOf(page: PageText): number {
    const ends = page.body.filter(line => lineText(line).length > 50).map(line => line.pieces[line.pieces.length - 1].end).sort((a, b) => a - b);
    // Most long lines are justified to the margin; table rows and short last lines end before it.
    return ends.length > 0 ? ends[Math.floor(ends.length * 0.9)] : Infinity;
}

/**
 * A line was wrapped onto the next one only when the next line's first word did not fit at the
 * end of it; otherwise the line ended there on purpose ("Statement of Understanding" above its text).
 */
function wrapped(open: OpenParagraph, next: Line): boolean {
    const last = open.lastLine.pieces[open.lastLine.pieces.length - 1];
    const first = next.pieces[0];
    const word = first.text.trim().split(/\s/)[0];
    const wordWidth = (first.end - first.x) * (word.length / Math.max(first.text.trim().length, 1));
    // An em of slack: word spaces differ between fonts and justified lines.
    return last.end + wordWidth > open.rightMargin - next.size;
}

/** The first label at a depth: letters at odd depths (3.A.1.a, ML1.a), numbers at even ones. */
function firstLabel(depth: number): string {
    return depth % 2 === 1 ? 'a.' : '1.';
}

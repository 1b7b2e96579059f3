/**
 * The reader for editions published as one PDF (2025). pdfjs-dist gives positioned text; this
 * rebuilds the paragraphs in the Word layout of source.ts, so the same structure parser serves.
 *
 * - Parts are told apart by the running header of each page ("DUAL-USE LIST - CATEGORY 3 -
 *   ELECTRONICS", "Sensitive List", "MUNITIONS LIST", "DEFINITIONS", ...); headers and footers
 *   (y above 740 or below 50 points) are not text of the list, but the footer date is kept.
 * - A label's depth comes from where it sits: a sub-item's label stands where its parent's text
 *   starts. The reader keeps the text column of every open level; a label at the text column of
 *   level i gets i+1 tabs, as in the Word documents. Labels that match no open level (the lists
 *   inside notes) get none, and the structure parser files them with the note.
 * - Wrapped lines join their paragraph; a line ending in a hyphen joins without a space.
 * - Superscript exponents (drawn a few points above the line: 10.15 x 10⁶) are written with
 *   Unicode superscript digits, which the threshold parser reads exactly.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from './errors.js';
import type { PartKind, SourcePart } from './source.js';

interface TextPiece {
    text: string;
    x: number;
    y: number;
    width: number;
    height: number;
}

interface Line {
    y: number;
    pieces: TextPiece[];
}

const HEADER_Y = 740;
const FOOTER_Y = 50;
const LABEL = /^([a-z]{1,2}|\d{1,3})\.$/;
const CODE_PART = /^(\d|[A-E]|\d{1,3}|[a-z]{1,2})\.$/;
const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '−': '⁻' };

export async function readPdfEdition(file: string): Promise<{ parts: SourcePart[]; margins: string[] }> {
    const name = basename(file);
    const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
        throw new ImportError(file, `cannot read the file (${e.code ?? e.message})`);
    });
    if (bytes.length < 5 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ImportError(file, 'not a PDF file (no %PDF- signature)');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
    try {
        document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS, useSystemFonts: false }).promise;
    } catch (e) {
        const reason = (e as Error).name === 'PasswordException' ? 'the PDF is password-protected' : `not a readable PDF (${(e as Error).message})`;
        throw new ImportError(file, reason);
    }
    const parts: SourcePart[] = [];
    const margins: string[] = [];
    const layout = new LayoutState();
    try {
        for (let number = 1; number <= document.numPages; number++) {
            const page = await document.getPage(number);
            const content = await page.getTextContent();
            const pieces = content.items.flatMap(item => 'str' in item && item.str.trim() !== ''
                ? [{ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height }] : []);
            const header = pieces.filter(p => p.y > HEADER_Y).map(p => p.text).join(' ');
            margins.push(pieces.filter(p => p.y < FOOTER_Y).map(p => p.text).join(' '));
            const kind = partOfHeader(header, number);
            let part = parts[parts.length - 1];
            if (!part || part.kind !== kind.kind || part.category !== kind.category) {
                part = { kind: kind.kind, category: kind.category, file: name, paragraphs: [] };
                parts.push(part);
                layout.reset();
            }
            const where = `${name}, page ${number}`;
            for (const line of linesOf(pieces.filter(p => p.y <= HEADER_Y && p.y >= FOOTER_Y))) {
                layout.add(line, where, part, kind.kind === 'definitions');
            }
        }
    } catch (e) {
        if (e instanceof ImportError) throw e;
        throw new ImportError(file, `the PDF could not be read to the end (${(e as Error).message})`);
    } finally {
        await document.destroy();
    }
    return { parts, margins };
}

function partOfHeader(header: string, page: number): { kind: PartKind; category?: number } {
    const category = /CATEGORY\s+(\d)/i.exec(header);
    if (category) return { kind: 'category', category: Number(category[1]) };
    if (/Very Sensitive List/i.test(header)) return { kind: 'very-sensitive' };
    if (/Sensitive List/i.test(header)) return { kind: 'sensitive' };
    if (/MUNITIONS LIST/i.test(header)) return { kind: 'munitions' };
    if (/DEFINITIONS/i.test(header)) return { kind: 'definitions' };
    if (/Acronyms/i.test(header)) return { kind: 'acronyms' };
    if (/Statements? of Understanding|Validity/i.test(header)) return { kind: 'understandings' };
    if (/DUAL-USE LIST/i.test(header)) return { kind: 'general-notes' };
    return { kind: page <= 3 ? 'contents' : 'other' };
}

/** Groups pieces into lines by baseline; raised short digits (exponents) join the line below them. */
function linesOf(pieces: TextPiece[]): Line[] {
    const lines: Line[] = [];
    for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
        const line = lines.find(l => Math.abs(l.y - piece.y) <= 2);
        if (line) line.pieces.push(piece);
        else lines.push({ y: piece.y, pieces: [piece] });
    }
    const kept: Line[] = [];
    for (const line of lines.sort((a, b) => b.y - a.y)) {
        const below = lines.find(l => l !== line && l.y < line.y && line.y - l.y <= 7);
        if (below && line.pieces.every(p => /^[-−]?\d{1,3}\s*$/.test(p.text) && p.height < 10)) {
            below.pieces.push(...line.pieces.map(p => ({ ...p, text: [...p.text.trim()].map(ch => SUPERSCRIPT[ch] ?? ch).join(''), y: below.y })));
            continue;
        }
        kept.push(line);
    }
    return kept.sort((a, b) => b.y - a.y).map(l => ({ y: l.y, pieces: l.pieces.sort((a, b) => a.x - b.x) }));
}

/** Joins a line's pieces into text, with spaces where the gap between pieces says so. */
function joinPieces(pieces: TextPiece[], tabGap = Infinity): string {
    let text = '';
    let end = -Infinity;
    for (const piece of pieces) {
        const gap = piece.x - end;
        if (text !== '' && gap > tabGap) text += '\t';
        else if (text !== '' && gap > 0.8 && !/\s$/.test(text) && !/^\s/.test(piece.text) && !/^[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/.test(piece.text)) text += ' ';
        text += piece.text;
        end = piece.x + piece.width;
    }
    return text.replace(/[ ]{2,}/g, ' ').trim();
}

/** Rebuilds paragraphs with the Word layout's tabs from the x positions of labels and text. */
class LayoutState {
    /** textColumns[i]: the x where the text of the open item with i+1 code parts starts. */
    private textColumns: number[] = [];
    private paragraph: { text: string } | undefined;

    reset(): void {
        this.textColumns = [];
        this.paragraph = undefined;
    }

    add(line: Line, where: string, part: SourcePart, definitions: boolean): void {
        const pieces = line.pieces.filter(p => p.text.trim() !== '');
        if (pieces.length === 0) return;
        const lead = pieces[0].text.trim();
        if (/^_{5,}$/.test(lead)) return;
        if (definitions) return this.push(part, where, joinPieces(pieces, 12));
        const code = this.codeLine(pieces);
        if (code) return this.push(part, where, code);
        if (/^(Note|N\.B\.|Technical)/.test(lead)) {
            const text = joinPieces(pieces);
            const keyword = /^(Technical Notes?|Notes?(?:\s*\d+)?|N\.B\.(?:\s*\d+\.?)?)\s*/.exec(text);
            return this.push(part, where, keyword ? `${keyword[1]}\t${text.slice(keyword[0].length)}` : text);
        }
        if ((LABEL.test(lead) || /^\d\.[A-E]\.\S*$/.test(lead)) && pieces.length > 1) {
            const depth = this.depthOf(pieces[0].x);
            const text = joinPieces(pieces.slice(1));
            if (depth !== undefined) {
                this.textColumns = [...this.textColumns.slice(0, depth), pieces[1].x];
                return this.push(part, where, `${'\t'.repeat(depth)}${lead}\t${text}`);
            }
            return this.push(part, where, `${lead}\t${text}`);
        }
        const text = joinPieces(pieces);
        if (this.paragraph) {
            this.paragraph.text = this.paragraph.text.endsWith('-') ? this.paragraph.text + text : `${this.paragraph.text} ${text}`;
            return;
        }
        this.push(part, where, text);
    }

    /** `3. A. 1. b.` (separate pieces) or `ML8.` at the start of a line: a full code, which resets the columns. */
    private codeLine(pieces: TextPiece[]): string | undefined {
        const first = pieces[0].text.trim();
        const ml = /^(ML\d{1,2}\.)\s*(.*)$/.exec(first);
        const parts: TextPiece[] = [ml ? { ...pieces[0], text: ml[1] } : pieces[0]];
        const inline = ml?.[2] ?? '';
        if (!ml && !CODE_PART.test(first)) return undefined;
        for (const piece of pieces.slice(1)) {
            if (inline !== '' || !CODE_PART.test(piece.text.trim())) break;
            parts.push(piece);
        }
        if (!ml && (parts.length < 2 || !/^\d\.$/.test(parts[0].text.trim()) || !/^[A-E]\.$/.test(parts[1].text.trim()))) return undefined;
        const rest = pieces.slice(parts.length);
        const textX = rest[0]?.x ?? parts[parts.length - 1].x + 30;
        this.textColumns = [...parts.slice(1).map(p => p.x), textX];
        const text = [inline, joinPieces(rest)].filter(s => s !== '').join(' ');
        return [...parts.map(p => p.text.trim()), text].join('\t');
    }

    /** The number of code parts above a label at x: the open level whose text starts there. */
    private depthOf(x: number): number | undefined {
        for (let index = this.textColumns.length - 1; index >= 0; index--) {
            if (Math.abs(this.textColumns[index] - x) <= 6) return index + 1;
        }
        return undefined;
    }

    private push(part: SourcePart, where: string, text: string): void {
        const paragraph = { text, where };
        part.paragraphs.push(paragraph);
        this.paragraph = paragraph;
    }
}

/**
 * The 2025 PDF's positioned text as lines: pieces on one baseline, raised exponents joined as
 * superscripts, Symbol-font characters mapped back, running headers and footers cut off, and
 * pieces joined into tab-separated fields. (pdf-reader.ts describes the whole reader.)
 */


// ---------------------------------------------------------------------------------------------
// Pieces and lines

/** A run of text as pdfjs places it, in PDF points (origin bottom left). */
export interface Piece {
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

export interface Line {
    y: number;
    /** The font size of the line's text (its largest piece). */
    size: number;
    pieces: Piece[];
}

export interface PageText {
    number: number;
    header: Line[];
    footer: Line[];
    body: Line[];
}


/** Characters of Word's Symbol font, which the PDF puts at U+F020-U+F0FF. */
export const SYMBOL_LETTERS = 'ABΧΔEΦΓHIϑKΛMNOΠΘPΣTYςΩΞΨZ' + 'αβχδεφγηιϕκλμνοπθρστυϖωξψζ';
export const SYMBOL_OTHERS: Record<number, string> = {
    0x22: '∀', 0x24: '∃', 0x27: '∋', 0x2d: '-', 0x40: '≅', 0xa2: '′', 0xa3: '≤', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓',
    0xb0: '°', 0xb1: '±', 0xb2: '″', 0xb3: '≥', 0xb4: '×', 0xb5: '∝', 0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xbb: '≈', 0xbc: '…', 0xd6: '√',
};

export function normaliseCharacters(text: string): string {
    return text.replace(/[\uf020-\uf0ff]/g, ch => symbolCharacter(ch.charCodeAt(0) - 0xf000)).replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
}

export function symbolCharacter(code: number): string {
    if (SYMBOL_OTHERS[code]) return SYMBOL_OTHERS[code];
    if (code >= 0x41 && code <= 0x5a) return SYMBOL_LETTERS[code - 0x41];
    if (code >= 0x61 && code <= 0x7a) return SYMBOL_LETTERS[26 + code - 0x61];
    return code < 0x80 ? String.fromCharCode(code) : '';
}

export const BASELINE_TOLERANCE = 1.5;

export function buildLines(pieces: Piece[]): Line[] {
    const lines: Line[] = [];
    for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
        const last = lines[lines.length - 1];
        if (last && last.y - piece.y <= BASELINE_TOLERANCE) last.pieces.push(piece);
        else lines.push({ y: piece.y, size: 0, pieces: [piece] });
    }
    for (const line of lines) finishLine(line);
    return attachRaisedPieces(lines);
}

export function finishLine(line: Line): void {
    line.pieces.sort((a, b) => a.x - b.x);
    line.size = Math.max(...line.pieces.map(p => p.size));
}

/**
 * Exponents, unit powers and footnote marks are printed as small pieces a few points above
 * (subscripts: below) the line they belong to, so they first form lines of their own. A piece
 * that touches the end of a piece of a neighbouring line (or, for a mark, its start) joins it.
 */
export function attachRaisedPieces(lines: Line[]): Line[] {
    const kept: Line[] = [];
    for (const line of lines) {
        line.pieces = line.pieces.filter(piece => !attachToNeighbour(piece, line, lines));
        if (line.pieces.length > 0) kept.push(line);
    }
    for (const line of kept) finishLine(line);
    return kept;
}

export const SUPERSCRIPTS: Record<string, string> = {
    '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
    '-': '⁻', '−': '⁻', '+': '⁺', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ',
};

export function attachToNeighbour(piece: Piece, own: Line, lines: Line[]): boolean {
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

export function raisedText(text: string): string {
    if (text === 'o') return '°';
    const characters = [...text];
    return characters.every(ch => SUPERSCRIPTS[ch]) ? characters.map(ch => SUPERSCRIPTS[ch]).join('') : text;
}

export function lineText(line: Line): string {
    return joinPieces(line.pieces, {});
}

export function isRule(line: Line): boolean {
    return /^_{5,}$/.test(lineText(line).replace(/\s/g, ''));
}

export const FOOTER = /^(?:\s*(?:WA-LIST\s*\(\d+\)\s*\d+(?:\s*Corr\.?)?|-\s*\d+\s*-|\d{1,2}-\d{1,2}-\d{4}))+\s*$/;

/** Header: the lines down to the second of the two rules that open the page. Footer: the list id, page number and date at the bottom. */
export function splitMargins(lines: Line[]): Omit<PageText, 'number'> {
    const topRules = lines.slice(0, 5).flatMap((line, index) => line.y > 600 && isRule(line) ? [index] : []);
    const headerEnd = topRules.length >= 2 ? topRules[1] + 1 : 0;
    let footerStart = lines.length;
    while (footerStart > headerEnd && FOOTER.test(lineText(lines[footerStart - 1]))) footerStart--;
    return { header: lines.slice(0, headerEnd), footer: lines.slice(footerStart), body: lines.slice(headerEnd, footerStart) };
}

export interface JoinOptions {
    /** Pieces at least this far apart are separate fields (a tab in the Word layout). */
    tabGap?: number;
    /** In two-column parts (definitions, acronyms): text from this x on, after a gap, is the second field. */
    keyColumnEnd?: number;
}

/** Joins pieces into text: a space where the gap says so, a tab where the gap is a column. */
export function joinPieces(pieces: Piece[], options: JoinOptions): string {
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
export function fieldStarts(pieces: Piece[], options: JoinOptions): number[] {
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
export function needsSpace(previous: Piece, piece: Piece): boolean {
    const gap = piece.x - previous.end;
    return piece.raised ? gap > 1.5 : gap > previous.size * 0.12;
}

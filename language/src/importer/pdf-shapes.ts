/**
 * What a line of the 2025 PDF is by its first pieces: a full code, labels, a note keyword, a
 * list marker, or text. (pdf-reader.ts describes the whole reader.)
 */
import type { Piece } from './pdf-lines.js';

// ---------------------------------------------------------------------------------------------
// Shapes of lines

/** `3.` `A.` `1.` `b.`, `ML8.`, or a label `a.` / `12.` printed as its own piece (or at the start of one). */
export const TOKEN = /^(?:ML\s?\d{1,2}|\d{1,3}|[A-E]|[a-z]{1,2})\.$/;
export const GLUED_TOKEN = /^(?:ML\s?\d{1,2}|\d{1,3}|[A-E]|[a-z]{1,2})\.\s+(?=\S)/;
export const LABEL = /^(?:\d{1,3}|[a-z]{1,2})\.$/;
export const NOTE_KEYWORD = /^(?:Technical\s+Notes?|Notes?(?:\s*\d+)?|N\.\s?B\.(?:\s?\d+\.?)?)\.?:?$/;
export const NOTE_GLUED = /^(Notes?\s*\d+|N\.\s?B\.(?:\s?\d+\.?)?)\s+(?![–-])(?=\S)/;
/** Codes cited at the left margin of the Sensitive Lists and statements: `1.A.2.a.1.`, `1.C.10.c. & 1.C.10.d.`. */
export const DOTTED_CODES = /^(?:\d\s?\.\s?[A-E]\s?\.\s?\d+(?:\s?\.\s?[0-9a-z]{1,3})*\.?\s*(?:&|and|,|to)?\s*)+$/;
export const MARKERS = new Set(['-', '–', '−', '•', '*', '·']);
/** Page-break headings that say a note goes on. */
export const CONTINUED_NOTE = /^(?:(?:Technical\s+)?Notes?(?:\s*\d+)?(?:\s+to\s+\S+)?|N\.\s?B\.(?:\s?\d+\.?)?)\s+cont\.$/;
export const LEFT_MARGIN = 100;

export type Shape =
    | { kind: 'code'; tokens: Piece[]; rest: Piece[] }
    | { kind: 'labels'; tokens: Piece[]; rest: Piece[]; glued: boolean }
    | { kind: 'dotted'; code: Piece; rest: Piece[] }
    /** `weak`: the keyword is set off by no more than a word space, so it may be a wrapped line starting with "Note". */
    | { kind: 'note'; keyword: string; x: number; rest: Piece[]; weak: boolean }
    | { kind: 'marker'; marker: string; x: number; rest: Piece[] }
    | { kind: 'text'; pieces: Piece[] };

export function shapeOf(pieces: Piece[]): Shape {
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

export function isFullCode(tokens: Piece[]): boolean {
    if (tokens.length === 0 || tokens[0].x >= LEFT_MARGIN) return false;
    if (/^ML\s?\d{1,2}\.$/.test(tokens[0].text)) return tokens.slice(1).every(t => LABEL.test(t.text));
    return tokens.length >= 2 && /^\d\.$/.test(tokens[0].text) && /^[A-E]\.$/.test(tokens[1].text) && tokens.slice(2).every(t => LABEL.test(t.text));
}

/** The code parts or labels that start a line, split off the text when printed in one piece with it. */
export function leadingTokens(pieces: Piece[]): { tokens: Piece[]; rest: Piece[]; glued: boolean } {
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
export function splitPiece(piece: Piece, length: number): [Piece, Piece] {
    const text = piece.text.trim();
    const at = piece.x + (piece.end - piece.x) * (length / text.length);
    return [
        { ...piece, text: text.slice(0, length).trim(), end: at },
        { ...piece, text: text.slice(length), x: at, estimated: true },
    ];
}

export function noteShape(pieces: Piece[]): Shape | undefined {
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

export function markerShape(pieces: Piece[]): Shape | undefined {
    const first = pieces[0].text.trim();
    if (MARKERS.has(first) && pieces.length > 1) return { kind: 'marker', marker: first, x: pieces[0].x, rest: pieces.slice(1) };
    const glued = /^([*•])\s+(?=\S)/.exec(first);
    if (!glued) return undefined;
    const [marker, remainder] = splitPiece(pieces[0], glued[0].length);
    return { kind: 'marker', marker: marker.text, x: pieces[0].x, rest: [remainder, ...pieces.slice(1)] };
}

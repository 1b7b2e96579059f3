/**
 * The 2025 PDF's lines as paragraphs in the Word layout: label depth from the open levels and
 * the columns learnt from full codes, notes and their lists, wrapped lines joined, tables.
 * (pdf-reader.ts describes the whole reader.)
 */
import { type JoinOptions, type Line, type PageText, type Piece, fieldStarts, isRule, joinPieces, lineText } from './pdf-lines.js';
import { CONTINUED_NOTE, type Shape, shapeOf } from './pdf-shapes.js';
import type { SourceParagraph } from './source.js';
import type { PdfPart } from './pdf-reader.js';

/** A column of the part: code parts (and the text after them) at this x stand at this depth. */
export interface Column {
    depth: number;
    x: number;
    count: number;
}

/**
 * The columns of a part, learnt from its full codes: `3.` `A.` `1.` `b.` `7.` and the text after
 * them give the x of depths 0 to 5. A label that no open level explains (its parent's text
 * starts a few points off) takes the depth of its column.
 */
export function learnColumns(pages: PageText[]): Column[] {
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
export function depthOfColumn(columns: Column[], x: number): number | undefined {
    const votes = new Map<number, number>();
    for (const column of columns) {
        if (Math.abs(column.x - x) <= 2.5) votes.set(column.depth, (votes.get(column.depth) ?? 0) + column.count);
    }
    return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** One open code part or label: where it is printed and where its text starts. */
export interface Level {
    label: string;
    labelX: number;
    textX: number;
    estimated: boolean;
}

export interface OpenParagraph {
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

export const COLUMN_TOLERANCE = 4;
export const ESTIMATED_TOLERANCE = 6;
/** Pieces this far apart on a line are columns of a table, not words of a sentence (justified gaps stay under 27 pt). */
export const TABLE_GAP = 28;

/** Writes the lines of one part as paragraphs in the Word layout. */
export class ParagraphWriter {
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
            open.paragraph.indent!.left = twips(open.textX);
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
        // Where its lines begin, in twips as the Word reader gives them (a point is 20 twips).
        const indent = { left: twips(start.x), first: twips(line.pieces[0].x) };
        const paragraph: SourceParagraph = { text, where: `${this.file}, page ${page}`, indent };
        this.part.paragraphs.push(paragraph);
        this.open = { paragraph, textX: start.x, estimated: start.estimated, startX: line.pieces[0].x, y: line.y, page, closed: false, level, lastLine: line, rightMargin: this.rightMargin };
    }
}

function twips(points: number): number {
    return Math.round(points * 20);
}

export interface TextStart {
    x: number;
    estimated: boolean;
}

/** The levels a line's code parts or labels open: each one's text starts where the next one stands. */
export function levelsOf(tokens: Piece[], start: TextStart): Level[] {
    return tokens.map((token, index) => {
        const next = tokens[index + 1];
        return { label: token.text, labelX: token.x, textX: next ? next.x : start.x, estimated: next ? Boolean(next.estimated) : start.estimated };
    });
}

export function gapAfterLabels(tokens: Piece[], rest: Piece[]): number {
    return rest.length > 0 ? rest[0].x - tokens[tokens.length - 1].end : Infinity;
}

/** Where the text after a label starts: its first piece, or a guess when the line has none. */
export function textStart(rest: Piece[], fallback: number): TextStart {
    return rest.length > 0 ? { x: rest[0].x, estimated: Boolean(rest[0].estimated) } : { x: fallback, estimated: true };
}

/** Joins a wrapped line to its paragraph: with a space, or straight on after a hyphen (kept: this PDF has no broken words). */
export function joinWrapped(before: string, line: string): string {
    if (before.endsWith('\u00ad')) return before.slice(0, -1) + line;
    if (/\S-$/.test(before)) return before + line;
    return `${before} ${line}`;
}

/** `b.` after `a.`, `10.` after `9.`, `aa.` after `z.`. */
export function isNextLabel(previous: string, next: string): boolean {
    const number = (label: string) => /^\d+\.$/.test(label) ? Number(label.slice(0, -1)) : undefined;
    const letters = (label: string) => /^[a-z]{1,2}\.$/.test(label) ? [...label.slice(0, -1)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 96, 0) : undefined;
    const [a, b] = [number(previous), number(next)];
    if (a !== undefined && b !== undefined) return b === a + 1;
    const [p, n] = [letters(previous), letters(next)];
    return p !== undefined && n !== undefined && n === p + 1;
}

/** A line in capitals: a heading of the document ("TABLE - DEPOSITION TECHNIQUES"), not text of an item ("(IEEE 528-2001)."). */
export function isHeading(text: string): boolean {
    const letters = text.replace(/[^A-Za-z]/g, '');
    return /[A-Z]{4}/.test(text) && !/[a-z]/.test(text) && letters.length >= text.replace(/\s/g, '').length / 2;
}

/** Where the text of the page's long lines ends (the right margin of justified text). */
export function rightMarginOf(page: PageText): number {
    const ends = page.body.filter(line => lineText(line).length > 50).map(line => line.pieces[line.pieces.length - 1].end).sort((a, b) => a - b);
    // Most long lines are justified to the margin; table rows and short last lines end before it.
    return ends.length > 0 ? ends[Math.floor(ends.length * 0.9)] : Infinity;
}

/**
 * A line was wrapped onto the next one only when the next line's first word did not fit at the
 * end of it; otherwise the line ended there on purpose ("Statement of Understanding" above its text).
 */
export function wrapped(open: OpenParagraph, next: Line): boolean {
    const last = open.lastLine.pieces[open.lastLine.pieces.length - 1];
    const first = next.pieces[0];
    const word = first.text.trim().split(/\s/)[0];
    const wordWidth = (first.end - first.x) * (word.length / Math.max(first.text.trim().length, 1));
    // An em of slack: word spaces differ between fonts and justified lines.
    return last.end + wordWidth > open.rightMargin - next.size;
}

/** The first label at a depth: letters at odd depths (3.A.1.a, ML1.a), numbers at even ones. */
export function firstLabel(depth: number): string {
    return depth % 2 === 1 ? 'a.' : '1.';
}

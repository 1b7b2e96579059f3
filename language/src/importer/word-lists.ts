/**
 * Word's automatic list numbering and paragraph indents, read from a Word 97 file's paragraph
 * properties.
 *
 * Some labels of the WA documents are not in the text at all: Word draws them from a list
 * definition ("2." or "c." before 6.A.1.a.1.c.2's text in 2004 and 2013, ML7.c-d in 2009,
 * 7.A.3.b-c in 2003), so a reader of the text alone sees an unnumbered paragraph and the importer
 * makes a note of it. This module computes what Word shows: for each paragraph of the main text
 * whose properties name a list (sprmPIlfo, sprmPIlvl; directly or through its style), the number
 * string of its level with the counters Word keeps, and the character that follows it; and for
 * every paragraph, where its lines begin (style, list level and the paragraph's own indents).
 *
 * Layout references ([MS-DOC]): FIB fcPlcfBtePapx 0x102, fcStshf 0xA2, fcPlfLst 0x2E2,
 * fcPlfLfo 0x2EA; PAPX FKPs; LSTF, LVLF, LFO and LFOLVL records.
 */
import { inherit, paragraphPropertiesOf, paragraphRuns, runAt, styleProperties, type ParagraphProperties } from './word-paragraph-properties.js';

/** A piece of the text, as word-extractor's piece table gives it. */
export interface TextPiece { startCp: number; endCp: number; startFilePos: number; endFilePos: number; bpc: number; text: string }

interface Level { startAt: number; format: number; legal: boolean; noRestart: boolean; template: string; follow: string; paragraph: ParagraphProperties }
interface ListDefinition { id: number; levels: Level[] }
interface Override { listId: number; starts: Map<number, number>; levels: Map<number, Level> }

function levelAt(table: Buffer, at: number): { level: Level; end: number } | undefined {
    if (at + 28 > table.length) return undefined;
    const startAt = table.readInt32LE(at);
    const format = table[at + 4];
    const flags = table[at + 5];
    const follow = table[at + 15];
    const chpx = table[at + 24];
    const papx = table[at + 25];
    let p = at + 28 + papx + chpx;
    if (p + 2 > table.length) return undefined;
    const length = table.readUInt16LE(p);
    p += 2;
    if (p + length * 2 > table.length) return undefined;
    const template = table.subarray(p, p + length * 2).toString('utf16le');
    return {
        level: {
            startAt, format, legal: (flags & 0x04) !== 0, noRestart: (flags & 0x08) !== 0, template, follow: follow === 0 ? '\t' : follow === 1 ? ' ' : '',
            // The level's own paragraph properties (its indents) come first after the LVLF.
            paragraph: paragraphPropertiesOf(table.subarray(at + 28, at + 28 + papx)),
        },
        end: p + length * 2,
    };
}

function listDefinitions(word: Buffer, table: Buffer): ListDefinition[] {
    const fc = word.readUInt32LE(0x2e2);
    const lcb = word.readUInt32LE(0x2e6);
    if (lcb < 2 || fc + lcb > table.length) return [];
    const count = table.readInt16LE(fc);
    const lists: ListDefinition[] = [];
    let levelsAt = fc + lcb;
    for (let i = 0; i < count; i++) {
        const at = fc + 2 + i * 28;
        if (at + 28 > table.length) break;
        const simple = (table[at + 26] & 1) !== 0;
        const levels: Level[] = [];
        for (let l = 0; l < (simple ? 1 : 9); l++) {
            const read = levelAt(table, levelsAt);
            if (!read) return lists;
            levels.push(read.level);
            levelsAt = read.end;
        }
        lists.push({ id: table.readUInt32LE(at), levels });
    }
    return lists;
}

function overrides(word: Buffer, table: Buffer): Override[] {
    const fc = word.readUInt32LE(0x2ea);
    const lcb = word.readUInt32LE(0x2ee);
    if (lcb < 4 || fc + lcb > table.length) return [];
    const count = table.readUInt32LE(fc);
    const result: Override[] = [];
    const levelCounts: number[] = [];
    for (let i = 0; i < count; i++) {
        const at = fc + 4 + i * 16;
        if (at + 16 > table.length) return result;
        result.push({ listId: table.readUInt32LE(at), starts: new Map(), levels: new Map() });
        levelCounts.push(table[at + 12]);
    }
    // LFOData, one per LFO: a cp, then its LFOLVLs, each possibly with a whole LVL.
    let p = fc + 4 + count * 16;
    for (let i = 0; i < count; i++) {
        if (levelCounts[i] === 0) continue;
        p += 4;
        for (let k = 0; k < levelCounts[i]; k++) {
            if (p + 8 > table.length) return result;
            const startAt = table.readInt32LE(p);
            const bits = table.readUInt32LE(p + 4);
            p += 8;
            const level = bits & 0x0f;
            if (bits & 0x10) result[i].starts.set(level, startAt);
            if (bits & 0x20) {
                const read = levelAt(table, p);
                if (!read) return result;
                result[i].levels.set(level, read.level);
                p = read.end;
            }
        }
    }
    return result;
}

const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function roman(n: number): string {
    let text = '';
    for (const [value, letters] of ROMAN) while (n >= value) { text += letters; n -= value; }
    return text;
}

function letters(n: number): string {
    // Word repeats the letter past z: aa, bb, ...
    const letter = String.fromCharCode(97 + ((n - 1) % 26));
    return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in a level's number format (nfc); bullets and unknown formats as decimal. */
export function formatNumber(n: number, format: number): string {
    switch (format) {
        case 1: return roman(n).toUpperCase();
        case 2: return roman(n);
        case 3: return letters(n).toUpperCase();
        case 4: return letters(n);
        case 22: return n < 10 ? `0${n}` : String(n);
        case 23: return '';
        case 255: return '';
        default: return String(n);
    }
}

/**
 * What Word shows at the start of a paragraph of the main text: the number it draws there, if
 * any (`number`, with `list` naming the list and level: "lsid:ilvl"; paragraphs of one list and
 * level are siblings), and where the paragraph's lines begin, in twips from the margin: `left`
 * for the lines after the first, `first` for the first line.
 */
export interface ParagraphLayout { cp: number; number?: string; list?: string; left: number; first: number }

/** The layout of each paragraph of the main text (cp 0 to `textLength`). */
export function paragraphLayouts(word: Buffer, table: Buffer, pieces: TextPiece[], textLength: number): ParagraphLayout[] {
    const lists = new Map(listDefinitions(word, table).map(l => [l.id, l]));
    const lfos = overrides(word, table);
    const styles = styleProperties(word, table);
    const runs = paragraphRuns(word, table);
    const counters = new Map<number, number[]>();
    const layouts: ParagraphLayout[] = [];
    let paragraphStart = 0;
    for (const piece of pieces) {
        for (let i = 0; i < piece.text.length; i++) {
            const cp = piece.startCp + i;
            if (cp >= textLength) return layouts;
            const c = piece.text[i];
            if (c !== '\r' && c !== '\x07') continue;
            const run = runAt(runs, piece.startFilePos + i * piece.bpc);
            const start = paragraphStart;
            paragraphStart = cp + 1;
            if (!run) continue;
            const style = styles.get(run.istd);
            const listed = inherit(run, style);
            const numbered = numberOf(listed);
            // Word lays a paragraph out by its style, then its list level, then its own formatting.
            const { left = 0, first = 0 } = inherit(run, inherit(numbered?.level.paragraph ?? {}, style));
            const layout: ParagraphLayout = { cp: start, left, first: left + first };
            if (numbered && numbered.text.trim() !== '') {
                layout.number = numbered.text + numbered.level.follow;
                layout.list = numbered.list;
            }
            layouts.push(layout);
        }
    }
    return layouts;

    function numberOf({ ilfo, ilvl: level0 }: ParagraphProperties): { text: string; level: Level; list: string } | undefined {
        const ilvl = Math.min(level0 ?? 0, 8);
        if (!ilfo || ilfo > lfos.length) return undefined;
        const lfo = lfos[ilfo - 1];
        const list = lists.get(lfo.listId);
        if (!list) return undefined;
        const levelOf = (l: number): Level | undefined => lfo.levels.get(l) ?? list.levels[l];
        const level = levelOf(ilvl);
        if (!level) return undefined;
        const counter = counters.get(list.id) ?? new Array<number>(9).fill(0);
        counters.set(list.id, counter);
        counter[ilvl] = counter[ilvl] === 0 ? (lfo.starts.get(ilvl) ?? level.startAt) : counter[ilvl] + 1;
        for (let deeper = ilvl + 1; deeper < 9; deeper++) if (!levelOf(deeper)?.noRestart) counter[deeper] = 0;
        const text = [...level.template].map(ch => {
            const l = ch.charCodeAt(0);
            if (l > 8) return ch;
            const shown = levelOf(l);
            const n = counter[l] || (shown?.startAt ?? 1);
            return formatNumber(n, level.legal ? 0 : shown?.format ?? 0);
        }).join('');
        return { text, level, list: `${list.id}:${ilvl}` };
    }
}

/**
 * A paragraph's layout travels with the text as marks at its start (private-use characters,
 * which the documents' text never holds once Symbol characters are mapped): its indents, then
 * for a numbered paragraph its list before the number. toParagraphs takes them off into the
 * paragraph's `indent` and `list`.
 */
export function layoutMarks(layout: ParagraphLayout): string {
    const list = layout.list === undefined ? '' : listMark(layout.list) + (layout.number ?? '');
    return `\ue002${layout.left},${layout.first}\ue003${list}`;
}

export function listMark(list: string): string {
    return `\ue000${list}\ue001`;
}

export const INDENT_MARK = /^\ue002(-?\d+),(-?\d+)\ue003/;
export const LIST_MARK = /^\ue000([^\ue001]*)\ue001/;
/** Marks of paragraphs inside a table row, which is one line of text: only the line's first counts. */
export const ANY_MARK = /\ue000[^\ue001]*\ue001|\ue002[^\ue003]*\ue003/g;

/**
 * Word's automatic list numbering, read from a Word 97 file's paragraph properties.
 *
 * Some labels of the WA documents are not in the text at all: Word draws them from a list
 * definition ("2." or "c." before 6.A.1.a.1.c.2's text in 2004 and 2013, ML7.c-d in 2009,
 * 7.A.3.b-c in 2003), so a reader of the text alone sees an unnumbered paragraph and the importer
 * makes a note of it. This module computes what Word shows: for each paragraph of the main text
 * whose properties name a list (sprmPIlfo, sprmPIlvl; directly or through its style), the number
 * string of its level with the counters Word keeps, and the character that follows it.
 *
 * Layout references ([MS-DOC]): FIB fcPlcfBtePapx 0x102, fcStshf 0xA2, fcPlfLst 0x2E2,
 * fcPlfLfo 0x2EA; PAPX FKPs; LSTF, LVLF, LFO and LFOLVL records.
 */
import { fkpRuns, propertiesOf } from './word-properties.js';

const SPRM_ILVL = 0x260a;
const SPRM_ILFO = 0x460b;

/** A piece of the text, as word-extractor's piece table gives it. */
export interface TextPiece { startCp: number; endCp: number; startFilePos: number; endFilePos: number; bpc: number; text: string }

interface Level { startAt: number; format: number; legal: boolean; noRestart: boolean; template: string; follow: string }
interface ListDefinition { id: number; levels: Level[] }
interface Override { listId: number; starts: Map<number, number>; levels: Map<number, Level> }

/**
 * One number Word draws: at the start of the paragraph beginning at `cp`. `list` names the list
 * and level ("lsid:ilvl"): Word numbers paragraphs of one list and level as siblings.
 */
export interface ListNumber { cp: number; text: string; list: string }

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
        level: { startAt, format, legal: (flags & 0x04) !== 0, noRestart: (flags & 0x08) !== 0, template, follow: follow === 0 ? '\t' : follow === 1 ? ' ' : '' },
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

/** The list (ilfo, ilvl) each style gives its paragraphs, following the styles they are based on. */
function styleLists(word: Buffer, table: Buffer): Map<number, { ilfo?: number; ilvl?: number }> {
    const result = new Map<number, { ilfo?: number; ilvl?: number }>();
    const fc = word.readUInt32LE(0xa2);
    const lcb = word.readUInt32LE(0xa6);
    if (lcb < 4 || fc + lcb > table.length) return result;
    const headerSize = table.readUInt16LE(fc);
    const count = table.readUInt16LE(fc + 2);
    const baseSize = table.readUInt16LE(fc + 4);
    const based = new Map<number, number>();
    let p = fc + 2 + headerSize;
    for (let istd = 0; istd < count; istd++) {
        if (p + 2 > fc + lcb) break;
        const size = table.readUInt16LE(p);
        const at = p + 2;
        p = at + size;
        if (size === 0) continue;
        const kind = table.readUInt16LE(at + 2) & 0x0f;
        const base = table.readUInt16LE(at + 2) >> 4;
        const upxCount = table.readUInt16LE(at + 4) & 0x0f;
        if (kind !== 1 || upxCount < 1) continue;
        based.set(istd, base);
        // The name (a length-prefixed UTF-16 string with a terminating 0) follows the base part.
        let q = at + baseSize;
        const nameLength = table.readUInt16LE(q);
        q += 2 + nameLength * 2 + 2;
        if (q % 2) q++;
        const upxSize = table.readUInt16LE(q);
        // A paragraph style's first UPX: istd (2 bytes), then the grpprl.
        const grpprl = table.subarray(q + 4, q + 2 + upxSize);
        const own: { ilfo?: number; ilvl?: number } = {};
        for (const { sprm, operand } of propertiesOf(grpprl)) {
            if (sprm === SPRM_ILFO && operand.length >= 2) own.ilfo = operand.readUInt16LE(0);
            if (sprm === SPRM_ILVL && operand.length >= 1) own.ilvl = operand[0];
        }
        result.set(istd, own);
    }
    const resolved = new Map<number, { ilfo?: number; ilvl?: number }>();
    const resolve = (istd: number, depth: number): { ilfo?: number; ilvl?: number } => {
        const done = resolved.get(istd);
        if (done) return done;
        const own = result.get(istd) ?? {};
        const base = based.get(istd);
        const inherited = base !== undefined && base !== 0x0fff && depth < 16 ? resolve(base, depth + 1) : {};
        const value = { ilfo: own.ilfo ?? inherited.ilfo, ilvl: own.ilvl ?? inherited.ilvl };
        resolved.set(istd, value);
        return value;
    };
    for (const istd of result.keys()) resolve(istd, 0);
    return resolved;
}

interface ParagraphRun { from: number; to: number; istd: number; ilfo?: number; ilvl?: number }

/** The paragraph properties of the file, as runs of file positions, sorted. */
function paragraphRuns(word: Buffer, table: Buffer): ParagraphRun[] {
    const runs: ParagraphRun[] = [];
    for (const { from, to, page, offset } of fkpRuns(word, table, 0x102, 13)) {
        if (!offset || offset >= 511) continue;
        // PapxInFkp: a count of 2-byte words (0: the next byte counts them), then istd and the grpprl.
        let cb = page[offset];
        let start = offset + 1;
        let size = 2 * cb - 1;
        if (cb === 0) {
            cb = page[offset + 1];
            start = offset + 2;
            size = 2 * cb;
        }
        if (size < 2 || start + size > 511) continue;
        const papx = page.subarray(start, start + size);
        const run: ParagraphRun = { from, to, istd: papx.readUInt16LE(0) };
        for (const { sprm, operand } of propertiesOf(papx.subarray(2))) {
            if (sprm === SPRM_ILFO && operand.length >= 2) run.ilfo = operand.readUInt16LE(0);
            if (sprm === SPRM_ILVL && operand.length >= 1) run.ilvl = operand[0];
        }
        runs.push(run);
    }
    return runs.sort((a, b) => a.from - b.from);
}

function runAt(runs: ParagraphRun[], fc: number): ParagraphRun | undefined {
    let low = 0;
    let high = runs.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const run = runs[middle];
        if (fc < run.from) high = middle - 1;
        else if (fc >= run.to) low = middle + 1;
        else return run;
    }
    return undefined;
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

/** The numbers Word draws at the start of paragraphs of the main text (cp 0 to `textLength`). */
export function listNumbers(word: Buffer, table: Buffer, pieces: TextPiece[], textLength: number): ListNumber[] {
    const lists = new Map(listDefinitions(word, table).map(l => [l.id, l]));
    const lfos = overrides(word, table);
    if (lists.size === 0 || lfos.length === 0) return [];
    const styles = styleLists(word, table);
    const runs = paragraphRuns(word, table);
    const counters = new Map<number, number[]>();
    const numbers: ListNumber[] = [];
    let paragraphStart = 0;
    for (const piece of pieces) {
        for (let i = 0; i < piece.text.length; i++) {
            const cp = piece.startCp + i;
            if (cp >= textLength) return numbers;
            const c = piece.text[i];
            if (c !== '\r' && c !== '\x07') continue;
            const run = runAt(runs, piece.startFilePos + i * piece.bpc);
            const start = paragraphStart;
            paragraphStart = cp + 1;
            if (!run) continue;
            const style = styles.get(run.istd);
            const ilfo = run.ilfo ?? style?.ilfo;
            const ilvl = Math.min(run.ilvl ?? style?.ilvl ?? 0, 8);
            if (!ilfo || ilfo > lfos.length) continue;
            const lfo = lfos[ilfo - 1];
            const list = lists.get(lfo.listId);
            if (!list) continue;
            const levelOf = (l: number): Level | undefined => lfo.levels.get(l) ?? list.levels[l];
            const level = levelOf(ilvl);
            if (!level) continue;
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
            if (text.trim() !== '') numbers.push({ cp: start, text: text + level.follow, list: `${list.id}:${ilvl}` });
        }
    }
    return numbers;
}

/**
 * The list a numbered paragraph belongs to travels with the text as a mark before the number
 * (private-use characters, which the documents' text never holds once Symbol characters are
 * mapped); toParagraphs takes it off into the paragraph's `list`.
 */
export function listMark(list: string): string {
    return `\ue000${list}\ue001`;
}

export const LIST_MARK = /^\ue000([^\ue001]*)\ue001/;
export const ANY_LIST_MARK = /\ue000[^\ue001]*\ue001/g;

/**
 * The properties of a Word 97 file's paragraphs that the importer reads: the list a paragraph is
 * numbered in (sprmPIlfo, sprmPIlvl) and its indents (sprmPDxaLeft, sprmPDxaLeft1), each set on
 * the paragraph itself or inherited from its style and the styles that style is based on.
 *
 * Layout references ([MS-DOC]): FIB fcPlcfBtePapx 0x102, fcStshf 0xA2; STSH, STD and UPX
 * records; PAPX FKPs.
 */
import { fkpRuns, propertiesOf } from './word-properties.js';

const SPRM_ILVL = 0x260a;
const SPRM_ILFO = 0x460b;
// Word 97 wrote the indents as 0x840F/0x8411; later versions write 0x845E/0x8460 beside them.
const SPRM_LEFT = new Set([0x840f, 0x845e]);
const SPRM_FIRST = new Set([0x8411, 0x8460]);

/** Paragraph properties; an absent one is inherited. Indents in twips (1/1440 inch). */
export interface ParagraphProperties { ilfo?: number; ilvl?: number; left?: number; first?: number }

/** The properties a grpprl sets. */
export function paragraphPropertiesOf(grpprl: Buffer): ParagraphProperties {
    const own: ParagraphProperties = {};
    for (const { sprm, operand } of propertiesOf(grpprl)) {
        if (sprm === SPRM_ILFO && operand.length >= 2) own.ilfo = operand.readUInt16LE(0);
        else if (sprm === SPRM_ILVL && operand.length >= 1) own.ilvl = operand[0];
        else if (SPRM_LEFT.has(sprm) && operand.length >= 2) own.left = operand.readInt16LE(0);
        else if (SPRM_FIRST.has(sprm) && operand.length >= 2) own.first = operand.readInt16LE(0);
    }
    return own;
}

/** `over`'s properties, and `under`'s where `over` sets none. */
export function inherit(over: ParagraphProperties, under: ParagraphProperties | undefined): ParagraphProperties {
    return {
        ilfo: over.ilfo ?? under?.ilfo,
        ilvl: over.ilvl ?? under?.ilvl,
        left: over.left ?? under?.left,
        first: over.first ?? under?.first,
    };
}

/** The properties each paragraph style gives its paragraphs, following the styles they are based on. */
export function styleProperties(word: Buffer, table: Buffer): Map<number, ParagraphProperties> {
    const own = new Map<number, ParagraphProperties>();
    const fc = word.readUInt32LE(0xa2);
    const lcb = word.readUInt32LE(0xa6);
    if (lcb < 4 || fc + lcb > table.length) return own;
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
        own.set(istd, paragraphPropertiesOf(table.subarray(q + 4, q + 2 + upxSize)));
    }
    const resolved = new Map<number, ParagraphProperties>();
    const resolve = (istd: number, depth: number): ParagraphProperties => {
        const done = resolved.get(istd);
        if (done) return done;
        const base = based.get(istd);
        const inherited = base !== undefined && base !== 0x0fff && depth < 16 ? resolve(base, depth + 1) : undefined;
        const value = inherit(own.get(istd) ?? {}, inherited);
        resolved.set(istd, value);
        return value;
    };
    for (const istd of own.keys()) resolve(istd, 0);
    return resolved;
}

/** Paragraph properties set on the paragraphs themselves, as runs of file positions [from, to). */
export interface ParagraphRun extends ParagraphProperties { from: number; to: number; istd: number }

/** The paragraph properties of the file, as runs of file positions, sorted. */
export function paragraphRuns(word: Buffer, table: Buffer): ParagraphRun[] {
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
        runs.push({ from, to, istd: papx.readUInt16LE(0), ...paragraphPropertiesOf(papx.subarray(2)) });
    }
    return runs.sort((a, b) => a.from - b.from);
}

/** The run holding file position `fc`. */
export function runAt(runs: ParagraphRun[], fc: number): ParagraphRun | undefined {
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

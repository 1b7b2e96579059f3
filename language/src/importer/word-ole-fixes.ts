/**
 * word-extractor's Word 97 reader, corrected where it loses or garbles the WA documents' text.
 *
 * 1. Character spacing read as a deletion. The library takes the low five bits of a property code
 *    for its identity, so "condense by an odd number of twips" (0x8840) looked like "tracked
 *    deletion" (0x0800) and the text under it was dropped: 9.A.6.b (cryogenic containers) in every
 *    edition 1999-2021, and letters and spaces of 6.A.5.b.4-6 ("6.\t.\t5.\tb.\t4.\tOutputwavelength…")
 *    2013-2021. Here the character properties are walked with each code's real operand length and
 *    only 0x0800 with its flag set deletes (the documents have no real tracked deletions at all).
 * 2. Symbol-font characters. Insert > Symbol leaves a '(' in the text and stores the character in a
 *    property (0x6A09: font and character): "505 K (232(C)" is "505 K (232°C)", "1 (s" is "1 µs".
 *    Symbol characters typed in 16-bit text come out as private-use U+F020-U+F0FF. Both are
 *    mapped to Unicode through the Symbol font's encoding.
 *
 * 3. Automatic list numbering. Labels Word draws from a list definition are not in the text; they
 *    are computed (word-lists.ts) and put at the start of their paragraphs, as Word shows them.
 *
 * Found by comparing every paragraph of the 428 Word files of 1999-2021 with the original
 * library's output and with catdoc's (docs/fidelity.md).
 */
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import { clean } from 'word-extractor/lib/filters.js';
import { layoutMarks, paragraphLayouts, type ParagraphLayout } from './word-lists.js';
import { fkpRuns, propertiesOf } from './word-properties.js';

/** The Symbol font's encoding, 0x20-0xFF. Greek capitals drawn like Latin ones are given as Latin ("µ\uF041/lm" is µA/lm). */
const SYMBOL: Record<number, string> = (() => {
    const table: Record<number, string> = {};
    const low = ' !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ABXΔEΦΓHIϑKΛMNOΠΘPΣTΥςΩΞΨZ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼';
    [...low].forEach((c, i) => { table[0x20 + i] = c; });
    const high = '€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪ 〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭';
    [...high].forEach((c, i) => { if (c !== ' ') table[0xa0 + i] = c; });
    return table;
})();

export function symbolToUnicode(code: number): string {
    return SYMBOL[code & 0xff] ?? String.fromCharCode(code);
}

export function mapSymbolPrivateUse(text: string): string {
    return text.replace(/[\uf020-\uf0ff]/g, c => symbolToUnicode(c.charCodeAt(0)));
}

const SPRM_DELETED = 0x0800;
const SPRM_SYMBOL = 0x6a09;

/** Font names from the FIB's SttbfFfn (fcSttbfffn at 0x112, lcb at 0x116). */
function fontNames(word: Buffer, table: Buffer): string[] {
    const fc = word.readUInt32LE(0x112);
    const lcb = word.readUInt32LE(0x116);
    if (lcb < 4) return [];
    const fonts = table.subarray(fc, fc + lcb);
    if (fonts.length < 4) return [];
    const count = fonts.readUInt16LE(0);
    const names: string[] = [];
    for (let i = 0, at = 4; i < count && at < fonts.length; i++) {
        const size = fonts[at];
        names.push(fonts.subarray(at + 40, at + 1 + size).toString('utf16le').split('\0')[0]);
        at += size + 1;
    }
    return names;
}

interface Piece { text: string; startCp: number; endCp: number; startFilePos: number; endFilePos: number; bpc: number; unicode: boolean }

/** Rewrites, character for character, the text at file positions [from, to) in every piece; lengths never change. */
function mapFileRange(pieces: Piece[], from: number, to: number, map: (c: string) => string): void {
    for (const piece of pieces) {
        const low = Math.max(from, piece.startFilePos);
        const high = Math.min(to, piece.endFilePos);
        if (low >= high) continue;
        const a = (low - piece.startFilePos) / piece.bpc;
        const b = (high - piece.startFilePos) / piece.bpc;
        piece.text = piece.text.slice(0, a) + [...piece.text.slice(a, b)].map(map).join('') + piece.text.slice(b);
    }
}

interface LibraryDocument extends WordDocument { _body: string }

class CorrectedWordOleExtractor extends (WordOleExtractor as unknown as new () => {
    _pieces: Piece[];
    _boundaries: { ccpText: number };
    writePieces(word: Buffer, table: Buffer): void;
    writeParagraphProperties(word: Buffer, table: Buffer): void;
    buildDocument(): LibraryDocument;
    extract(reader: unknown): Promise<WordDocument>;
}) {
    private layouts: ParagraphLayout[] = [];

    override writePieces(word: Buffer, table: Buffer): void {
        super.writePieces(word, table);
        for (const piece of this._pieces) if (piece.unicode) piece.text = mapSymbolPrivateUse(piece.text);
    }

    /** Replaces the library's method: see (1) and (2) above. */
    writeCharacterProperties(word: Buffer, table: Buffer): void {
        const fonts = fontNames(word, table);
        for (const { from, to, page, offset } of fkpRuns(word, table, 0x00fa, 1)) {
            if (!offset) continue;
            const grpprl = page.subarray(offset + 1, offset + 1 + page[offset]);
            for (const { sprm, operand } of propertiesOf(grpprl)) {
                if (sprm === SPRM_DELETED && (operand[0] & 1)) {
                    mapFileRange(this._pieces, from, to, () => '\x00');
                } else if (sprm === SPRM_SYMBOL && operand.length >= 4) {
                    const font = fonts[operand.readUInt16LE(0)] ?? '';
                    const code = operand.readUInt16LE(2);
                    const character = /^symbol$/i.test(font) ? symbolToUnicode(code) : String.fromCharCode(code);
                    mapFileRange(this._pieces, from, to, c => (c === '(' ? character : c));
                }
            }
        }
    }

    override writeParagraphProperties(word: Buffer, table: Buffer): void {
        super.writeParagraphProperties(word, table);
        this.layouts = paragraphLayouts(word, table, this._pieces, this._boundaries.ccpText);
    }

    /** The body with the numbers of (3) put in: the pieces' text cannot grow, so the body is rebuilt from them. */
    override buildDocument(): LibraryDocument {
        const document = super.buildDocument();
        if (this.layouts.length === 0) return document;
        const raw = this._pieces.map(p => p.text).join('').slice(0, this._boundaries.ccpText);
        const parts: string[] = [];
        let at = 0;
        for (const layout of this.layouts) {
            parts.push(raw.slice(at, layout.cp), layoutMarks(layout));
            at = layout.cp;
        }
        parts.push(raw.slice(at));
        document._body = clean(parts.join(''));
        return document;
    }
}

export interface WordDocument { getBody(): string; getHeaders(): string; getFooters(): string }

/** A Word 97 (OLE) file's text, as word-extractor's `extract` gives it, with the corrections above. */
export async function extractWord97(bytes: Buffer): Promise<WordDocument> {
    const reader = new (BufferReader as unknown as new (b: Buffer) => { open(): Promise<void> })(bytes);
    await reader.open();
    return new CorrectedWordOleExtractor().extract(reader);
}

/**
 * Readers for the Word forms of the WA list: Word 97+ `.doc` and `.docx` (through
 * word-extractor), and the plain-text conversions made with catdoc for the Word 6/95 files of
 * 1997 and 1998 (which Word 97 readers reject). All give paragraphs in the common layout of
 * source.ts, with the characters Word uses for layout normalised away.
 */
import * as l10n from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import WordExtractor from 'word-extractor';
import { ImportError } from './errors.js';
import { guardOleReader } from './ole-guard.js';
import { extractWord97 } from './word-ole-fixes.js';
import { ANY_MARK, INDENT_MARK, LIST_MARK } from './word-lists.js';
import type { SourceParagraph } from './source.js';

export interface WordText {
    body: string;
    /** Headers and footers: where the list id, the date and the part's running title are printed. */
    margins: string;
}

export async function readWordFile(file: string): Promise<WordText> {
    const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
        throw new ImportError(file, l10n.t('cannot read the file ({0})', e.code ?? e.message));
    });
    checkWordSignature(file, bytes);
    guardOleReader();
    try {
        // Word 97 files through the corrected reader (word-ole-fixes.ts); .docx as the library reads it.
        const document = isOle(bytes) ? await extractWord97(bytes) : await new WordExtractor().extract(bytes);
        return { body: document.getBody(), margins: `${document.getHeaders()}\n${document.getFooters()}` };
    } catch (e) {
        throw new ImportError(file, l10n.t('not a readable Word document ({0})', (e as Error).message));
    }
}

function isOle(bytes: Buffer): boolean {
    return bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
}

/** Word 97 files are OLE compound files; .docx files are zip archives. Anything else is refused before parsing. */
function checkWordSignature(file: string, bytes: Buffer): void {
    if (bytes.length === 0) throw new ImportError(file, l10n.t('the file is empty'));
    const ole = isOle(bytes);
    const zip = bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
    if (!ole && !zip) {
        const word6 = bytes.length >= 2 && bytes.readUInt16LE(0) === 0xa5dc;
        throw new ImportError(file, word6
            ? l10n.t('a Word 6/95 file, which this reader cannot open; convert it to text (catdoc -w -d utf-8) and import the .txt beside it')
            : l10n.t('not a Word document (no Word 97 or .docx signature)'));
    }
    if (ole && bytes.length < 512 * 3) throw new ImportError(file, l10n.t('the Word file is truncated'));
    if (ole) checkOleHeader(file, bytes);
}

/**
 * The OLE header's sizes must fit the file. word-extractor trusts them: a damaged count of
 * allocation-table sectors made it fill a sparse array of that size until V8 aborted the
 * process ("invalid table size"), so they are checked against the file's length first.
 */
function checkOleHeader(file: string, bytes: Buffer): void {
    const sectorShift = bytes.readUInt16LE(0x1e);
    const miniShift = bytes.readUInt16LE(0x20);
    if (sectorShift !== 9 && sectorShift !== 12) throw new ImportError(file, l10n.t('the Word file is damaged (sector size 2^{0} in its header)', sectorShift));
    if (miniShift !== 6) throw new ImportError(file, l10n.t('the Word file is damaged (mini sector size 2^{0} in its header)', miniShift));
    const sectors = Math.ceil(bytes.length / 2 ** sectorShift);
    const counts: Array<[string, number]> = [['allocation-table', bytes.readUInt32LE(0x2c)], ['mini allocation-table', bytes.readUInt32LE(0x40)], ['extra allocation-table', bytes.readUInt32LE(0x48)]];
    for (const [what, count] of counts) {
        if (count > sectors) throw new ImportError(file, l10n.t('the Word file is damaged (its header counts {0} {1} sectors in a file of {2})', count, what, sectors));
    }
}

export async function readTextFile(file: string): Promise<string> {
    const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
        throw new ImportError(file, l10n.t('cannot read the file ({0})', e.code ?? e.message));
    });
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new ImportError(file, l10n.t('not UTF-8 text'));
    }
}

/**
 * Splits extracted text into paragraphs, dropping blank ones, and normalises what Word uses for
 * layout: non-breaking spaces, the non-breaking hyphen (U+001E), optional hyphens (U+001F),
 * page and section breaks (form feed), field marks, carriage returns.
 */
export function toParagraphs(text: string, file: string): SourceParagraph[] {
    const paragraphs: SourceParagraph[] = [];
    const lines = normaliseWordText(text).split('\n');
    lines.forEach((line, index) => {
        const indent = INDENT_MARK.exec(line);
        if (indent) line = line.slice(indent[0].length);
        const list = LIST_MARK.exec(line);
        if (list) line = line.slice(list[0].length);
        // A paragraph inside a table cell follows the cell's tab: its number stays, its marks go.
        line = line.replace(ANY_MARK, '');
        if (line.trim() === '') return;
        const paragraph: SourceParagraph = { text: line.replace(/[ ]+$/, ''), where: `${file}, paragraph ${index + 1}` };
        if (list) paragraph.list = list[1];
        if (indent) paragraph.indent = { left: Number(indent[1]), first: Number(indent[2]) };
        paragraphs.push(paragraph);
    });
    return paragraphs;
}

/**
 * catdoc prints a Word 6/95 file's running headers and footers after its body: the rules, the
 * repeated titles ("DUAL-USE LIST - CATEGORY 1 - ADVANCED MATERIALS"), the list id and the footer
 * with its page field ("-  page \\* arabic 18  -\t03-12-98"). That trailing block is the part's
 * margins (where the edition date is read), not text of its last note or definition.
 */
export function splitCatdocMargins(text: string): { body: string; margins: string } {
    const lines = normaliseWordText(text).split('\n');
    let start = lines.length;
    const footer = (line: string) => /page \\{1,2}\* arabic/i.test(line);
    const margin = (line: string) => line.trim() === '' || /^[_\-=\s*]{5,}$/.test(line) || /^\s*WA[- ]LIST \(\d{2}\) \d+\s*$/.test(line)
        || footer(line) || (/^[^a-z]{4,120}$/.test(line.trim()) && /[A-Z]{4}/.test(line));
    while (start > 0 && margin(lines[start - 1])) start--;
    // Only a block that holds a footer is margins: a part that simply ends with a heading keeps it.
    const block = lines.slice(start);
    if (!block.some(footer)) return { body: text, margins: '' };
    return { body: lines.slice(0, start).join('\n'), margins: block.join('\n') };
}

export function normaliseWordText(text: string): string {
    // Word's control characters (page breaks, non-breaking hyphens, field marks) are what this
    // replaces, so the patterns name control characters on purpose.
    /* eslint-disable no-control-regex */
    return text
        .replace(/\r\n?/g, '\n')
        .replace(/[\f\v\u000b]/g, '\n')
        .replace(/[\u00a0\u2007\u202f]/g, ' ')
        .replace(/\u001e/g, '-')
        .replace(/[\u001f\u00ad\u200b\ufeff]/g, '')
        .replace(/[\u0001-\u0008\u000e-\u001d]/g, '');
    /* eslint-enable no-control-regex */
}

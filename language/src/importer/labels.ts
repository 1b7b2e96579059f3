/**
 * Codes and labels as the WA documents write them: a full code part by part (`3.\tA.\t1.\ta.`),
 * a label alone (`a.`, `12.`), and the order of labels (a, b, ... z, aa; 1, 2, ...).
 */
export const LABEL = /^([a-z]{1,2}|\d{1,3})\.?$/;
const CATEGORY_PART = /^(\d)\.?$/;
const GROUP_PART = /^([A-E])\.?$/;
const ML_PART = /^ML\s?(\d{1,2})\.?\*?$/;

export interface CodeLine {
    parts: string[];
    text: string;
}

/** `3.\tA.\t1.\ta.\tText` (also written `3.A.1.a.\tText`) or `ML8.\ta.\tText`. */
export function parseCodeLine(fields: string[]): CodeLine | undefined {
    const pieces: string[] = [];
    let index = 0;
    for (; index < fields.length; index++) {
        const field = fields[index];
        if (field === '') continue;
        // The entry number sometimes lacks its dot ("6.\tA.\t2\tb." in 1997-2007 for 6.A.2.b and c).
        const split = pieces.length === 2 && /^\d{1,3}$/.test(field) ? [field] : splitCodeField(field, pieces.length === 0);
        if (!split) break;
        pieces.push(...split);
    }
    if (pieces.length === 0) return undefined;
    const ml = ML_PART.exec(pieces[0]);
    if (!ml && !(CATEGORY_PART.test(pieces[0]) && pieces.length >= 2 && GROUP_PART.test(pieces[1]))) return undefined;
    const parts = ml ? [`ML${Number(ml[1])}`, ...pieces.slice(1)] : pieces.map(p => p.replace(/\.$/, ''));
    if (parts.slice(ml ? 1 : 2).some(p => !LABEL.test(p))) return undefined;
    return { parts: parts.map(p => p.replace(/\.$/, '')), text: fields.slice(index).filter(f => f !== '').join(' ') };
}

/** One tab-separated field of a code: `3.`, `A.`, `12.`, `ab.`, `ML8.`, or a dotted run `3.A.1.a.`. */
function splitCodeField(field: string, first: boolean): string[] | undefined {
    if (first && ML_PART.test(field)) return [field];
    // "b ." with a space before its dot (5.A.1.b.5, 1997) is "b.".
    if (/^[0-9A-Za-z]{1,3} ?\.$/.test(field)) return [field.slice(0, -1).trim()];
    // "ML 7. i." with a space after ML (2003) is ML7.i as "ML7.i." is.
    if (/^(\d|ML\s?\d{1,2})(\.\s?[0-9A-Za-z]{1,3})+\.?$/.test(field)) return field.replace(/\.$/, '').split('.').map(p => p.trim());
    // Two parts in one field, as "A. 11." in "9.\tA. 11.\tRamjet..." (1997-2000).
    if (!first && /^[0-9A-Za-z]{1,3}\.(\s?[0-9A-Za-z]{1,3}\.)+$/.test(field)) return field.replace(/\.$/, '').split('.').map(p => p.trim());
    return undefined;
}

export function isLetterLabel(label: string): boolean {
    return /^[a-z]+$/.test(label);
}

export function nextLabel(label: string): string {
    if (/^\d+$/.test(label)) return String(Number(label) + 1);
    const index = labelIndex(label) + 1;
    return index <= 26 ? String.fromCharCode(96 + index) : String.fromCharCode(96 + Math.floor((index - 1) / 26)) + String.fromCharCode(97 + ((index - 1) % 26));
}

export function isSuccessor(previous: string, next: string): boolean {
    if (/^\d+$/.test(previous) && /^\d+$/.test(next)) return Number(next) === Number(previous) + 1;
    if (isLetterLabel(previous) && isLetterLabel(next)) return labelIndex(next) === labelIndex(previous) + 1;
    return false;
}

/** a=1 ... z=26, aa=27: the order WA uses after z. */
function labelIndex(label: string): number {
    return label.length === 1 ? label.charCodeAt(0) - 96 : 26 * (label.charCodeAt(0) - 96) + label.charCodeAt(1) - 96;
}


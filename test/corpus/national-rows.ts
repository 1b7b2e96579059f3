/**
 * Real national lists as a drafter's spreadsheet holds them, one row per code (code, text, notes),
 * from the reference datasets in ../shared/data: the EU's Annex I and the US Commerce Control List.
 * Used by the corpus tests and by scripts/make-eu-example.mts; the datasets are read in place.
 */
import { readFileSync } from 'node:fs';

export interface NationalRow {
    code: string;
    text: string;
    notes: string;
}

const NOTE = /^(Notes?\b|N\.B\.|Technical Notes?\b|For the purposes? of\b)/;

/**
 * The EU's Annex I, from the dataset's lines "3B001.f.1.a A light source wavelength ...". Two quirks
 * of the dataset are read as the Official Journal prints them: 1C010.e's sub-items written 1C010.1
 * and 1C010.1.2; and the four numbered paragraphs of 9A004.f.2's Technical Note, written as items
 * 9A004.f.2.1 to .4, stay in that note.
 */
export function euRows(file: string): NationalRow[] {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { entries: Array<{ verbatim_text: string }> };
    const rows: NationalRow[] = [];
    const byCode = new Map<string, NationalRow>();
    const addNote = (row: NationalRow, text: string) => { row.notes = row.notes ? `${row.notes}\n${text}` : text; };
    for (const entry of json.entries) {
        for (const line of entry.verbatim_text.split('\n')) {
            const match = /^(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)\s+(.*)$/.exec(line.trim());
            if (!match) continue;
            const code = match[1].replace(/^1C010\.1\.2(?=\.|$)/, '1C010.e.2').replace(/^1C010\.1(?=\.|$)/, '1C010.e.1');
            const rest = match[2];
            const noteParagraph = /^9A004\.f\.2\.\d$/.test(code) ? byCode.get('9A004.f.2') : undefined;
            const row = byCode.get(code);
            if (noteParagraph) addNote(noteParagraph, `${code.slice(-1)}. ${rest}`);
            else if (NOTE.test(rest)) { if (row) addNote(row, rest); }
            else if (row) row.text += ` ${rest}`;
            else {
                const created = { code, text: rest, notes: '' };
                byCode.set(code, created);
                rows.push(created);
            }
        }
    }
    return rows;
}

/**
 * The US Commerce Control List's categories with full paragraph text (1, 3, 4 and 5): a row for each
 * ECCN (its heading) and each lettered or numbered paragraph of its items. The dataset gives the
 * paragraphs of notes as items too ("1A002 does not control ... having all of the following:" then
 * a., b., c.); a paragraph is an item of the list where it can come next (a first sub-item of
 * the last item, or a later sibling of it or of one of its parents; outside a note, any later
 * code, the dataset having lost a paragraph here and there) and does not go on a note's run of
 * paragraphs; the rest, and the unnumbered text, are notes of the row above them. Where the
 * items start again at a. with no note between (1A008, 4A003, 4A994), the first run was the
 * entry's preamble and becomes the heading's notes. Entries are put in code order (the dataset has
 * Category 5 Part 2 after Part 1).
 */
export function usRows(file: string): NationalRow[] {
    const json = JSON.parse(readFileSync(file, 'utf8')) as UsDataset;
    const deep = new Set(json.deepCategories);
    const rows: NationalRow[] = [];
    // The dataset has Category 5 Part 2 after Part 1 (5A002 after 5E991); a list is in code order.
    const entries = json.entries.filter(e => deep.has(e.category)).sort((a, b) => a.eccn.localeCompare(b.eccn));
    for (const entry of entries) {
        // Three headings run on into the entry's "License Requirements" (0D606, 2B351, 3E001).
        const head: NationalRow = { code: entry.eccn, text: (entry.heading ?? '').replace(/\s*\.?\s*License Requirements\b[\s\S]*$/, '.'), notes: '' };
        let items: NationalRow[] = [];
        let last = head;
        let noteRun: string[] | undefined; // the labels of the last paragraph of a note, while in a note
        let previousKind: string | undefined;
        const addNote = (row: NationalRow, text: string) => { row.notes = row.notes ? `${row.notes}\n${text}` : text; };
        for (const item of entry.items ?? []) {
            const labels = item.kind === 'item' && item.paragraph ? item.paragraph.split('.') : undefined;
            if (labels && noteRun === undefined && previousKind === 'item' && item.paragraph === 'a' && items.length > 0 && !canFollow(labelsOf(last, entry.eccn), labels)) {
                for (const row of items) addNote(head, `${row.code.slice(entry.eccn.length + 1)}. ${row.text}`);
                items = [];
                last = head;
            }
            // Outside a note, the dataset has lost a paragraph here and there (1C004.a, 1E002.a, 5A001.b.1's
            // lead-in): a later code is an item still, and a lost parent an item without text.
            const lastLabels = labelsOf(last, entry.eccn);
            const real = labels !== undefined && (canFollow(lastLabels, labels) || (noteRun === undefined && comesAfter(lastLabels, labels))) && !(noteRun && continues(noteRun, labels));
            if (real) {
                for (let depth = 1; depth < labels.length; depth++) {
                    const parent = `${entry.eccn}.${labels.slice(0, depth).join('.')}`;
                    if (!items.some(row => row.code === parent)) items.push({ code: parent, text: '', notes: '' });
                }
                last = { code: `${entry.eccn}.${item.paragraph}`, text: item.text, notes: '' };
                items.push(last);
                noteRun = undefined;
            } else {
                addNote(last, item.paragraph ? `${item.paragraph}. ${item.text}` : item.text);
                // Only a text that opens a list ("... having all of the following:") starts a note's run
                // of paragraphs; a numbered note paragraph stays in it.
                if (labels) noteRun = noteRun ? labels : undefined;
                else if (item.kind !== 'note') noteRun = /:\s*$/.test(item.text) ? [] : undefined;
            }
            previousKind = item.kind;
        }
        rows.push(head, ...items);
    }
    return rows;
}

function labelsOf(row: NationalRow, eccn: string): string[] {
    return row.code === eccn ? [] : row.code.slice(eccn.length + 1).split('.');
}

/** Whether `next` can follow `last` in a list: its first sub-item, or a later label at its level or a level above. */
function canFollow(last: string[], next: string[]): boolean {
    if (next.length === last.length + 1 && last.every((l, i) => l === next[i]) && /^(a|1)$/.test(next[next.length - 1])) return true;
    if (next.length === 0 || next.length > last.length) return false;
    const level = next.length - 1;
    return next.slice(0, level).every((l, i) => l === last[i]) && compareLabel(next[level], last[level]) > 0;
}

/** Whether `next` comes after `last` in code order: deeper below it, or later at a level they share. */
function comesAfter(last: string[], next: string[]): boolean {
    const differ = last.findIndex((label, i) => label !== next[i]);
    if (differ < 0) return next.length > last.length;
    return differ < next.length && compareLabel(next[differ], last[differ]) > 0;
}

/** Whether `next` goes on a note's run of paragraphs that ended with `run`: a sub-paragraph of it, or a later one beside it. */
function continues(run: string[], next: string[]): boolean {
    if (run.length === 0) return /^(a|1)$/.test(next[next.length - 1]) && next.length === 1;
    return canFollow(run, next);
}

function compareLabel(a: string, b: string): number {
    const number = /^\d+$/;
    if (number.test(a) && number.test(b)) return Number(a) - Number(b);
    return a.length - b.length || a.localeCompare(b);
}

interface UsDataset {
    deepCategories: string[];
    entries: Array<{ eccn: string; category: string; heading?: string; items?: Array<{ paragraph: string | null; kind: string; text: string }> }>;
}

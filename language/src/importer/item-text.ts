/**
 * An item as the item tree builder (structure.ts) makes it, and the text its lines give it: "Not
 * used since 2015" and the old "Deleted" reserve a label, "d. OPTICS - None" keeps a heading, and
 * a line broken by hand goes on with the text before it.
 */
import type { ItemModel } from './model.js';

const NOT_USED = /^Not used(?: since (?:[A-Za-z]+ )?(\d{4}))?\.?$/i;
/** The old editions' way of withdrawing a label: "Deleted", "Deleted (transferred to 1.C.11.d.)". */
const NONE_HEADING = /^[A-Z][A-Z ,&/]+ [-–] None\.?$/;
const DELETED = /^Deleted(?:\s*\((?:transferred|moved) to [^)]+\))?[.;]?$/i;

let itemsCreated = 0;

/** How many items the builders have made so far (note runs compare it to tell whether an item came between two notes). */
export function itemsCreatedSoFar(): number {
    return itemsCreated;
}

export function newItem(code: string, label: string, where: string): ItemModel {
    itemsCreated++;
    return { label, code, tiers: [], thresholds: [], notes: [], children: [], where };
}

/**
 * Applies the text of a code line or label line to an item: "Not used since 2015" and the old
 * "Deleted" make it reserved (a "transferred to X" is kept as a note, which the diff follows).
 */
export function setItemText(item: ItemModel, text: string): void {
    const notUsed = NOT_USED.exec(text.trim());
    if (notUsed) {
        if (notUsed[1]) item.reservedSince = Number(notUsed[1]);
        else item.reserved = true;
        return;
    }
    if (!item.text && DELETED.test(text.trim())) {
        item.reserved = true;
        if (/\bto\b/.test(text)) item.notes.push({ kind: 'note', text: text.trim() });
        return;
    }
    // "d. OPTICS - None" (6.D.3, 6.E.3): a heading kept for a subject with nothing under it; the
    // label controls nothing until an edition gives it an item (6.D.3.d in 2014).
    if (!item.text && NONE_HEADING.test(text.trim())) {
        item.reserved = true;
        item.notes.push({ kind: 'note', text: text.trim() });
        return;
    }
    item.text = item.text ? `${item.text} ${text}` : text;
}

/** A line broken by a manual line break goes on mid-sentence: the text before has no closing punctuation, or the line starts in lower case. */
export function continuesText(before: string, line: string): boolean {
    // "... phosphonites, such as:" then "QL: O-Ethyl-2-di-isopropylaminoethyl methylphosphonite": the
    // examples are the item's own text (ML7, 1997-2008), not a note.
    return !/[.;:]\s*$/.test(before) || /^[a-z(]/.test(line) || /\b(?:such as|including|e\.g\.|for example)\s*:\s*$/i.test(before);
}

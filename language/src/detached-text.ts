/**
 * A copy of a piece of a text that does not hold on to the whole.
 *
 * V8 keeps a substring of 13 characters or more as a pointer into the string it was cut from. A
 * string that outlives an edit (a reparsed block's texts and names, a term found in a text and
 * cached with its node) must not be cut from that version's whole document, or it keeps every
 * such version alive: one copy of the list per keystroke, 1.5 GB after a hundred keys in a list
 * ten times a WA edition. The copy is exact (JSON keeps lone surrogates).
 */
export function detached(part: string): string {
    return JSON.parse(JSON.stringify(part)) as string;
}

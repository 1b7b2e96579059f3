import type { FlatItem } from '../model/flat-items.js';
import { isReserved, matchKey } from './match-keys.js';

/*
 * What a withdrawn item's notes say of where its contents went ("moved to", "transferred to",
 * "previously specified by ... see ..."): rule 1 of the matcher pairs by it, and the diff says it.
 */

/** "Entry moved to 6.A.2.a.1.d. in 2008", "moved to 5A002.a", "Deleted (transferred to 1.C.11.d.)": the code, in WA form. */
export function movedTo(item: FlatItem): string | undefined {
    const target = statedMove(item);
    return target === undefined ? undefined : matchKey(target);
}

/** Where a withdrawn item's note says its contents went, the code as the note writes it. */
export function statedMove(item: FlatItem): string | undefined {
    const own = matchKey(item.code);
    const code = (text: string) => text.replace(/\.$/, '');
    for (const note of item.notes) {
        const moved = new RegExp(String.raw`\b(?:moved|transferred) to (${CODE})`, 'i').exec(note.text);
        if (moved) return code(moved[1]);
        // "For items previously specified by 1.C.7.d. see 1.C.7.c.2." on the withdrawn 1.C.7.d.
        const see = new RegExp(String.raw`\bpreviously specified (?:by|in) (${CODE})\.?,? see (${CODE})`, 'i').exec(note.text);
        if (see && matchKey(code(see[1])) === own) return code(see[2]);
        // "See 5.D.2.b. for items formerly specified in 5.D.2.d." on the withdrawn 5.D.2.d.
        const seeFor = new RegExp(String.raw`\bsee (${CODE}) for items (?:formerly|previously) specified (?:by|in) (${CODE})`, 'i').exec(note.text);
        if (seeFor && matchKey(code(seeFor[2])) === own) return code(seeFor[1]);
        // "Not used since 2010" with "N.B. For adjustable flow path geometry, see 9.E.3.i." (9.E.3.a.10):
        // on a withdrawn label, where its subject is now.
        const forSubject = isReserved(item) ? new RegExp(String.raw`^For [^.;:]{3,80}, see (${CODE})\.?$`, 'i').exec(note.text.trim()) : null;
        if (forSubject) return code(forSubject[1]);
    }
    return undefined;
}

/** A code in a note: 1.C.7.c.2, 5A002.a, ML22.b.3 (a trailing full stop is the sentence's). */
const CODE = String.raw`(?:ML\d{1,2}|\d\.?[A-E]\.?\d{1,3})(?:\.[0-9a-z]{1,3})*\.?`;

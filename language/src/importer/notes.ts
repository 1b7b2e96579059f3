/**
 * Notes as the WA documents write them: where one starts (`Note 2`, `N.B.`, `Technical Note`),
 * whether it takes something out of control, whether it continues one from the page before,
 * which items its first words name, and whether a label line continues its own list.
 */
import type { NoteKind, NoteModel } from './model.js';
import { isLetterLabel, isSuccessor } from './labels.js';
import { cleanFields } from './source.js';

export interface ParsedNote {
    kind: NoteKind;
    text: string;
    /** The note's heading as written, normalised: "Note 2", "Technical Notes". */
    heading: string;
}

/** `Note`, `Note 2`, `Notes:`, `N.B.`, `Technical Note`, `Technical Notes 1`, ... at the start of a paragraph. */
export function parseNoteStart(text: string): ParsedNote | undefined {
    const trimmed = text.replace(/^[\t ]+/, '');
    const nb = /^N\.\s?B\.?\s?\d*\.?\s*:?(?=\t|\s|$)/.exec(trimmed);
    if (nb) return { kind: 'nb', text: cleanFields(trimmed.slice(nb[0].length)), heading: headingOf(nb[0]) };
    const technical = /^Techni(?:c)?al\s+Notes?(?:\s+\d+)?\s*:?(?=\t|\s|$)/i.exec(trimmed);
    // "Technial Note" (ML10.f, 2013): a misprint of the same heading.
    if (technical) return { kind: 'technical-note', text: cleanFields(trimmed.slice(technical[0].length)), heading: headingOf(technical[0]).replace(/^Technial/i, 'Technical') };
    // "Note 1∗": a footnote mark after the number (ML8's Note 1, 2017).
    const note = /^(?:Notes?|NOTES?)(?:\s*\d+)?[*∗]?\s*:?(?=\t|$)|^(?:Notes?|NOTES?)(?:\s+\d+)?[*∗]?\s*:\s|^(?:Notes?)\s+\d+[*∗]?\s+/.exec(trimmed);
    if (note) {
        const rest = cleanFields(trimmed.slice(note[0].length));
        return { kind: isDecontrol(rest) ? 'decontrol-note' : 'note', text: rest, heading: headingOf(note[0]) };
    }
    // A continuation header written with spaces after a code ("5. A. 2. Note a. cont.", 2011).
    const continued = /^(Notes?(?:\s+\d+)?)\s+((?:[a-z0-9]{1,2}\.\s+)?(?:contd|cont|continued)\.?)$/.exec(trimmed);
    if (continued) return { kind: 'note', text: continued[2], heading: headingOf(continued[1]) };
    return undefined;
}

function headingOf(head: string): string {
    return head.replace(/[*∗]/g, '').replace(/[\s:]+/g, ' ').trim();
}

/** "Note 2 cont." or "Note 3 to 6.A.3.b.4.b. cont." at the top of a page: the note goes on. */
export function isContinuation(note: ParsedNote): boolean {
    // "Note a. cont.": the note goes on inside its list item a.
    // "Technical Notes (cont.)" (3.A.1.e.1, 2016): in brackets too.
    return /^(?:to\s+\S+\s+|[a-z0-9]{1,2}\.\s+)?(?:contd|cont|continued)\.?$|^\((?:contd|cont|continued)\.?\)$/i.test(note.text);
}

const CODE_PREFIX = String.raw`(?:(?:ML\s?\d+|\d\.\s?[A-E]\.\s?\d+)(?:\.\s?[a-z0-9]+)*\.?\s+)`;
const CONTINUED = String.raw`(?:contd|cont|continued)\.?`;

/**
 * A running header at the top of a page that says what goes on: "ML8.a. contd.", "ML18. Note 2.
 * contd.", "Notes contd". It is not text of any item or note: a header naming a note is the
 * note going on (returned as "Note 2 cont."); any other is dropped (returned as '').
 * undefined for every other paragraph.
 */
export function pageContinuation(text: string): string | undefined {
    const note = new RegExp(String.raw`^${CODE_PREFIX}?((?:Technical\s+)?Notes?(?:\s*\d+)?)\.?\s+(?:to\s+\S+\s+)?${CONTINUED}$`, 'i').exec(text);
    if (note) return `${note[1]} cont.`;
    // Other running headers: "Category 5 - Part 2 cont." (2013-2014), 'List - "explosives" cont.' (ML8's list, 2008-2019).
    if (new RegExp(String.raw`^(?:Category\s+\d+(?:\s*-\s*Part\s+\d)?|List\s*-\s*"[^"]{1,40}")\s+${CONTINUED}$`, 'i').test(text)) return '';
    // A sentence of a Technical Note repeated at the top of a page: "Processes specified in Column 1 of the Table - continued:" (2.E.3.f).
    if (new RegExp(String.raw`^[A-Z][^.;:]{5,80}\s[-–]\s${CONTINUED}:?$`).test(text)) return '';
    return new RegExp(String.raw`^${CODE_PREFIX}?${CONTINUED}$`, 'i').test(text) ? '' : undefined;
}

/** WA notes that take things out of control say so in a few fixed ways. */
function isDecontrol(text: string): boolean {
    return /\b(does|do) not (apply to|control)\b/i.test(text.slice(0, 200));
}

/**
 * Whether `label` continues the note's own list. The list may nest (a. 1. a. ... 2. b.), so
 * its lines are replayed keeping the last label of each open level.
 */
export function noteListHasPredecessor(note: NoteModel, label: string): boolean {
    const levels: string[] = [];
    for (const line of note.text.split('\n')) {
        const current = /^([a-z]{1,2}|\d{1,3})\.\s/.exec(line)?.[1];
        if (current === undefined) continue;
        let level = levels.length - 1;
        while (level >= 0 && !isSuccessor(levels[level], current)) level--;
        if (level >= 0) levels.splice(level, levels.length, current);
        else if (current === 'a' || current === '1') levels.push(current);
    }
    return levels.some(last => isSuccessor(last, label));
}

// Labels after a space are numbers only, so that ". and" or ". or" is not read as a label.
const CODE = String.raw`(?:ML\s?\d{1,2}|\d\.\s?[A-E])(?:\.\s?\d{1,3}|\.[a-z]{1,2})*\.?`;
/** A bare label after a code stands for that code with its last label replaced ("ML13.c. and d."). */
const BARE_LABEL = String.raw`(?:[a-z]{1,2}|\d{1,3})\.`;
const NAMED_CODES = new RegExp(String.raw`^(?:(?:For the purposes? of|The controls? (?:in|of|specified (?:in|by))|The parameters of|The status of (?:items|equipment)? ?(?:in|specified (?:in|by))|Note(?: \d+)? to|In|['‘"“][^'’"”]{2,80}['’"”],? (?:as used in|used in|in))\s+)?(${CODE}(?:(?:,\s*|,?\s+(?:and|or)\s+)(?:${CODE}|${BARE_LABEL}))*)(?=[\s,:])`, 'i');

/**
 * The full codes a note names in its first words, in the forms the WA notes use ("3.A.1.a.1.c.
 * does not apply", "For the purposes of 6.C.2.b.1.", "'Able to be modified' in 6.A.1.a.2.b. means").
 */
export function namedCodes(text: string): string[] {
    const match = NAMED_CODES.exec(text.trim());
    if (!match) return [];
    const codes: string[] = [];
    for (const piece of match[1].split(/,\s*|\s+(?:and|or)\s+/).map(code => code.replace(/\s/g, '').replace(/\.$/, '')).filter(code => code !== '')) {
        const previous = codes[codes.length - 1];
        if (!/^(?:[a-z]{1,2}|\d{1,3})$/i.test(piece)) codes.push(piece);
        // "ML7.e.1. and 2.": the label takes the place of the last one, of the same kind.
        else if (previous && /^\d+$/.test(piece) === /^\d+$/.test(previous.slice(previous.lastIndexOf('.') + 1))) codes.push(`${previous.slice(0, previous.lastIndexOf('.'))}.${piece}`);
    }
    return codes;
}


/** Every distinct full code written in the text, without its final dot. */
export function mentionedCodes(text: string): string[] {
    // An item named as what other goods are not ("other equipment not specified by 6.A.1.") is not
    // what the note speaks of; "described in, but not controlled by 5.A.1.b.3." still is.
    const spoken = text.replace(new RegExp(String.raw`(?<!\bbut )\bnot (?:specified|controlled) (?:by|in) ${CODE}`, 'g'), '');
    return [...new Set([...spoken.matchAll(new RegExp(CODE, 'g'))].map(m => m[0].replace(/\s/g, '').replace(/\.$/, '')))];
}

/** A note's first sentence: where it says what it is about. */
export function firstSentence(text: string): string {
    return text.split(/\.\s+(?=[A-Z])/)[0];
}

/** Whether the note's text introduces a list this label starts: it ends with ':', or "the following" with ';' or no stop. */
export function noteIntroducesList(noteText: string, label: string): boolean {
    // "... having all of the following;" (1.C.10.e Note 2, 2009) introduces its list as ':' does,
    // and so does "ML7.a. includes the following" with no stop at all (ML7 Note 1, 1999-2002).
    return /(?::|\bfollowing\s*;?)\s*$/.test(noteText) && (label === 'a' || label === '1');
}

/**
 * The note runs a list this label continues, or opens a list inside its last list line: "a.
 * Epoxy ... having all of the following;" then "1. An area ..." (1.C.10.e Note 2, 2009-2021,
 * where the line ends with ';' instead of ':').
 */
export function noteRunsList(noteText: string, label: string): boolean {
    const lastLine = noteText.slice(noteText.lastIndexOf('\n') + 1);
    // A line may begin with two labels, "4. a. The loss in weight ..." (1.C.6.a, 2012): the next
    // line goes on with either list.
    const labels = /^(?:(?:[a-z]{1,2}|\d{1,3})\.\s+)+/.exec(lastLine)?.[0].trim().split(/\.\s*/).filter(l => l !== '') ?? [];
    const previous = labels[labels.length - 1];
    if (previous === undefined) return false;
    const introduces = /\b(?:following|as follows|including)\s*[;:,]?\s*$/i.test(lastLine);
    const opensSublist = introduces && (label === '1' || label === 'a') && isLetterLabel(previous) !== isLetterLabel(label);
    return labels.some(l => isSuccessor(l, label)) || opensSublist;
}

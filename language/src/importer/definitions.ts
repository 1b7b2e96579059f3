/**
 * The DEF part: the edition's defined terms. Each definition opens with a line naming where the
 * term is used and the term in quotes (`Cat 2, 3,\t"Accuracy"`); the places may continue on the
 * next lines (`6, 7, 8\t(Usually measured ...`), and the definition runs until the next term.
 * Notes inside a definition (N.B., Technical Note) stay in its text.
 */
import type { DefinitionModel, NoteModel } from './model.js';
import type { SourceParagraph } from './source.js';
import { parseNoteStart } from './notes.js';
import { cleanFields } from './source.js';

/** Where a term is used: `Cat 2, 3,`, `ML8, 18`, `5P2`, `GTN &`, `Both Lists`, spread over lines. */
const USED_IN = /^(?:(?:Cat(?:egory)?|ML|GTN|GSN|GENERAL|Both|All|Lists?|\d{1,2}(?:\s*P\d)?|P\d)\.?\s*(?:,|&|\band\b)?\s*)+$/i;
/**
 * A term heading: `"Accuracy"`, `"Bias" (gyro)`, `"Circular Error Probable" ("CEP")`,
 * `"Data-Based Referenced Navigation" ("DBRN") Systems`, `"Pyrotechnic(s)"`.
 */
const TERM = /^"([^"]+)"(?:\s*\(\s*"([^"]+)"\s*\))?(?:\s*(\([^()"]*\)))?(?:\s+([A-Za-z][\w-]*))?\s*$/;

export interface DefinitionsPart {
    definitions: DefinitionModel[];
    notes: NoteModel[];
}

export function parseDefinitions(paragraphs: SourceParagraph[]): DefinitionsPart {
    const definitions: DefinitionModel[] = [];
    const notes: NoteModel[] = [];
    let current: DefinitionModel | undefined;
    /** Each definition's places as the document writes them, over its lines. */
    const places = new Map<DefinitionModel, string>();
    for (const paragraph of paragraphs) {
        // '"Robot" contd.' at the top of a page: the definition goes on; the header is no text.
        // '"Robot" Note cont.' (2013) continues the definition's note the same way.
        // With the places before it ('ML 7<tab>"Biopolymers" cont.', 2014-2015), or the note alone ("Note cont.", 2017-2019).
        if (/^(?:[^"]{0,12}\s)?(?:"[^"]{1,80}"\s*(?:(?:Technical\s+)?Notes?\s*\d*\s*)?|(?:Technical\s+)?Notes?\s*\d*\s+)(?:contd|cont|continued)\.?$/i.test(cleanFields(paragraph.text))) continue;
        const fields = headingFields(paragraph.text);
        const termAt = fields.findIndex(f => TERM.test(f));
        const before = fields.slice(0, Math.max(termAt, 0)).filter(f => f !== '');
        if (termAt >= 0 && before.every(f => USED_IN.test(f))) {
            const [, quoted, acronym, qualifier, trailing] = TERM.exec(fields[termAt])!;
            // '"Interleaved Analogue-to-Digital Converter (ADC)"': the acronym inside the quotes
            // is defined as well, as it is beside them.
            const inside = /^(.*?)\s*\(([A-Z][A-Za-z0-9-]{1,10})\)$/.exec(quoted.trim());
            const written = inside ? inside[1] : quoted;
            // Inside the quotes the acronym abbreviates only part of the term (two terms share "ADC"):
            // the short form the texts quote is defined instead ("Interleaved ADC").
            const shortForm = inside ? abbreviated(written.trim(), inside[2]) ?? inside[2] : undefined;
            const term = written.trim().replace(/\(s\)$/, '');
            const usedIn = canonicalUsedIn(before.join(' '));
            // "Bias" (accelerometer) and "Bias" (gyro): one term, each meaning under its qualifier.
            const existing = definitions.find(d => d.term.toLowerCase() === term.toLowerCase());
            current = existing ?? { term, text: '', usedIn };
            if (!existing) definitions.push(current);
            places.set(current, `${places.get(current) ?? ''} ${before.join(' ')}`);
            const heading = [qualifier, trailing].filter(Boolean).join(' ');
            if (existing || heading) appendText(current, heading, existing !== undefined);
            appendText(current, fields.slice(termAt + 1).filter(f => f !== '').join(' '));
            if (acronym) definitions.push({ term: acronym.trim(), text: `Short for "${term}".`, usedIn, shortFor: term });
            if (shortForm) definitions.push({ term: shortForm, text: `Short for "${term}".`, usedIn, shortFor: term });
            continue;
        }
        if (!current) {
            const note = parseNoteStart(paragraph.text);
            if (note) notes.push({ kind: note.kind, text: note.text });
            else if (notes.length > 0 && !isHeading(paragraph.text)) notes[notes.length - 1].text += `\n${cleanFields(paragraph.text)}`;
            else if (!isHeading(paragraph.text)) notes.push({ kind: 'note', text: cleanFields(paragraph.text) });
            continue;
        }
        const rest = [...fields];
        while (rest.length > 0 && (rest[0] === '' || continuesPlaces(rest[0], rest.length, places.get(current) ?? ''))) {
            const place = rest.shift()!;
            if (place === '') continue;
            places.set(current, `${places.get(current) ?? ''} ${place}`);
            current.usedIn = canonicalUsedIn(places.get(current)!);
        }
        appendText(current, rest.join('\t'), true);
    }
    return { definitions, notes };
}

/**
 * Whether the first field of a definition's line goes on with its places: "6, 7" or "ML8" before
 * the text, "Cat 9" alone on the definition's last line, "Lists" after "Both" ("GTN / Both /
 * Lists", 2003 "Development"). `fields`: how many fields the line has.
 */
function continuesPlaces(field: string, fields: number, placesSoFar: string): boolean {
    if (!USED_IN.test(field)) return false;
    if (/^Lists?$/i.test(field)) return /\bBoth\s*$/i.test(placesSoFar);
    // "1." after places that do not go on ("Cat 5P2") numbers a Technical Note's paragraph ("Personal area network", 2019).
    if (/^\d{1,2}\.$/.test(field) && !/[,&]\s*$/.test(placesSoFar)) return false;
    if (!/\d|GTN|GSN|Both|All/i.test(field)) return false;
    return fields > 1 || /^(?:Cat|ML)/i.test(field);
}

/**
 * The tab-separated fields of a line, with a place and a term that a page break left in one field
 * (`Cat 6 "Charge multiplication"` at the top of a PDF page) split apart.
 */
function headingFields(text: string): string[] {
    return text.split('\t').map(f => f.trim()).flatMap(field => {
        const joined = /^([^"]+?)\s+(".*)$/.exec(field);
        return joined && USED_IN.test(joined[1]) && TERM.test(joined[2]) ? [joined[1], joined[2]] : [field];
    });
}

/**
 * The term with its last words written as the acronym they spell: "Interleaved Analogue-to-Digital
 * Converter" with (ADC) is "Interleaved ADC", the form the category texts quote.
 */
function abbreviated(term: string, acronym: string): string | undefined {
    const words = term.split(/\s+/);
    for (let start = 1; start < words.length; start++) {
        if (!words[start].startsWith(acronym[0])) continue;
        const initials = words.slice(start).flatMap(w => w.split('-')).filter(w => /^[A-Z]/.test(w)).map(w => w[0]).join('');
        if (initials === acronym) return [...words.slice(0, start), acronym].join(' ');
    }
    return undefined;
}

function appendText(definition: DefinitionModel, text: string, newParagraph = false): void {
    const clean = cleanFields(text);
    if (clean === '') return;
    if (definition.text === '') definition.text = clean;
    else definition.text += (newParagraph ? '\n' : ' ') + clean;
}

function isHeading(text: string): boolean {
    const clean = cleanFields(text);
    return clean === clean.toUpperCase() && /[A-Z]{4}/.test(clean);
}

/**
 * Where a term is used, in one spelling whatever the line breaks of the document: "Cat 2, 3, 6,
 * ML8, ML18, GTN". The DEF part writes `ML8, 18` for ML8 and ML18, and wraps the list anywhere.
 */
export function canonicalUsedIn(raw: string): string | undefined {
    const words: string[] = [];
    const categories: string[] = [];
    const munitions: string[] = [];
    let mode: 'cat' | 'ml' = 'cat';
    for (const token of raw.match(/Cat(?:egory)?|ML\d{0,2}|GTN|GSN|GENERAL|Both Lists|All|\d{1,2}(?:\s*P\d)?|P\d/gi) ?? []) {
        if (/^cat/i.test(token)) mode = 'cat';
        else if (/^ML/i.test(token)) {
            mode = 'ml';
            if (token.length > 2) munitions.push(`ML${Number(token.slice(2))}`);
        } else if (/^\d/.test(token)) (mode === 'ml' ? munitions : categories).push(mode === 'ml' ? `ML${Number(token)}` : token.replace(/\s+/g, ''));
        else words.push(/^both/i.test(token) ? 'Both Lists' : token.toUpperCase() === 'ALL' ? 'All' : token.toUpperCase());
    }
    const unique = (list: string[]) => [...new Set(list)];
    const parts = [...(categories.length > 0 ? [`Cat ${unique(categories).join(', ')}`] : []), ...unique(munitions), ...unique(words)];
    return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * The Sensitive List and Very Sensitive List parts: lists of codes of the dual-use list, by
 * category, each with an (often abbreviated) text. They become tiers on the items they name.
 * Where an entry of these lists carries conditions of its own (sub-lines, or text that is not
 * an abbreviation of the item's), its text is kept as a note on the item.
 */
import type { ImportWarning, ItemModel, TierName } from './model.js';
import type { SourceParagraph } from './source.js';
import { cleanFields } from './source.js';

export interface TierListEntry {
    codes: string[];
    text: string;
    /** Lines below the code line: the list's own sub-items. */
    detail: string[];
    where: string;
}

const FULL_CODE = /^\d\.[A-E]\.\d+(?:\.(?:[a-z]{1,2}|\d{1,3}))*$/;
const RELATIVE_LABEL = /^(?:[a-z]{1,2}|\d{1,3})(?:\.(?:[a-z]{1,2}|\d{1,3}))*$/;
const SEPARATOR = /\s*(,\s*and\b|,\s*or\b|&|,|\band\b|\bor\b|\bto\b)\s*/;

/**
 * The codes of a tier-list code field, or undefined when the field is not one. The lists write
 * "3.A.1.a.1.", "5.A.2.a. & b.", "7.D.4.a. to d. & g." and "7.D.4.a. to 7.D.4.d.": a bare label
 * replaces the last parts of the code before it, and "to" spans a range of sibling labels.
 */
export function parseCodesField(field: string): string[] | undefined {
    const pieces = field.trim().split(SEPARATOR);
    const codes: string[] = [];
    let rangeFrom: string | undefined;
    for (let i = 0; i < pieces.length; i += 2) {
        const piece = pieces[i].replace(/\s/g, '').replace(/\.$/, '');
        const previous = codes[codes.length - 1];
        const code = FULL_CODE.test(piece) ? piece : previous && RELATIVE_LABEL.test(piece) ? relativeTo(previous, piece) : undefined;
        if (!code) return undefined;
        codes.push(...(rangeFrom ? labelRange(rangeFrom, code).slice(1) : [code]));
        rangeFrom = pieces[i + 1] === 'to' ? code : undefined;
    }
    return codes.length > 0 && pieces.length % 2 === 1 ? codes : undefined;
}

function relativeTo(code: string, label: string): string {
    const parts = code.split('.');
    const replaced = label.split('.');
    return [...parts.slice(0, Math.max(3, parts.length - replaced.length)), ...replaced].join('.');
}

/** from..to inclusive when they are siblings with single-letter or numeric last labels; else just the two ends. */
function labelRange(from: string, to: string): string[] {
    const a = from.split('.'), b = to.split('.');
    const parent = a.slice(0, -1).join('.');
    const first = a[a.length - 1], last = b[b.length - 1];
    if (parent !== b.slice(0, -1).join('.')) return [from, to];
    if (/^\d+$/.test(first) && /^\d+$/.test(last) && Number(first) < Number(last)) {
        return Array.from({ length: Number(last) - Number(first) + 1 }, (_, k) => `${parent}.${Number(first) + k}`);
    }
    if (/^[a-z]$/.test(first) && /^[a-z]$/.test(last) && first < last) {
        return Array.from({ length: last.charCodeAt(0) - first.charCodeAt(0) + 1 }, (_, k) => `${parent}.${String.fromCharCode(first.charCodeAt(0) + k)}`);
    }
    return [from, to];
}

/**
 * The entries of an SL or VSL part. A code field may stand first on its line or after tabs (the
 * 1997 and 1998 lists indent every line), several may stand on one paragraph (the 2003 VSL is a
 * table whose cells come out tab-separated), the text may follow after a space instead of a tab
 * (2025: `1.C.10.c. & 1.C.10.d. "Fibrous..."`), and a line `& 7.D.4.g.` adds to the codes of
 * the entry above. After a page header "Category 2 contd." (or "Category 2" again within category
 * 2), the entry the page broke repeats its code before its next sub-label ("2.E.1.\tb.\tMachine
 * tools for milling...", 2009 SL; "2.D.1.\tb.2.\tFive or more axes", 2010): its lines go on, no
 * second entry. A header that also says which note goes on ("Note 4 to 6.A.3.b.4.c. cont.", 2009)
 * carries on the broken entry at once.
 */
export function parseTierList(paragraphs: SourceParagraph[]): TierListEntry[] {
    const entries: TierListEntry[] = [];
    let current: TierListEntry | undefined;
    /** The entry a "Category N contd." header broke off. */
    let broken: TierListEntry | undefined;
    for (const paragraph of paragraphs) {
        const fields = paragraph.text.split('\t').map(f => f.trim()).filter(f => f !== '');
        if (fields.length === 0) continue;
        const continued = current && /^(?:&|,|and\b|to\b)\s*\S/.test(fields[0]) ? parseCodesField(`${current.codes[current.codes.length - 1]} ${fields[0]}`) : undefined;
        if (current && continued) {
            current.codes.push(...continued.slice(1));
            fields.shift();
        }
        let started = false;
        for (let i = 0; i < fields.length; i++) {
            const leading = leadingCodes(fields[i]);
            if (leading) {
                const text: string[] = leading.rest ? [leading.rest] : [];
                while (i + 1 < fields.length && !leadingCodes(fields[i + 1]) && !isHeading(fields[i + 1])) text.push(fields[++i]);
                // (Also with no header between: "2.E.2.<tab>b.<tab>2.<tab>Specified by ..." in the 2014 SL,
                // "2.E.1.b.<tab>2.<tab>Five or more axes" then "2.E.1.<tab>c.<tab>Electrical ..." in 2001.)
                const resumed = /^(?:[a-z]{1,2}|\d{1,3})(?:\.(?:[a-z]{1,2}|\d{1,3}))*\.$/.test(text[0] ?? '') ? resumedEntry(leading.codes, broken, entries) : undefined;
                if (resumed) {
                    current = resumed;
                    // The labels above the line's own were written to say where it goes: "b. 2. Specified" is line 2. of b.
                    if (text.length > 0) current.detail.push(cleanFields(text.join('\t')).replace(/^(?:(?:[a-z]{1,2}|\d{1,3})\.\s*)+?(?=(?:[a-z]{1,2}|\d{1,3})\.\s+\S)/, ''));
                } else {
                    current = { codes: leading.codes, text: cleanFields(text.join('\t')), detail: [], where: paragraph.where };
                    entries.push(current);
                }
                broken = undefined;
                started = true;
            } else if (isHeading(fields[i])) {
                // A page header: "Category 2 contd.", or "Category 2" again inside category 2 (2010 SL).
                const sameCategory = current !== undefined && /^Category\s+(\d)\s*$/i.exec(fields[i])?.[1] === current.codes[0]?.split('.')[0];
                broken = sameCategory || /\b(?:contd|cont|continued)\.?\s*$/i.test(fields[i]) ? current : undefined;
                current = undefined;
                // "Category 6 contd.<tab>Note 4 to 6.A.3.b.4.c. cont." (2009 SL): the broken entry's
                // note goes on with the next lines, which repeat no code.
                if (broken && /^(?:Technical\s+)?Notes?\b.*\bcont(?:d|inued)?\.?$/i.test(fields[i + 1] ?? '')) {
                    current = broken;
                    broken = undefined;
                    i++;
                }
            } else if (!started && current) {
                // The entry's own sub-lines, up to the next code on the same paragraph (table rows).
                const detail: string[] = [fields[i]];
                while (i + 1 < fields.length && !leadingCodes(fields[i + 1]) && !isHeading(fields[i + 1])) detail.push(fields[++i]);
                current.detail.push(cleanFields(detail.join('\t')));
            }
        }
    }
    splitTableRows(entries);
    // A note's heading on its own line ("Note 6") before the note that names its item ("6.A.2.a.3.
    // does not apply to ...", 2010 SL) belongs to that next entry, not to the lines of the one before.
    for (const entry of entries) {
        while (entry.detail.length > 0 && /^(?:Technical\s+)?Notes?\s*\d*\.?$/i.test(entry.detail[entry.detail.length - 1])) entry.detail.pop();
    }
    return entries;
}

/**
 * Rows of a two-column table come out as code lines without text followed by one code line that
 * holds every row's text ("6.A.1.a.2.e." then "6.A.1.a.2.f.<tab>Bottom or bay cable systems
 * ...", its numbered lines, then "Processing equipment ...", the 1997 SL; "6.A.1.a.2.a.3." then
 * "6.A.1.a.2.a.5.<tab>Hydrophones...Having any..." and "Hydrophones...Designed to operate ...",
 * the 2005-2021 VSL). When the unnumbered lines split the text into one piece a code, each code
 * gets its piece, in order; otherwise the entries are left as they are.
 */
function splitTableRows(entries: TierListEntry[]): void {
    for (let i = 0; i < entries.length; i++) {
        let k = 0;
        while (i + k < entries.length && entries[i + k].text === '' && entries[i + k].detail.length === 0 && entries[i + k].codes.length === 1) k++;
        const full = entries[i + k];
        if (k === 0 || !full || full.text === '' || full.codes.length !== 1) {
            i += k;
            continue;
        }
        const pieces: Array<{ text: string; detail: string[] }> = [];
        for (const line of [full.text, ...full.detail]) {
            if (pieces.length === 0 || !/^(?:[a-z]{1,2}|\d{1,3})\.\s/.test(line)) pieces.push({ text: line, detail: [] });
            else pieces[pieces.length - 1].detail.push(line);
        }
        if (pieces.length === k + 1) pieces.forEach((piece, n) => Object.assign(entries[i + n], piece));
        i += k;
    }
}

/**
 * The entry a code line with a sub-label goes on with: the one a page header broke off, else one
 * of the last few entries, whose code it repeats or names a sub-item of.
 */
function resumedEntry(codes: string[], broken: TierListEntry | undefined, entries: TierListEntry[]): TierListEntry | undefined {
    if (codes.length !== 1) return undefined;
    const continues = (entry: TierListEntry) => entry.codes.length === 1 && (codes[0] === entry.codes[0] || codes[0].startsWith(`${entry.codes[0]}.`));
    if (broken) return continues(broken) ? broken : undefined;
    return entries.slice(-3).reverse().find(continues);
}

function isHeading(field: string): boolean {
    return /^Category\s+\d/i.test(field) || /SENSITIVE LIST/i.test(field);
}

/** A field that starts with a full code list: the codes, and the text after them on the same field. */
function leadingCodes(text: string): { codes: string[]; rest: string } | undefined {
    // "5:E.1.a." (1997, 1998) is a typing slip for 5.E.1.a.
    const field = text.replace(/^(\d)\s*:\s*([A-E])\./, '$1.$2.');
    if (!/^\d\.\s*[A-E]\.\s*\d/.test(field)) return undefined;
    const whole = parseCodesField(field);
    if (whole) return { codes: whole, rest: '' };
    const words = field.split(/\s+/);
    for (let k = words.length - 1; k >= 1; k--) {
        const codes = parseCodesField(words.slice(0, k).join(' '));
        if (!codes) continue;
        // Two codes side by side with no "&" ("6.A.2.a.1.a. 6.A.2.a.1.b.", 1997): the second continues the list.
        const more = leadingCodes(words.slice(k).join(' '));
        return more ? { codes: [...codes, ...more.codes], rest: more.rest } : { codes, rest: words.slice(k).join(' ') };
    }
    return undefined;
}

/** Marks the items the list names; returns how many entries named an item and how many did not. */
export function applyTierList(entries: TierListEntry[], tier: TierName, items: Map<string, ItemModel>, warnings: ImportWarning[], listName: string): { applied: number; unresolved: number; withdrawn: number } {
    const counts = { applied: 0, unresolved: 0, withdrawn: 0 };
    // Codes an entry of the list means as they stand (its text, if any, quotes that item): no
    // other entry is taken to mean them (a table row left without its text, 6.A.1.a.2.a.3 in the
    // 2005-2021 Very Sensitive Lists, still claims its code).
    const claimed = new Set(entries.flatMap(entry => entry.codes.filter(code => {
        const item = items.get(code);
        return item !== undefined && (entry.text === '' || quotesAsItStands(entry, code, item, items));
    })));
    // Entries that quote their item by a path of abbreviations, with the code of the item they mean.
    const quoting: Array<{ entry: TierListEntry; code: string }> = [];
    // Lists whose numbers the list kept from before a renumbering: an entry was taken to mean another item.
    const renumbered = new Set<string>();
    for (const entry of entries) {
        // "Not used since 2012" (and, before 2007, "Deleted") withdraws the codes from the list.
        if (/^(?:Not used|Deleted)\b/i.test(entry.text)) {
            counts.withdrawn++;
            continue;
        }
        for (const code of entry.codes) {
            const item = meantItem(code, entry, items, warnings, listName, claimed);
            if (!item) {
                counts.unresolved++;
                warnings.push({ where: entry.where, message: `the ${listName} names ${code}, which the dual-use list of this edition does not have` });
                continue;
            }
            const meant = item.code;
            if (meant !== code) renumbered.add(parentCode(meant));
            if (quotedPath(entry.text)) quoting.push({ entry, code: meant });
            counts.applied++;
            addTier(item, tier);
            if (tier === 'very-sensitive') addTier(item, 'sensitive');
            const above = itemsAbove(code, items);
            if (hasOwnConditions(entry, item, above) && !restatesANote(entry, [item, ...above, ...descendants(item)])) {
                // "Note 1 ..." lines only point at the item's own notes, which the item has: not the list's
                // text (6.A.3.b.4 in 2014, where 2013 wrote them after the code and they were not lines).
                const text = [entry.text, ...entry.detail.filter(line => !NOTE_PLACEHOLDER.test(line.trim()))].join('\n');
                const note = `${listName}: ${text}`;
                if (!item.notes.some(n => n.text === note)) item.notes.push({ kind: 'note', text: note });
            }
        }
    }
    for (const sibling of splitSiblings(quoting, renumbered, items, claimed, tier)) {
        counts.applied++;
        addTier(sibling.item, tier);
        if (tier === 'very-sensitive') addTier(sibling.item, 'sensitive');
        warnings.push({ where: sibling.entry.where, message: `the ${listName} keeps numbers from before a renumbering; "${sibling.entry.text.slice(0, 60)}" also quotes ${sibling.code}, which no entry names: applied to it too` });
    }
    return counts;
}

/**
 * Where a list kept the numbers of a list renumbered since, an item split in two took the
 * entry's words with both halves: the 2004 lists' "6.A.1.a.2.a.1 Hydrophones...Incorporating…"
 * meant 2003's a.1, "Incorporating continuous flexible sensors or assemblies of discrete
 * sensor elements", which 2004 wrote as a.1 "Incorporating continuous flexible sensing
 * elements" and a.2 "Incorporating flexible assemblies of discrete sensing elements" (the 2005
 * lists name both). A sibling of the item the entry means, under a parent where an entry was
 * taken to mean another item than its code, that no entry claims and the entry's path quotes,
 * is meant as well.
 */
function splitSiblings(quoting: Array<{ entry: TierListEntry; code: string }>, renumbered: Set<string>, items: Map<string, ItemModel>, claimed: Set<string>, tier: TierName): Array<{ entry: TierListEntry; code: string; item: ItemModel }> {
    const found: Array<{ entry: TierListEntry; code: string; item: ItemModel }> = [];
    for (const { entry, code } of quoting) {
        const parent = parentCode(code);
        if (!renumbered.has(parent)) continue;
        const path = quotedPath(entry.text)!;
        for (const [other, item] of items) {
            if (other === code || parentCode(other) !== parent || claimed.has(other) || item.tiers.includes(tier)) continue;
            if (quotesPath(path, item, itemsAbove(other, items))) found.push({ entry, code: other, item });
        }
    }
    return found;
}

function parentCode(code: string): string {
    return code.slice(0, code.lastIndexOf('.'));
}

/**
 * The item an entry means. Some lists kept a number the dual-use list of their edition had changed
 * (the 2004 Sensitive List's "6.A.6.g. Magnetic compensation systems...", 6.A.6.c since 2004):
 * when the code names no item, or one whose text (and its parents') the entry does not quote,
 * and exactly one other item of the same entry has the text the entry quotes (three words at
 * least), it means that one.
 */
function meantItem(code: string, entry: TierListEntry, items: Map<string, ItemModel>, warnings: ImportWarning[], listName: string, claimed: Set<string>): ItemModel | undefined {
    const named = items.get(code);
    const parts = code.split('.');
    // Only a quote that says which item (three words or more) of an entry that names one code.
    const words = entry.text.replace(/\.\.\.|…/g, ' ').split(/[\s"']+/).filter(w => w.length > 1);
    if (parts.length < 4 || entry.codes.length > 1 || words.length < 3) return named;
    const path = quotedPath(entry.text);
    // "Hydrophones...When designed..." quotes an item by the beginnings of its text and of the
    // texts above it (2004's lists kept 2003's 6.A.1.a.2.a.4 for what became a.5).
    const quotesText = (item: ItemModel) => restates(entry.text, item, true);
    const quotes = (item: ItemModel, at: string) => quotesText(item) || (path !== undefined && quotesPath(path, item, itemsAbove(at, items)));
    if (named && (quotes(named, code) || [...itemsAbove(code, items), items.get(parts.slice(0, 3).join('.'))].some(i => i !== undefined && quotesText(i)))) return named;
    const prefix = `${parts.slice(0, 3).join('.')}.`;
    const quoted = [...items.entries()].filter(([other, item]) => other.startsWith(prefix) && other !== code && !claimed.has(other) && quotes(item, other));
    if (quoted.length !== 1) return named;
    warnings.push({ where: entry.where, message: `the ${listName} names ${code}, but quotes the text of ${quoted[0][0]} ("${entry.text.slice(0, 60)}"); applied to ${quoted[0][0]}` });
    return quoted[0][1];
}

/** Whether an entry's text quotes the item its code names (as text, or as a path of abbreviations). */
function quotesAsItStands(entry: TierListEntry, code: string, item: ItemModel, items: Map<string, ItemModel>): boolean {
    const path = quotedPath(entry.text);
    return restates(entry.text, item, true) || (path !== undefined && quotesPath(path, item, itemsAbove(code, items)));
}

/** The pieces of an entry abbreviated as a path ("Hydrophones...When designed..."), or undefined for any other text. */
function quotedPath(text: string): string[] | undefined {
    if (text.includes('\n')) return undefined;
    const pieces = text.split(/\.{3}|…/).map(piece => piece.trim()).filter(piece => piece !== '');
    return pieces.length >= 2 ? pieces : undefined;
}

/** Whether the item's text begins as the path's last piece does, and each earlier piece begins the text of an item above it. */
function quotesPath(path: string[], item: ItemModel, above: ItemModel[]): boolean {
    const normal = (text: string) => text.replace(/[\s"';:,.]+/g, ' ').trim().toLowerCase();
    const begins = (text: string | undefined, piece: string) => normal(text ?? '').startsWith(normal(piece));
    return begins(item.text, path[path.length - 1]) && path.slice(0, -1).every(piece => above.some(parent => begins(parent.text, piece)));
}

/** The items above `code` (9.E.3.a.3 and 9.E.3.a above 9.E.3.a.3.a), nearest first; not the entry. */
function itemsAbove(code: string, items: Map<string, ItemModel>): ItemModel[] {
    const parts = code.split('.');
    const above: ItemModel[] = [];
    for (let n = parts.length - 1; n > 3; n--) {
        const item = items.get(parts.slice(0, n).join('.'));
        if (item) above.push(item);
    }
    return above;
}

function addTier(item: ItemModel, tier: TierName): void {
    if (!item.tiers.includes(tier)) {
        item.tiers.push(tier);
        item.tiers.sort((a, b) => TIER_ORDER.indexOf(a) - TIER_ORDER.indexOf(b));
    }
}

const TIER_ORDER: TierName[] = ['dual-use', 'sensitive', 'very-sensitive', 'munitions'];

/**
 * An abbreviated text ("Materials as follows...", "Fibrous or filamentary materials.....") only
 * points at the item (often by its entry's title): it adds nothing. Sub-lines, or a full text
 * that is not the item's own, are conditions of the list's own and are kept as a note, unless
 * every line only restates the item, an item above it or one below it ('"Technology" "required"
 * for …' / "Components manufactured from..." / the item's own text, 9.E.3.a.3.a in the 2007 VSL).
 */
function hasOwnConditions(entry: TierListEntry, item: ItemModel, above: ItemModel[]): boolean {
    if (entry.detail.length === 0) return (!restates(entry.text, item, false) && !restatesTheList(entry.text, item)) || hasOwnNumbers(entry.text, [item]);
    // A sub-line under its label ("1. Enabling…;") restates a sub-item the same way (8.A.2.b, 2005
    // SL), but only when every sub-item is there: a list of some of them selects those.
    const lines = [entry.text, ...entry.detail.map(line => line.replace(/^(?:[a-z]{1,2}|\d{1,3})\.\s+/, ''))];
    const every = item.children.every(child => lines.some(line => restates(line, child, true)));
    const quoted = [item, ...above, ...(every ? descendants(item) : [])];
    return !lines.every(line => quoted.some(i => restates(line, i, true))) || lines.some(line => hasOwnNumbers(line, quoted));
}

/** "Note 1 ...", "Note 5" alone: the list points at the item's own notes (6.A.3.b.4, 2010 SL). */
const NOTE_REFERENCE = /^(?:Technical\s+)?Notes?(?:\s+\d+)?\s*(?:\.{3}|…)?\s*$/i;

/**
 * An entry whose text is one of the item's own notes written out again ("Note 1 'Imaging
 * cameras' specified by 6.A.3.b.4. include ..."; "does not apply to imaging cameras incorporating
 * linear ..." under 6.A.3.b.4.a, the 2009 SL) says nothing the item's notes do not: the list
 * abbreviates the same notes to "Note 1 ..." in other years.
 */
function restatesANote(entry: TierListEntry, items: ItemModel[]): boolean {
    const bare = (text: string) => text.toLowerCase().replace(/^(?:technical\s+)?notes?\s*\d*\s*/, '').replace(/^(?:[0-9a-z]{1,3}\.\s*)+/, '').replace(/[^a-z0-9]+/g, '');
    const own = bare([entry.text, ...entry.detail].join(' '));
    if (own.length < 40) return false;
    return items.some(item => item.notes.some(note => !note.text.startsWith('Sensitive List') && !note.text.startsWith('Very Sensitive List') && bare(note.text).includes(own)));
}

/** "Note 1 ..." with its dots: a placeholder for the item's note, never text of the list's own. */
const NOTE_PLACEHOLDER = /^(?:Technical\s+)?Notes?(?:\s+\d+)?\s*(?:\.{3}|…)\s*$/i;

/** A number none of the items writes is a limit of the list's own ("below 5 kHz" for the item's "below 10 kHz"). */
function hasOwnNumbers(line: string, items: ItemModel[]): boolean {
    if (NOTE_REFERENCE.test(line.trim())) return false;
    // (Not the digits of the codes a line cites: "listed in 6.A.2.a.3." sets no limit.)
    const numbers = (text: string) => text.replace(/\b\d\.[A-E]\.(?:\d+\.?(?:[a-z0-9]{1,3}\.?)*)?/g, ' ').match(/\d+(?:[.,]\d+)*/g) ?? [];
    const known = new Set(items.flatMap(item => numbers(item.text ?? '')));
    return numbers(line).some(n => !known.has(n));
}

function descendants(item: ItemModel): ItemModel[] {
    return item.children.flatMap(child => [child, ...descendants(child)]);
}

/** Whether a line of a tier list says no more than the item's text; `strictly`: an abbreviation must begin as the text does. */
function restates(line: string, item: ItemModel, strictly: boolean): boolean {
    if (NOTE_REFERENCE.test(line.trim())) return true;
    const normalise = (s: string) => s.replace(/\.\.\.|…/g, '').replace(/[\s"';:,.]+/g, ' ').trim().toLowerCase();
    const own = normalise(line);
    const original = normalise(item.text ?? '');
    if (/(?:\.{3,}|…)\s*[;:.]?\s*$/.test(line)) return !strictly || original.startsWith(own);
    // Citing other codes than the item does narrows or widens it: "equipment specified in 6.A. or
    // 6.B. of this List" for an item on "6.A., 6.B. or 6.C." (2025 6.E.2) is a condition of its own.
    const cited = codesIn(line);
    if (cited.size > 0 && !sameSet(cited, codesIn(item.text ?? ''))) return false;
    if (own === '' || original.startsWith(own)) return true;
    // Leaving out a defined term the item names narrows it: '"development" or "production"' for the
    // item's '"development", "production" or "use"' (5.E.1.a, 2018 SL).
    // (An abbreviated line, "Magnetometers ... using ...", leaves out what it does not need to name.)
    const lineTerms = quotedTerms(line);
    if (lineTerms.size > 0 && !/\.{3}|…/.test(line) && [...quotedTerms(item.text ?? '')].some(term => !lineTerms.has(term))) return false;
    // The same text in other words ("specified by this List" for "specified by 1.A.2. or 1.C."):
    // most of the list's words are the item's.
    const words = new Set(original.split(' '));
    const listed = own.split(' ').filter(w => w.length > 2);
    return listed.filter(w => words.has(w)).length >= 0.8 * listed.length;
}

/**
 * An entry that kept the item's words from before it became a list, citing the code that holds
 * every code the list now cites: "Imaging cameras incorporating "focal plane arrays" having the
 * characteristics listed in 6.A.2.a.3. of this List" for 6.A.3.b.4, "Imaging cameras
 * incorporating "focal plane arrays" having any of the following:" over "a. ... controlled by
 * 6.A.2.a.3.a. to 6.A.2.a.3.e." and "b. ... controlled by 6.A.2.a.3.f." (the 2004-2006 Sensitive
 * Lists). It restates the item: no note.
 */
function restatesTheList(line: string, item: ItemModel): boolean {
    const cited = codesIn(line);
    if (cited.size === 0 || !coversTheList(cited, item)) return false;
    const words = (text: string) => text.toLowerCase().replace(/\b(?:having the characteristics (?:listed|specified|described) (?:in|by)|of this list)\b/g, ' ')
        .replace(/\b\d\.[a-e]\.[0-9a-z.]*/g, ' ').split(/[^a-z0-9-]+/).filter(w => w.length > 2);
    const own = new Set(words(item.text ?? ''));
    return words(line).every(w => own.has(w));
}

/**
 * A code that holds every code the item's sub-items cite, and only those (see restatesTheList).
 */
function coversTheList(cited: Set<string>, item: ItemModel): boolean {
    if (codesIn(item.text ?? '').size > 0 || item.children.length < 2) return false;
    const listed = item.children.map(child => codesIn(child.text ?? ''));
    const under = (code: string, above: string) => code === above || code.startsWith(`${above}.`);
    return listed.every(codes => codes.size > 0 && [...codes].every(code => [...cited].some(c => under(code, c))))
        && [...cited].every(c => listed.some(codes => [...codes].some(code => under(code, c))));
}

/** The "defined terms" a text names, case-folded. */
function quotedTerms(text: string): Set<string> {
    return new Set([...text.matchAll(/["“]([^"“”]{2,60})["”]/g)].map(m => m[1].trim().toLowerCase().replace(/[-\s]+/g, ' ')));
}

function codesIn(text: string): Set<string> {
    return new Set((text.match(/\b\d\.[A-E]\.(?:\d+\.?(?:[a-z0-9]{1,3}\.?)*)?/g) ?? []).map(code => code.replace(/\.$/, '')));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
    return a.size === b.size && [...a].every(x => b.has(x));
}

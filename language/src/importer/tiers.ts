/**
 * The Sensitive List and Very Sensitive List parts: lists of codes of the dual-use list, by
 * category, each with an (often abbreviated) text. They become tiers on the items they name.
 * Where an entry of these lists carries conditions of its own (sub-lines, or text that is not
 * an abbreviation of the item's), its text is kept as a note on the item.
 */
import type { ImportWarning, ItemModel, TierName } from './model.js';
import type { SourceParagraph } from './source.js';
import { cleanFields } from './structure.js';

export interface TierListEntry {
    codes: string[];
    text: string;
    /** Lines below the code line: the list's own sub-items. */
    detail: string[];
    where: string;
}

const FULL_CODE = /^\d\.[A-E]\.\d+(?:\.(?:[a-z]{1,2}|\d{1,3}))*$/;
const RELATIVE_LABEL = /^(?:[a-z]{1,2}|\d{1,3})(?:\.(?:[a-z]{1,2}|\d{1,3}))*$/;
const SEPARATOR = /\s*(&|,|\band\b|\bto\b)\s*/;

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

export function parseTierList(paragraphs: SourceParagraph[]): TierListEntry[] {
    const entries: TierListEntry[] = [];
    let current: TierListEntry | undefined;
    for (const paragraph of paragraphs) {
        const fields = paragraph.text.split('\t').map(f => f.trim());
        const first = fields.findIndex(f => f !== '');
        if (first < 0) continue;
        const codes = first === 0 ? parseCodesField(fields[0]) : undefined;
        if (codes) {
            current = { codes, text: cleanFields(fields.slice(1).join('\t')), detail: [], where: paragraph.where };
            entries.push(current);
        } else if (/^Category\s+\d/i.test(fields[first]) || /SENSITIVE LIST/i.test(fields[first])) {
            current = undefined;
        } else if (current) {
            current.detail.push(cleanFields(paragraph.text));
        }
    }
    return entries;
}

/** Marks the items the list names; returns how many entries named an item and how many did not. */
export function applyTierList(entries: TierListEntry[], tier: TierName, items: Map<string, ItemModel>, warnings: ImportWarning[], listName: string): { applied: number; unresolved: number; withdrawn: number } {
    const counts = { applied: 0, unresolved: 0, withdrawn: 0 };
    for (const entry of entries) {
        if (/^Not used\b/i.test(entry.text)) {
            counts.withdrawn++;
            continue;
        }
        for (const code of entry.codes) {
            const item = items.get(code);
            if (!item) {
                counts.unresolved++;
                warnings.push({ where: entry.where, message: `the ${listName} names ${code}, which the dual-use list of this edition does not have` });
                continue;
            }
            counts.applied++;
            addTier(item, tier);
            if (tier === 'very-sensitive') addTier(item, 'sensitive');
            if (hasOwnConditions(entry, item)) {
                const text = [entry.text, ...entry.detail].join('\n');
                const note = `${listName}: ${text}`;
                if (!item.notes.some(n => n.text === note)) item.notes.push({ kind: 'note', text: note });
            }
        }
    }
    return counts;
}

function addTier(item: ItemModel, tier: TierName): void {
    if (!item.tiers.includes(tier)) {
        item.tiers.push(tier);
        item.tiers.sort((a, b) => TIER_ORDER.indexOf(a) - TIER_ORDER.indexOf(b));
    }
}

const TIER_ORDER: TierName[] = ['dual-use', 'sensitive', 'very-sensitive', 'munitions'];

/** An abbreviated text ("Materials as follows...") that starts like the item's adds nothing. */
function hasOwnConditions(entry: TierListEntry, item: ItemModel): boolean {
    if (entry.detail.length > 0) return true;
    const normalise = (s: string) => s.replace(/\.\.\.|…/g, '').replace(/[\s"';:,.]+/g, ' ').trim().toLowerCase();
    const own = normalise(entry.text);
    const original = normalise(item.text ?? '');
    return own !== '' && !original.startsWith(own);
}

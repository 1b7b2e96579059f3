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

const CODE = /\d\s?\.\s?[A-E]\s?\.\s?\d+(?:\s?\.\s?(?:[a-z]{1,2}|\d{1,3})(?![a-z0-9]))*/g;
const CODES_FIELD = /^(?:\d\s?\.\s?[A-E]\s?\.\s?\d+(?:\s?\.\s?(?:[a-z]{1,2}|\d{1,3}))*\.?\s*(?:&|and|,|to)?\s*)+$/;

export function parseTierList(paragraphs: SourceParagraph[]): TierListEntry[] {
    const entries: TierListEntry[] = [];
    let current: TierListEntry | undefined;
    for (const paragraph of paragraphs) {
        const fields = paragraph.text.split('\t').map(f => f.trim());
        const first = fields.findIndex(f => f !== '');
        if (first < 0) continue;
        if (first === 0 && CODES_FIELD.test(fields[0])) {
            const codes = [...fields[0].matchAll(CODE)].map(m => m[0].replace(/\s/g, '').replace(/\.$/, ''));
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

/**
 * A national list from the rows of a sheet: the numbering detected from the codes (ECCN
 * 3B001.f.1.a, or WA dotted 3.B.1.f.1.a; ML8.a in either), the nesting rebuilt from the codes,
 * thresholds read from each text by the importer's phrase reader. Any row that cannot take its
 * place (a malformed or repeated code, one out of order, an item before its parent) stops the
 * import with every such row named, so nothing half-read is written.
 */
import { parseCode } from '../codes.js';
import { matchKey } from '../diff/match-keys.js';
import { addThresholds } from '../importer/edition.js';
import type { CategoryModel, GroupModel, ItemModel, NoteModel, TierName } from '../importer/model.js';
import type { ListToWrite } from '../importer/write-cld.js';
import { SheetError, type SheetRow, type SheetRows } from './sheet-rows.js';

export interface ListOptions {
    title: string;
    id: string;
    /** The WA edition the list implements (`implements wassenaar "..."`), when known. */
    implementsWa?: string;
    /** The list writes decimals with a comma ("0,254 mm"). */
    decimalComma?: boolean;
}

const TIERS: Record<string, TierName> = {
    'dual-use': 'dual-use', 'dual use': 'dual-use', sensitive: 'sensitive', sl: 'sensitive', 'sensitive list': 'sensitive',
    'very-sensitive': 'very-sensitive', 'very sensitive': 'very-sensitive', vsl: 'very-sensitive', munitions: 'munitions', ml: 'munitions',
};

export function listFromRows(sheet: SheetRows, file: string, options: ListOptions): ListToWrite {
    const problems: string[] = [];
    const problem = (row: SheetRow, message: string) => problems.push(`sheet "${sheet.sheet}", row ${row.row}: ${message}`);
    const schemes = new Set<string>();
    const categories = new Map<string, CategoryModel>();
    const items = new Map<string, ItemModel>();
    let previous: { code: string; row: SheetRow } | undefined;
    for (const row of sheet.rows) {
        const parsed = parseCode(row.code.replace(/\.$/, ''));
        if (!parsed || (parsed.scheme !== 'munitions' && parsed.group === undefined)) {
            problem(row, `"${row.code}" is not a control list code (3B001.f.1.a, 3.B.1.f.1.a or ML8.a)`);
            continue;
        }
        if (parsed.scheme !== 'munitions') schemes.add(parsed.scheme);
        const code = row.code.replace(/\.$/, '');
        const key = matchKey(code);
        if (items.has(key)) {
            problem(row, `${code} is given twice`);
            continue;
        }
        // In the list's own numbering: 4A507 comes before 4D001 (not an ECCN 0xx, it has no WA form).
        if (previous && compareCodes(previous.code, code) > 0) problem(row, `${code} comes after ${previous.row.code} (row ${previous.row.row}): put the rows in code order`);
        previous = { code, row };
        const item = itemOf(row, code, parsed.labels);
        const category = categories.get(parsed.category) ?? newCategory(categories, parsed.category);
        if (parsed.labels.length === 0) {
            // A munitions category's own row is its heading.
            if (parsed.scheme === 'munitions') {
                category.text = row.text || undefined;
                items.set(key, item);
                continue;
            }
            const group = category.groups.find(g => g.letter === parsed.group) ?? newGroup(category, parsed.group!);
            group.entries.push(item);
        } else {
            const parentCode = code.slice(0, code.lastIndexOf('.'));
            const parent = parsed.scheme === 'munitions' && parsed.labels.length === 1 ? undefined : items.get(matchKey(parentCode));
            if (parsed.scheme === 'munitions' && parsed.labels.length === 1) category.items.push(item);
            else if (!parent) {
                problem(row, `${code} has no row for ${parentCode} before it`);
                continue;
            } else parent.children.push(item);
        }
        items.set(key, item);
    }
    if (schemes.size > 1) problems.unshift(`sheet "${sheet.sheet}": ECCN codes (3B001) and WA dotted codes (3.B.1) are mixed; use one numbering`);
    if (problems.length > 0) {
        const shown = problems.slice(0, 20);
        throw new SheetError(file, undefined, `${problems.length} row(s) cannot be read, nothing written:\n  ${shown.join('\n  ')}${problems.length > shown.length ? `\n  ... and ${problems.length - shown.length} more` : ''}`);
    }
    const list: ListToWrite = {
        comments: [`Imported by \`cld import\` from ${file} (sheet "${sheet.sheet}"). Thresholds were read from the texts.`],
        title: options.title, id: options.id, numbering: schemes.has('eccn') ? 'eccn' : 'wassenaar',
        implements: options.implementsWa ? [{ regime: 'wassenaar', edition: options.implementsWa }] : [],
        parameters: [], notes: [], definitions: [], definitionNotes: [],
        categories: [...categories.values()].sort((a, b) => compareCodes(a.code, b.code)),
    };
    addThresholds(list, { decimalComma: options.decimalComma });
    return list;
}

function itemOf(row: SheetRow, code: string, labels: string[]): ItemModel {
    const tiers = (row.tier ?? '').split(/[,;]\s*|\s+(?=very)/i).map(t => TIERS[t.trim().toLowerCase()]).filter((t): t is TierName => t !== undefined);
    // "[Reserved]", "Reserved", "Not used": a label kept free, as the WA's "Not used" (no year given).
    const reserved = /^\[?(?:reserved|not used)\]?\.?$/i.test(row.text.trim());
    return {
        label: labels[labels.length - 1] ?? code, code, text: reserved ? undefined : row.text || undefined, reserved: reserved || undefined, tiers, precedent: row.precedent,
        thresholds: [], notes: notesOf(row.notes), children: [], where: `row ${row.row}`,
    };
}

/** A notes cell: one note per line (or paragraph); "N.B." and "Technical Note" say their kind. */
function notesOf(cell: string | undefined): NoteModel[] {
    return (cell ?? '').split(/\r?\n/).map(n => n.trim()).filter(Boolean).map(text => ({
        kind: /^N\.\s?B\./i.test(text) ? 'nb' : /^Technical Notes?\b/i.test(text) ? 'technical-note' : /\bdoes not (?:control|apply)\b/i.test(text) ? 'decontrol-note' : 'note', text,
    }));
}

function newCategory(categories: Map<string, CategoryModel>, code: string): CategoryModel {
    const category: CategoryModel = { code, tiers: code.startsWith('ML') ? ['munitions'] : [], notes: [], groups: [], items: [] };
    categories.set(code, category);
    return category;
}

function newGroup(category: CategoryModel, letter: string): GroupModel {
    const group: GroupModel = { letter, notes: [], entries: [] };
    category.groups.push(group);
    category.groups.sort((a, b) => a.letter.localeCompare(b.letter));
    return group;
}

/** Codes in list order: categories 0-9 then ML1-ML22, labels by number or letter. */
function compareCodes(a: string, b: string): number {
    const rank = (code: string) => code.replace(/^ML(\d+)/, (_, n) => `Z${n.padStart(2, '0')}`);
    return rank(a).localeCompare(rank(b), 'en', { numeric: true });
}

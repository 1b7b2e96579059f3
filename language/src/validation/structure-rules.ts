import * as l10n from '@vscode/l10n';
import { type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { type Category, type CldAstType, type ControlList, type Entry, type Group, type Item, isCategory, isEntry, isGroup, isItem } from '../generated/ast.js';
import { namedNodes } from '../named-nodes.js';
import { numberingOf, parseCode } from '../codes.js';

export const STRUCTURE_DIAGNOSTIC_CODES = {
    'category-code': 'A category is not 0-9 or ML1-ML22.',
    'duplicate-category': 'The same category appears twice in a list.',
    'group-letter': 'A group letter is not A-E, is repeated, or is out of order.',
    'misplaced-member': 'Something sits where the WA structure has no place for it (an entry outside a group, a group in a munitions category).',
    'code-format': "An entry code is not written in the list's numbering scheme (3.B.1 for wassenaar, 3B001 for eccn).",
    'code-category': "An entry code's category differs from the category it sits in.",
    'code-group': "An entry code's group letter differs from the group it sits in.",
    'entry-order': 'Entries of a group are not in ascending order.',
    'duplicate-code': 'Two entries or items have the same full code.',
    'label-kind': 'A label is a number where a letter belongs or the reverse (letters and numbers alternate by depth).',
    'label-sequence': 'Sibling labels skip, repeat or run out of order (reserved labels count as present).'
} as const;

export function structureChecks(): ValidationChecks<CldAstType> {
    return {
        ControlList: [checkCategories, checkDuplicateCodes],
        Category: [checkCategoryMembers, checkLabelSequence],
        Group: checkEntryCodes,
        Entry: checkLabelSequence,
        Item: [checkLabelKind, checkLabelSequence]
    };
}

const ML_CATEGORY = /^ML([1-9]|1[0-9]|2[0-2])$/;
export const isMunitionsCategory = (category: Category | undefined): boolean => !!category && ML_CATEGORY.test(category.code ?? '');

function checkCategories(list: ControlList, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const category of list.members.filter(isCategory)) {
        if (!/^[0-9]$/.test(category.code ?? '') && !ML_CATEGORY.test(category.code ?? '')) {
            accept('error', l10n.t("Category '{0}' is neither 0-9 nor ML1-ML22.", category.code), { node: category, property: 'code', code: 'category-code' });
        } else if (seen.has(category.code)) {
            accept('error', l10n.t('Category {0} appears twice; merge the two.', category.code), { node: category, property: 'code', code: 'duplicate-category' });
        }
        seen.add(category.code);
    }
}

function checkCategoryMembers(category: Category, accept: ValidationAcceptor): void {
    const munitions = isMunitionsCategory(category);
    let previous = '';
    for (const member of category.members) {
        if (isGroup(member)) {
            if (munitions) {
                accept('error', l10n.t('Munitions category {0} has no groups: write its items directly in the category.', category.code), { node: member, keyword: 'group', code: 'misplaced-member' });
            } else if (!/^[A-E]$/.test(member.letter ?? '')) {
                accept('error', l10n.t("Group '{0}' is not one of A-E.", member.letter), { node: member, property: 'letter', code: 'group-letter' });
            } else if (member.letter <= previous) {
                accept('error', l10n.t('Group {0} comes after group {1}: groups run A to E, each once.', member.letter, previous), { node: member, property: 'letter', code: 'group-letter' });
            }
            if (isGroup(member) && member.letter) previous = member.letter > previous ? member.letter : previous;
        } else if (isEntry(member) && !munitions) {
            accept('error', l10n.t('Entry {0} must sit in a group (A-E) of category {1}.', member.code, category.code), { node: member, property: 'code', code: 'misplaced-member' });
        } else if (isItem(member) && !munitions) {
            accept('error', l10n.t('Items belong in an entry; only munitions categories (ML1-ML22) hold items directly.'), { node: member, property: 'label', code: 'misplaced-member' });
        }
    }
}

function checkEntryCodes(group: Group, accept: ValidationAcceptor): void {
    const category = group.$container;
    const numbering = numberingOf(group);
    let previous: { number: number; code: string } | undefined;
    for (const entry of group.members.filter(isEntry)) {
        const parsed = parseCode(entry.code ?? '');
        if (!parsed || parsed.labels.length > 0 || parsed.scheme === 'munitions' || parsed.scheme !== numbering) {
            const example = numbering === 'eccn' ? `${category.code}${group.letter}001` : `${category.code}.${group.letter}.1`;
            accept('error', l10n.t("Entry code '{0}' is not written in {1} numbering (such as {2}).", entry.code, numbering, example), { node: entry, property: 'code', code: 'code-format', data: { code: 'code-format', numbering } });
            continue;
        }
        if (parsed.category !== category.code) {
            accept('error', l10n.t('Entry {0} is in category {1}, but its code says category {2}.', entry.code, category.code, parsed.category), { node: entry, property: 'code', code: 'code-category' });
        } else if (parsed.group !== group.letter) {
            accept('error', l10n.t('Entry {0} is in group {1}, but its code says group {2}.', entry.code, group.letter, parsed.group ?? ''), { node: entry, property: 'code', code: 'code-group' });
        }
        const number = Number(parsed.eccnDigits ?? parsed.number);
        if (previous && number < previous.number) {
            accept('warning', l10n.t('Entry {0} comes after {1}: keep entries in ascending order.', entry.code, previous.code), { node: entry, property: 'code', code: 'entry-order' });
        }
        previous = { number, code: entry.code };
    }
}

function checkDuplicateCodes(list: ControlList, accept: ValidationAcceptor): void {
    const first = new Map<string, AstNode>();
    for (const [code, node] of namedNodes(list)) {
        if (!isEntry(node) && !isItem(node)) continue;
        const earlier = first.get(code);
        if (!earlier) {
            first.set(code, node);
            continue;
        }
        const line = (earlier.$cstNode?.range.start.line ?? 0) + 1;
        const info = isEntry(node) ? { node, property: 'code' as const } : { node, property: 'label' as const };
        accept('error', l10n.t('Duplicate code {0}: already used on line {1}.', code, line), { ...info, code: 'duplicate-code' } as never);
    }
}

/** 1-based depth of an item below its entry (or its munitions category). */
export function itemDepth(item: Item): number {
    let depth = 1;
    for (let n: AstNode | undefined = item.$container; isItem(n); n = n.$container) depth++;
    return depth;
}

export const expectsLetter = (depth: number) => depth % 2 === 1;

/** Letter labels count a=1 .. z=26, aa=27 ..; number labels count as written. */
export function labelIndex(label: string): number | undefined {
    if (/^[0-9]+$/.test(label)) return Number(label);
    if (!/^[a-z]+$/.test(label)) return undefined;
    return [...label].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 96), 0);
}

export function labelAt(index: number, letter: boolean): string {
    if (!letter) return String(index);
    let label = '';
    for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(97 + ((n - 1) % 26)) + label;
    return label;
}

/**
 * Whether the item is in an entry of another regime's numbering (an ECCN 1xx-4xx: the Australia
 * Group's 1C350.1 to .89 number their first level; category 0, the NSG's), where the WA's
 * letters-then-numbers do not hold.
 */
function inOtherRegimeEntry(item: Item): boolean {
    let node: AstNode | undefined = item.$container;
    while (isItem(node)) node = node.$container;
    const parsed = isEntry(node) ? parseCode(node.code) : undefined;
    // Category 0 is the NSG's (nuclear) in every numbering.
    return parsed !== undefined && (parsed.category === '0' || (parsed.eccnDigits !== undefined && parsed.eccnDigits[0] !== '0'));
}

function checkLabelKind(item: Item, accept: ValidationAcceptor): void {
    if (inOtherRegimeEntry(item)) return;
    const letter = expectsLetter(itemDepth(item));
    const isLetter = /^[a-z]+$/.test(item.label ?? '');
    const isNumber = /^[0-9]+$/.test(item.label ?? '');
    if (!isLetter && !isNumber) {
        accept('error', letter ? l10n.t("Label '{0}' must be lower-case letters (a, b, c).", item.label) : l10n.t("Label '{0}' must be a number (1, 2, 3).", item.label), { node: item, property: 'label', code: 'label-kind' });
    } else if (letter !== isLetter) {
        accept('error', letter ? l10n.t("At this depth labels are letters (a, b, c): '{0}' should be a letter.", item.label) : l10n.t("At this depth labels are numbers (1, 2, 3): '{0}' should be a number.", item.label), { node: item, property: 'label', code: 'label-kind', data: { code: 'label-kind' } });
    }
}

/** Sibling labels run 1, 2, 3 (a, b, c) in order; reports the first sibling that breaks the run. */
function checkLabelSequence(parent: Entry | Item | Category, accept: ValidationAcceptor): void {
    const items = parent.members.filter(isItem);
    if (items.length === 0) return;
    const letter = expectsLetter(itemDepth(items[0]));
    const seen = new Map<number, Item>();
    for (const [position, item] of items.entries()) {
        const index = labelIndex(item.label ?? '');
        const expected = labelAt(position + 1, letter);
        if (index === undefined || /^[a-z]+$/.test(item.label) !== letter) return; // label-kind reports it
        if (index === position + 1) {
            seen.set(index, item);
            continue;
        }
        const message = seen.has(index) ? l10n.t('Label {0} repeats label {0}: expected {1} here (keep a withdrawn label as `item {1} reserved`).', item.label, expected)
            : index < position + 1 ? l10n.t('Label {0} is out of order: expected {1} here (keep a withdrawn label as `item {1} reserved`).', item.label, expected)
            : position === 0 ? l10n.t('Label {0} starts the sequence: expected {1} here (keep a withdrawn label as `item {1} reserved`).', item.label, expected)
            : l10n.t('Label {0} skips from {2} to {0}: expected {1} here (keep a withdrawn label as `item {1} reserved`).', item.label, expected, labelAt(position, letter));
        accept('warning', message,
            { node: item, property: 'label', code: 'label-sequence', data: { code: 'label-sequence', expected, skipped: !seen.has(index) && index > position + 1 } });
        return;
    }
}

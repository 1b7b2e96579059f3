/**
 * Edits that bring a WA item's version into a national list's text, as LSP text edits on the
 * list's parse: adopting the WA text and thresholds for a national item (its notes, sub-items,
 * tiers, precedent and label stay), and inserting an uncovered WA item as a skeleton where it
 * belongs (below the nearest national item above it, else as an entry of its group in code order,
 * the group or category made when missing). The quick fixes, the Conformance view and `cld follow`
 * all use these.
 */
import { CstUtils, GrammarUtils, isLeafCstNode } from 'langium';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { parseCode, toEccnCode } from '../codes.js';
import { nodesByCode } from '../conformance/conformance-diagnostics.js';
import { matchKey } from '../diff/match-keys.js';
import { type Category, type ControlList, type Entry, type Group, type Item, isCategory, isEntry, isGroup, isThreshold, isThresholdChoice } from '../generated/ast.js';
import type { FlatItem, FlatList } from '../model/flat-items.js';
import { quoteText } from '../value-converter.js';
import { parameterDeclarations, skeletonLines, thresholdLines } from './wa-item-text.js';

/** A parsed list and its text. */
export interface ListSource {
    list: ControlList;
    text: string;
}

/** The national item's text and thresholds made the WA item's (its tiers too, `withTiers`); missing WA parameters declared. */
export function adoptEdits(source: ListSource, item: Entry | Item, waItem: FlatItem, withTiers = false): TextEdit[] {
    if (!item.$cstNode) return [];
    const tierEdits = withTiers ? tierEdit(item, waItem.tiers) : [];
    const indent = ' '.repeat(item.$cstNode.range.start.character);
    const inner = `${indent}    `;
    const edits: TextEdit[] = [];
    // The text.
    const textNode = GrammarUtils.findNodeForProperty(item.$cstNode, 'text');
    const labelNode = GrammarUtils.findNodeForProperty(item.$cstNode, isEntry(item) ? 'code' : 'label');
    if (waItem.text !== undefined) {
        if (textNode) edits.push({ range: textNode.range, newText: quoteText(waItem.text) });
        else if (labelNode) edits.push({ range: { start: labelNode.range.end, end: labelNode.range.end }, newText: ` ${quoteText(waItem.text)}` });
    }
    // The thresholds: the old ones out, the WA's where the first one was (else first in the body).
    const lines = thresholdLines(waItem.thresholds).map(line => `${inner}${line}`);
    const old = item.members.filter(m => isThreshold(m) || isThresholdChoice(m));
    const sourceLines = source.text.split('\n');
    for (const member of old) {
        const cst = member.$cstNode!;
        const range = cst.range;
        const first = member === old[0] && lines.length > 0;
        // A threshold alone on its lines goes with them; one beside other text (`item a "..." { x > 1 W }`) by itself.
        const alone = sourceLines.slice(range.start.line, range.end.line + 1).join('\n').trim() === cst.text.trim();
        if (alone) edits.push({ range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: first ? `${lines.join('\n')}\n` : '' });
        else edits.push({ range, newText: first ? lines.map(l => l.trim()).join(' ') : '' });
    }
    if (old.length === 0 && lines.length > 0) {
        const open = GrammarUtils.findNodeForKeyword(item.$cstNode, '{');
        const end = [...CstUtils.streamCst(item.$cstNode)].filter(n => n.text.length > 0 && isLeafCstNode(n)).pop()!;
        if (open && open.range.end.line < item.$cstNode.range.end.line) edits.push({ range: { start: open.range.end, end: open.range.end }, newText: `\n${lines.join('\n')}` });
        else if (open) edits.push({ range: { start: open.range.end, end: open.range.end }, newText: `\n${lines.join('\n')}\n${indent}` });
        else if (end.text === ';') edits.push({ range: end.range, newText: ` {\n${lines.join('\n')}\n${indent}}` });
        else edits.push({ range: { start: end.range.end, end: end.range.end }, newText: ` {\n${lines.join('\n')}\n${indent}}` });
    }
    edits.push(...parameterDeclarations(source.list, waItem.thresholds), ...tierEdits);
    return edits;
}

/** The item's `tier` clause made `tiers` (written, changed, or taken out); none when they are the same. */
function tierEdit(item: Entry | Item, tiers: string[]): TextEdit[] {
    const current = item.tiers?.tiers ?? [];
    if (current.length === tiers.length && current.every(t => tiers.includes(t))) return [];
    const clause = tiers.length ? `tier ${tiers.join(' ')}` : '';
    const node = item.tiers?.$cstNode;
    if (node) return [{ range: node.range, newText: clause }];
    const after = GrammarUtils.findNodeForProperty(item.$cstNode, 'text') ?? GrammarUtils.findNodeForProperty(item.$cstNode, isEntry(item) ? 'code' : 'label');
    return after && clause ? [{ range: { start: after.range.end, end: after.range.end }, newText: ` ${clause}` }] : [];
}


export function skeletonEdits(source: ListSource, wa: FlatList, waCode: string): TextEdit[] | string {
    const list = source.list;
    const waItem = wa.items.find(i => i.code === waCode);
    if (!waItem) return `${waCode} is not in ${wa.id ?? 'the WA edition'}`;
    const subtree = wa.items.filter(i => i.code === waCode || i.code.startsWith(`${waCode}.`));
    const parameters = parameterDeclarations(list, subtree.flatMap(i => i.thresholds));
    const eccn = (list.header?.numbering ?? 'wassenaar') === 'eccn';
    const parts = waCode.split('.');
    const nodes = nodesByCode(list);
    // Below the nearest national item above it.
    for (let length = parts.length - 1; length >= (parts[0].startsWith('ML') ? 1 : 3); length--) {
        const parent = nodes.get(parts.slice(0, length).join('.'));
        if (parent) return [...intoBody(parent, skeletonLines(waItem, wa.items, 'item', parts[parts.length - 1])), ...parameters];
    }
    const parsed = parseCode(waCode);
    if (!parsed || parsed.scheme === 'munitions') return `${waCode}: its munitions category is not in the list`;
    const code = eccn ? toEccnCode(parts.slice(0, 3).join('.')) : parts.slice(0, 3).join('.');
    if (!code || parts.length > 3) return `the list has no entry ${code ?? parts.slice(0, 3).join('.')} to put ${waCode} in: insert that first`;
    return [...asEntry(source, list, parsed.category, parsed.group!, skeletonLines(waItem, wa.items, 'entry', code)), ...parameters];
}

/** Lines at the end of an entry's or item's body (a body made when it has none). */
function intoBody(parent: Entry | Item, lines: string[]): TextEdit[] {
    const cst = parent.$cstNode!;
    const indent = ' '.repeat(cst.range.start.character);
    const text = cst.text;
    const inner = lines.map(l => `${indent}    ${l}`).join('\n');
    if (text.endsWith('}')) {
        const close = cst.range.end;
        const at = { line: close.line, character: close.character - 1 };
        return close.line === cst.range.start.line
            ? [{ range: { start: at, end: at }, newText: `\n${inner}\n${indent}` }]
            : [{ range: { start: { line: close.line, character: 0 }, end: { line: close.line, character: 0 } }, newText: `${inner}\n` }];
    }
    const end = cst.range.end;
    return text.endsWith(';')
        ? [{ range: { start: { line: end.line, character: end.character - 1 }, end }, newText: ` {\n${inner}\n${indent}}` }]
        : [{ range: { start: end, end }, newText: ` {\n${inner}\n${indent}}` }];
}

/** A new entry in its group, before the first entry that comes after it; the group or category made when missing. */
function asEntry(source: ListSource, list: ControlList, categoryCode: string, letter: string, lines: string[]): TextEdit[] {
    const category = list.members.find((m): m is Category => isCategory(m) && m.code === categoryCode);
    const key = matchKey(lines[0].split(' ')[1]);
    if (!category?.$cstNode) {
        const lines = source.text.split('\n');
        const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
        const block = [`category ${categoryCode} {`, `    group ${letter} {`, ...lines.map(l => `        ${l}`), '    }', '}'].join('\n');
        return [{ range: { start: end, end }, newText: `\n${block}\n` }];
    }
    const group = category.members.find((m): m is Group => isGroup(m) && m.letter === letter);
    if (!group?.$cstNode) {
        const close = category.$cstNode.range.end;
        const at = { line: close.line, character: 0 };
        return [{ range: { start: at, end: at }, newText: [`    group ${letter} {`, ...lines.map(l => `        ${l}`), '    }', ''].join('\n') }];
    }
    const entries = group.members.filter(isEntry);
    const next = entries.find(e => matchKey(e.code).localeCompare(key, 'en', { numeric: true }) > 0);
    const indent = ' '.repeat((entries[0]?.$cstNode ?? group.$cstNode).range.start.character + (entries[0] ? 0 : 4));
    const at = next?.$cstNode ? { line: next.$cstNode.range.start.line, character: 0 } : { line: group.$cstNode.range.end.line, character: 0 };
    return [{ range: { start: at, end: at }, newText: lines.map(l => `${indent}${l}`).join('\n') + '\n' }];
}

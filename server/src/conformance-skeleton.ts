/**
 * "Insert a skeleton entry" for a WA item the national list does not cover: the WA item with its
 * sub-items (text, thresholds, notes, and a `precedent` link to it), in the list's numbering, put
 * where it belongs: below the nearest national item above it (at the end of its body), else as an
 * entry of its group in code order (the group, or the category, made when the list has none).
 * The drafter then edits it into the national wording.
 */
import type { LangiumDocument } from 'langium';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { ConformanceData } from '../../language/src/conformance/conformance-diagnostics.js';
import type { PrecedentHistory } from '../../language/src/history/lineage.js';
import { parseCode, toEccnCode } from '../../language/src/codes.js';
import { nodesByCode } from '../../language/src/conformance/conformance-diagnostics.js';
import { matchKey } from '../../language/src/diff/match-keys.js';
import { type Category, type ControlList, type Entry, type Group, type Item, isCategory, isEntry, isGroup } from '../../language/src/generated/ast.js';
import type { FlatList } from '../../language/src/model/flat-items.js';
import { parameterDeclarations, skeletonLines } from './wa-item-text.js';

export function skeletonEdits(document: LangiumDocument, wa: FlatList, waCode: string): TextEdit[] | string {
    const list = document.parseResult.value as ControlList;
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
        if (parent) return [...intoBody(document, parent, skeletonLines(waItem, wa.items, 'item', parts[parts.length - 1])), ...parameters];
    }
    const parsed = parseCode(waCode);
    if (!parsed || parsed.scheme === 'munitions') return `${waCode}: its munitions category is not in the list`;
    const code = eccn ? toEccnCode(parts.slice(0, 3).join('.')) : parts.slice(0, 3).join('.');
    if (!code || parts.length > 3) return `the list has no entry ${code ?? parts.slice(0, 3).join('.')} to put ${waCode} in: insert that first`;
    return [...asEntry(document, list, parsed.category, parsed.group!, skeletonLines(waItem, wa.items, 'entry', code)), ...parameters];
}

/** The quick fix on a "not covered" diagnostic: the same skeleton, from the WA edition the finding was made from. */
export function skeletonFix(diagnostic: Diagnostic, document: LangiumDocument, history: PrecedentHistory | undefined): CodeAction[] {
    const data = diagnostic.data as ConformanceData | undefined;
    if (data?.kind !== 'not-covered' || !data.waCode || !data.waId) return [];
    const wa = history?.editions.find(e => e.id === data.waId)?.list;
    const edits = wa ? skeletonEdits(document, wa, data.waCode) : undefined;
    if (!edits || typeof edits === 'string') return [];
    return [{ title: `Insert WA ${data.waCode} as a skeleton entry`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri.toString()]: edits } } }];
}

/** Lines at the end of an entry's or item's body (a body made when it has none). */
function intoBody(document: LangiumDocument, parent: Entry | Item, lines: string[]): TextEdit[] {
    const cst = parent.$cstNode!;
    const indent = ' '.repeat(cst.range.start.character);
    const text = document.textDocument.getText(cst.range);
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
function asEntry(document: LangiumDocument, list: ControlList, categoryCode: string, letter: string, lines: string[]): TextEdit[] {
    const category = list.members.find((m): m is Category => isCategory(m) && m.code === categoryCode);
    const key = matchKey(lines[0].split(' ')[1]);
    if (!category?.$cstNode) {
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
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

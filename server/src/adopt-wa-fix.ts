/**
 * The quick fix on a conformance finding: "Adopt WA <year> text and thresholds". The national
 * item's text becomes the WA item's, and its thresholds the WA item's (written as the importer
 * writes them, each with the words it was read from); its notes, sub-items, tiers, precedent and
 * label stay. A parameter the list does not declare yet is declared after its last one.
 */
import { CstUtils, GrammarUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { ConformanceData } from '../../language/src/conformance/conformance-diagnostics.js';
import { type ControlList, type Entry, type Item, isEntry, isItem, isThreshold, isThresholdChoice } from '../../language/src/generated/ast.js';
import type { PrecedentHistory } from '../../language/src/history/lineage.js';
import { parameterDeclarations, thresholdLines } from './wa-item-text.js';
import { quoteText } from '../../language/src/value-converter.js';

/** The kinds whose item has a WA counterpart to adopt. */
const ADOPTABLE = new Set(['reworded', 'broader', 'narrower', 'other-limits', 'older']);

export function adoptWaFix(diagnostic: Diagnostic, document: LangiumDocument, history: PrecedentHistory | undefined): CodeAction[] {
    const data = diagnostic.data as ConformanceData | undefined;
    if (!data || !ADOPTABLE.has(data.kind) || !data.waCode || !data.waId || !history) return [];
    const edition = history.editions.find(e => e.id === data.waId);
    const waItem = edition?.list.items.find(i => i.code === data.waCode);
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start)) : undefined;
    const node = leaf?.astNode;
    const item = isEntry(node) || isItem(node) ? node : isEntry(node?.$container) || isItem(node?.$container) ? node.$container as Entry | Item : undefined;
    if (!waItem || !item?.$cstNode) return [];
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
    for (const member of old) {
        const range = member.$cstNode!.range;
        edits.push({ range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: member === old[0] && lines.length ? `${lines.join('\n')}\n` : '' });
    }
    if (old.length === 0 && lines.length > 0) {
        const open = GrammarUtils.findNodeForKeyword(item.$cstNode, '{');
        const end = [...CstUtils.streamCst(item.$cstNode)].filter(n => n.text.length > 0 && isLeafCstNode(n)).pop()!;
        if (open && open.range.end.line < item.$cstNode.range.end.line) edits.push({ range: { start: open.range.end, end: open.range.end }, newText: `\n${lines.join('\n')}` });
        else if (open) edits.push({ range: { start: open.range.end, end: open.range.end }, newText: `\n${lines.join('\n')}\n${indent}` });
        else if (end.text === ';') edits.push({ range: end.range, newText: ` {\n${lines.join('\n')}\n${indent}}` });
        else edits.push({ range: { start: end.range.end, end: end.range.end }, newText: ` {\n${lines.join('\n')}\n${indent}}` });
    }
    edits.push(...parameterDeclarations(document.parseResult.value as ControlList, waItem.thresholds));
    const year = edition!.year ?? edition!.id;
    return [{ title: `Adopt WA ${year} text and thresholds`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri.toString()]: edits } } }];
}

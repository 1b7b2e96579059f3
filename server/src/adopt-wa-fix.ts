/**
 * The quick fix on a conformance finding: "Adopt WA <year> text and thresholds" (the core's
 * adoptEdits: the national item's text and thresholds become the WA item's; its notes, sub-items,
 * tiers, precedent and label stay; a parameter the list lacks is declared).
 */
import * as l10n from '@vscode/l10n';
import { CstUtils, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { ConformanceData } from '../../language/src/conformance/conformance-diagnostics.js';
import { type ControlList, type Entry, type Item, isEntry, isItem } from '../../language/src/generated/ast.js';
import type { PrecedentHistory } from '../../language/src/history/lineage.js';
import { adoptEdits } from '../../language/src/national/item-edits.js';

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
    const edits = adoptEdits({ list: document.parseResult.value as ControlList, text: document.textDocument.getText() }, item, waItem);
    const year = edition!.year ?? edition!.id;
    return [{ title: l10n.t('Adopt WA {0} text and thresholds', year), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri.toString()]: edits } } }];
}

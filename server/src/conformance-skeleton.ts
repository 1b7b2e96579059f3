/**
 * "Insert a skeleton entry" for a WA item the national list does not cover (the core's
 * skeletonEdits, in language/src/national/item-edits.ts), for the cld/conformanceSkeleton request
 * and as the quick fix of a "not covered" diagnostic.
 */
import * as l10n from '@vscode/l10n';
import type { LangiumDocument } from 'langium';
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import type { ConformanceData } from '../../language/src/conformance/conformance-diagnostics.js';
import type { ControlList } from '../../language/src/generated/ast.js';
import type { PrecedentHistory } from '../../language/src/history/lineage.js';
import { skeletonEdits } from '../../language/src/national/item-edits.js';

/** The edits for an uncovered WA item in an open list (the core's skeletonEdits), or why there are none. */
export function skeletonEditsIn(document: LangiumDocument, wa: Parameters<typeof skeletonEdits>[1], waCode: string): ReturnType<typeof skeletonEdits> {
    return skeletonEdits({ list: document.parseResult.value as ControlList, text: document.textDocument.getText() }, wa, waCode);
}

/** The quick fix on a "not covered" diagnostic: the same skeleton, from the WA edition the finding was made from. */
export function skeletonFix(diagnostic: Diagnostic, document: LangiumDocument, history: PrecedentHistory | undefined): CodeAction[] {
    const data = diagnostic.data as ConformanceData | undefined;
    if (data?.kind !== 'not-covered' || !data.waCode || !data.waId) return [];
    const wa = history?.editions.find(e => e.id === data.waId)?.list;
    const edits = wa ? skeletonEditsIn(document, wa, data.waCode) : undefined;
    if (!edits || typeof edits === 'string') return [];
    return [{ title: l10n.t('Insert WA {0} as a skeleton entry', data.waCode), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri.toString()]: edits } } }];
}

import * as l10n from '@vscode/l10n';
import type { LangiumDocument } from 'langium';
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import type { UnitConversionData } from '../../language/src/validation/threshold-rules.js';

/** "Convert 0.35 um to 350 nm": rewrites the number and the unit exactly, when the result is a terminating decimal. */
export function unitCodeActions(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const data = diagnostic.data as UnitConversionData | undefined;
    if (diagnostic.code !== 'unit-not-preferred' || !data?.converted) return [];
    const text = document.textDocument;
    // The diagnostic marks the unit; the number is the word before it on the same line.
    const unitEnd = text.offsetAt(diagnostic.range.end);
    const lineStart = text.offsetAt({ line: diagnostic.range.start.line, character: 0 });
    const before = text.getText().slice(lineStart, text.offsetAt(diagnostic.range.start));
    const number = /(-?[0-9][0-9.e+-]*)\s*$/.exec(before);
    if (!number) return [];
    const start = text.positionAt(lineStart + number.index);
    return [{
        title: l10n.t('Convert {0} to {1} {2}', data.from, data.converted ?? '', data.to),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: { start, end: text.positionAt(unitEnd) }, newText: `${data.converted} ${data.to}` }] } }
    }];
}

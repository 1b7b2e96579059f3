import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';

/** Quick fixes for threshold and unit diagnostics (e.g. convert 0.35 um to 350 nm). */
export function unitCodeActions(_diagnostic: Diagnostic, _document: LangiumDocument): CodeAction[] {
    return [];
}

import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { unitCodeActions } from './unit-fixes.js';

/** Quick fixes for CLD diagnostics, keyed by the diagnostic's code. */
export class CldCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        return params.context.diagnostics.flatMap(diagnostic => unitCodeActions(diagnostic, document));
    }
}

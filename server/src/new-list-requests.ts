/**
 * cld/newList: the text of a national list started from a WA edition (the core's new-list.ts, as
 * `cld new`), validated; the editor's command writes it where the user chose.
 */
import * as l10n from '@vscode/l10n';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { ControlList } from '../../language/src/generated/ast.js';
import { validateCld } from '../../language/src/importer/import-edition.js';
import { newNationalList } from '../../language/src/national/new-list.js';
import { checkParams } from './request-params.js';

export const NEW_LIST = 'cld/newList';

export type NewListResult = { ok: true; text: string; warnings: number } | { ok: false; message: string };

export function registerNewListRequests(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(NEW_LIST, async (params: { uri: string; numbering?: string; title?: string; id?: string }): Promise<NewListResult> => {
        checkParams(NEW_LIST, params, { uri: 'string', numbering: 'string?', title: 'string?', id: 'string?' });
        const numbering = params.numbering === 'wassenaar' ? 'wassenaar' : 'eccn';
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.parse(params.uri));
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        if (errors.length > 0) return { ok: false, message: l10n.t('the WA edition has {0} error(s) (line {1}: {2}); fix them first', errors.length, errors[0].range.start.line + 1, String(errors[0].message)) };
        const wa = document.parseResult.value as ControlList;
        if (wa.header?.numbering === 'eccn') return { ok: false, message: l10n.t('this is a national list (ECCN numbering); start from a WA edition') };
        const made = newNationalList(wa, document.textDocument.getText(), { numbering, title: params.title, id: params.id });
        if ('problem' in made) return { ok: false, message: made.problem };
        const check = await validateCld(made.text, 'new');
        if (check.errors.length > 0) return { ok: false, message: l10n.t('the new list would have {0} error(s) (line {1}: {2})', check.errors.length, check.errors[0].line + 1, check.errors[0].message) };
        return { ok: true, text: made.text, warnings: check.warnings };
    });
}

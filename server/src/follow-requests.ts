/**
 * cld/followTargets and cld/follow: the editor's "CLD: Follow WA Edition…". The open national list
 * is taken to a later WA edition of the precedent library by the core's followEdition (as
 * `cld follow`); the answer is the changes as groups of edits of the open text, for a workspace
 * edit the drafter confirms change by change, and the memo.
 */
import * as l10n from '@vscode/l10n';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, TextEdit } from 'vscode-languageserver';
import { implementedEdition } from '../../language/src/conformance/conformance.js';
import type { ControlList } from '../../language/src/generated/ast.js';
import { flattenList } from '../../language/src/model/flat-items.js';
import { followEdition } from '../../language/src/national/follow.js';
import { followMemo } from '../../language/src/national/follow-memo.js';
import type { CldServices } from './cld-lsp-module.js';
import { checkParams } from './request-params.js';

export type FollowTargets = { ok: true; from: string; editions: string[] } | { ok: false; message: string };
export type FollowAnswer = { ok: true; from: string; to: string; changes: Array<{ title: string; edits: TextEdit[] }>; memo: string } | { ok: false; message: string };

export function registerFollowRequests(connection: Connection, shared: LangiumSharedServices, cld: CldServices): void {
    const prepare = async (uri: string) => {
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        if (!document) return { message: l10n.t('open the list first') };
        const precedents = cld.precedents.Library;
        await precedents.ready(document);
        const library = await precedents.library(document);
        if (library.status !== 'ready') return { message: l10n.t('no WA editions to follow: set cld.precedents.path, or import the WA editions (CLD: Import WA Editions)') };
        const national = flattenList(document.parseResult.value as ControlList);
        const from = implementedEdition(national, library.history, library.folder);
        if (!from.wa) return { message: from.problems.join('; ') };
        const index = library.history.editions.findIndex(e => e.id === from.wa!.id);
        return { document, national, history: library.history, folder: library.folder, from: from.wa, later: library.history.editions.slice(index + 1).map(e => e.id) };
    };
    connection.onRequest('cld/followTargets', async (params: { uri: string }): Promise<FollowTargets> => {
        checkParams('cld/followTargets', params, { uri: 'string' });
        const ready = await prepare(params.uri);
        if ('message' in ready) return { ok: false, message: ready.message ?? '' };
        return ready.later.length ? { ok: true, from: ready.from.id ?? '', editions: ready.later } : { ok: false, message: l10n.t('no WA edition later than {0} in {1}', ready.from.id ?? '', ready.folder) };
    });
    connection.onRequest('cld/follow', async (params: { uri: string; to: string }): Promise<FollowAnswer> => {
        checkParams('cld/follow', params, { uri: 'string', to: 'string' });
        const ready = await prepare(params.uri);
        if ('message' in ready) return { ok: false, message: ready.message ?? '' };
        if (ready.document.diagnostics?.some(d => d.severity === 1)) return { ok: false, message: l10n.t('the list has errors; fix them first') };
        const to = implementedEdition(ready.national, ready.history, ready.folder, params.to);
        if (!to.wa) return { ok: false, message: to.problems.join('; ') };
        if (!ready.later.includes(to.wa.id ?? '')) return { ok: false, message: l10n.t('{0} is not later than {1}, the edition the list implements', to.wa.id ?? '', ready.from.id ?? '') };
        const file = URI.parse(params.uri).path.split('/').pop() ?? 'list.cld';
        const result = followEdition({ list: ready.document.parseResult.value as ControlList, text: ready.document.textDocument.getText() }, file, ready.from, to.wa, cld.parser.LangiumParser);
        if ('problem' in result) return { ok: false, message: result.problem };
        // Followed in place, the list does not supersede itself: the header only implements the new edition.
        const changes = result.changes.map(c => c.title.startsWith('implement ') ? { title: `implement ${result.to}`, edits: c.edits.filter(e => !e.newText.includes('supersedes')) } : c);
        return { ok: true, from: result.from, to: result.to, changes: changes.filter(c => c.edits.length > 0), memo: followMemo(result, ready.national.id) };
    });
}

import * as l10n from '@vscode/l10n';
import { type AstNode, AstUtils, CstUtils, GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { fullCode, toEccnCode, toWassenaarCode } from '../../language/src/codes.js';
import { type ControlList, isCategory, isDefinitions, isEntry, isItem, isReference, isTierSpec } from '../../language/src/generated/ast.js';
import { quoteText } from '../../language/src/value-converter.js';
import { expectsLetter, itemDepth, labelAt } from '../../language/src/validation/structure-rules.js';
import { unitCodeActions } from './unit-fixes.js';
import { adoptWaFix } from './adopt-wa-fix.js';
import { skeletonFix } from './conformance-skeleton.js';
import type { CldServices } from './cld-lsp-module.js';

type Fix = (diagnostic: Diagnostic, document: LangiumDocument) => CodeAction[];

/** Quick fixes for CLD diagnostics, keyed by the diagnostic's code. Each edit keeps every word the user wrote. */
export class CldCodeActionProvider implements CodeActionProvider {
    private readonly fixes: Record<string, Fix> = {
        'unit-not-preferred': unitCodeActions,
        'label-sequence': (d, doc) => [...renumberSiblings(d, doc), ...insertReservedLabel(d, doc)],
        'label-kind': (d, doc) => renumberSiblings(d, doc),
        'term-undefined': addDefinitionStub,
        'tier-very-sensitive': addSensitiveTier,
        'tier-munitions': replaceTier,
        'code-format': convertEntryCode,
        'precedent-format': convertPrecedent
    };

    constructor(private readonly services?: CldServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const codeOf = (diagnostic: Diagnostic) => String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? '');
        const actions = params.context.diagnostics.flatMap(diagnostic => this.fixes[codeOf(diagnostic)]?.(diagnostic, document) ?? []);
        const conformance = params.context.diagnostics.filter(d => codeOf(d).startsWith('conformance-'));
        if (conformance.length === 0 || !this.services) return actions;
        // The WA version to adopt comes from the precedent library the finding was made from.
        return this.services.precedents.Library.library(document).then(library => {
            const history = library.status === 'ready' ? library.history : undefined;
            return [...actions, ...conformance.flatMap(d => [...adoptWaFix(d, document, history), ...skeletonFix(d, document, history)])];
        });
    }
}

function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    return root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start))?.astNode : undefined;
}

function action(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], isPreferred = false): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.uri.toString()]: edits } } };
}

/** Relabels the siblings a, b, c (or 1, 2, 3) in order, and every `see` to them or below them. */
function renumberSiblings(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const item = nodeAt(document, diagnostic);
    if (!isItem(item)) return [];
    const siblings = (item.$container as { members: AstNode[] }).members.filter(isItem);
    const letter = expectsLetter(itemDepth(item));
    const renames = new Map<string, string>();
    const edits: TextEdit[] = [];
    siblings.forEach((sibling, index) => {
        const label = labelAt(index + 1, letter);
        const labelNode = GrammarUtils.findNodeForProperty(sibling.$cstNode, 'label');
        if (label === sibling.label || !labelNode) return;
        edits.push({ range: labelNode.range, newText: label });
        const oldCode = fullCode(sibling);
        if (oldCode) renames.set(oldCode, oldCode.slice(0, oldCode.length - sibling.label.length) + label);
    });
    if (edits.length === 0) return [];
    for (const ref of AstUtils.streamAllContents(document.parseResult.value).filter(isReference)) {
        const text = ref.target?.$refText ?? '';
        const refNode = GrammarUtils.findNodeForProperty(ref.$cstNode, 'target');
        const prefix = [...renames.keys()].find(old => text === old || text.startsWith(old + '.'));
        if (prefix && refNode) edits.push({ range: refNode.range, newText: renames.get(prefix)! + text.slice(prefix.length) });
    }
    const labels = siblings.map((_, i) => labelAt(i + 1, letter));
    return [action(l10n.t('Renumber labels {0} (and references)', `${labels.slice(0, 3).join(', ')}${labels.length > 3 ? ', …' : ''}`), diagnostic, document, edits, true)];
}

/** Inserts `item <expected> reserved` before the item that skipped it, keeping the others as they are. */
function insertReservedLabel(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const item = nodeAt(document, diagnostic);
    const { expected, skipped } = (diagnostic.data ?? {}) as { expected?: string; skipped?: boolean };
    if (!isItem(item) || !expected || !skipped || !item.$cstNode) return [];
    const start = item.$cstNode.range.start;
    const indent = document.textDocument.getText({ start: { line: start.line, character: 0 }, end: start });
    const newText = /^\s*$/.test(indent) ? `item ${expected} reserved\n${indent}` : `item ${expected} reserved `;
    return [action(l10n.t('Insert `item {0} reserved`', expected), diagnostic, document, [{ range: { start, end: start }, newText }])];
}

function addDefinitionStub(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const term = (diagnostic.data as { term?: string } | undefined)?.term;
    if (!term) return [];
    const list = document.parseResult.value as ControlList;
    const definitions = list.members.find(isDefinitions);
    const stub = `term ${quoteText(term)} "TODO: define ${term.replace(/["\\]/g, '')}"`;
    const text = document.textDocument;
    let edit: TextEdit;
    if (definitions?.$cstNode) {
        const close = definitions.$cstNode.range.end; // just after the closing brace
        const closePos = text.positionAt(text.offsetAt(close) - 1);
        const indent = text.getText({ start: { line: definitions.$cstNode.range.start.line, character: 0 }, end: definitions.$cstNode.range.start });
        edit = { range: { start: closePos, end: closePos }, newText: `    ${stub}\n${indent}` };
        if (closePos.line === definitions.$cstNode.range.start.line) edit.newText = ` ${stub} `;
    } else {
        const firstCategory = list.members.find(isCategory);
        const at = firstCategory?.$cstNode?.range.start ?? text.positionAt(text.getText().length);
        edit = { range: { start: at, end: at }, newText: `definitions {\n    ${stub}\n}\n\n` };
    }
    return [action(l10n.t('Add a definition of "{0}"', term), diagnostic, document, [edit], true)];
}

function addSensitiveTier(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const spec = nodeAt(document, diagnostic);
    if (!isTierSpec(spec)) return [];
    return [action(l10n.t('Add the sensitive tier'), diagnostic, document, [{ range: { start: diagnostic.range.start, end: diagnostic.range.start }, newText: 'sensitive ' }], true)];
}

function replaceTier(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const replacement = (diagnostic.data as { replace?: string } | undefined)?.replace;
    if (!replacement) return [];
    return [action(l10n.t('Change the tier to {0}', replacement), diagnostic, document, [{ range: diagnostic.range, newText: replacement }], true)];
}

function convertEntryCode(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const entry = nodeAt(document, diagnostic);
    const numbering = (diagnostic.data as { numbering?: string } | undefined)?.numbering;
    if (!isEntry(entry) || !entry.code) return [];
    const converted = numbering === 'eccn' ? toEccnCode(entry.code) : toWassenaarCode(entry.code);
    if (!converted || converted === entry.code) return [];
    return [action(l10n.t('Write the code as {0}', converted), diagnostic, document, [{ range: diagnostic.range, newText: converted }], true)];
}

function convertPrecedent(diagnostic: Diagnostic, document: LangiumDocument): CodeAction[] {
    const replacement = (diagnostic.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [action(l10n.t('Write the precedent as {0}', replacement), diagnostic, document, [{ range: diagnostic.range, newText: replacement }], true)] : [];
}


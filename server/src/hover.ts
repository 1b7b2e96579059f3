import * as l10n from '@vscode/l10n';
import { type AstNode, AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { effectiveTiers } from '../../language/src/tiers.js';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { enclosing, fullCode, numberingOf, toWassenaarCode } from '../../language/src/codes.js';
import { type Entry, type Item, type Note, type ParameterDecl, type TermDef, isEntry, isItem, isNote, isParameterDecl, isReference, isTermDef, isThreshold, isThresholdChoice } from '../../language/src/generated/ast.js';
import { dimensionOf } from '../../language/src/quantities/units.js';
import { describeThreshold } from '../../language/src/scopes/item-scope.js';
import { termAtOffset } from '../../language/src/term-lookup.js';
import type { CldServices } from './cld-lsp-module.js';
import { historyHover, thresholdHistory, waCodeOf } from './history-hover.js';
import type { CldPrecedents } from './precedents.js';

/**
 * Hover: an entry or item shows its full code (and WA code), text, tiers with where they come
 * from, and its thresholds as exact sets; a threshold its exact set; a parameter its declaration;
 * a "term" in text its definition; a `see` its target.
 */
export class CldHoverProvider implements HoverProvider {
    private readonly precedents: CldPrecedents;

    constructor(services: CldServices) {
        this.precedents = services.precedents.Library;
    }

    async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value;
        if (!root.$cstNode) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const term = termAtOffset(document, offset);
        if (term) {
            const found = term.definition ? termHover(term.definition) : term.inWords ? definedInWordsHover(term.occurrence.name, term.inWords.definedIn, term.node) : `**${term.occurrence.name}**\n\n${l10n.t('Not defined in this list.')}`;
            if (term.byOtherName === undefined) return markdown(found);
            // Found by the other name the text gives it ("'Magnetorheological finishing (MRF)'" by 'MRF'): said under the heading.
            const [heading, ...rest] = found.split('\n\n');
            return markdown([heading, l10n.t('Defined as {0}, the name the text gives it in brackets.', escapeMarkdown(`'${term.byOtherName}'`)), ...rest].join('\n\n'));
        }
        const leaf = CstUtils.findLeafNodeAtOffset(root.$cstNode, offset);
        if (!leaf) return undefined;
        for (let node: AstNode | undefined = leaf.astNode; node; node = node.$container) {
            const content = this.contentFor(node, leaf.astNode);
            if (content) return markdown(content + await this.historyFor(document, node, params));
        }
        return undefined;
    }

    /** The WA precedent part: the item's history, or on a threshold that parameter's values over the editions. */
    private async historyFor(document: LangiumDocument, node: AstNode, params: HoverParams): Promise<string> {
        // (A threshold's item is the one around it, also through an `either` choice.)
        const item = isThreshold(node) ? AstUtils.getContainerOfType(node, n => isItem(n) || isEntry(n)) : node;
        if (!(isItem(item) || isEntry(item)) || !(await this.precedents.historyInHover())) return '';
        const code = waCodeOf(item);
        if (!code) return '';
        let answer = await this.precedents.lineage(document, code);
        if (answer.status === 'indexing') {
            // The first hover starts the reading: wait a moment for a small or already indexed library.
            await Promise.race([this.precedents.ready(document), new Promise(resolve => setTimeout(resolve, 1500))]);
            answer = await this.precedents.lineage(document, code);
        }
        if (answer.status === 'none') return '';
        if (answer.status === 'indexing') return '\n\n---\n\n' + l10n.t('*WA precedent: indexing the editions in {0}…*', escapeMarkdown(answer.folder));
        if (!answer.lineage) return '\n\n---\n\n' + l10n.t('**WA precedent**: {0} is in none of the {1} editions.', escapeMarkdown(code), answer.editions);
        const national = numberingOf(item) !== 'wassenaar' || item.precedent !== undefined;
        const link = this.precedents.historyCommand
            ? `\n\n[${l10n.t('Show entry history')}](command:cld.showEntryHistory?${encodeURIComponent(JSON.stringify([document.uri.toString(), params.position]))} "${l10n.t('Versions, changes and a chart of the thresholds over the editions')}")`
            : '';
        return '\n\n---\n\n' + (isThreshold(node) ? thresholdHistory(answer.lineage, node.parameter?.$refText ?? '') : historyHover(answer.lineage, national ? item.text : undefined)) + link;
    }

    private contentFor(node: AstNode, leafNode: AstNode): string | undefined {
        if (isThreshold(node)) {
            const parameter = node.parameter?.ref;
            const head = parameter && leafNode === node ? parameterHover(parameter) + '\n\n---\n\n' : '';
            return head + '`' + describeThreshold(node) + '`';
        }
        if (isReference(node)) {
            const target = node.target?.ref;
            return target ? itemHover(target) : undefined;
        }
        if (isParameterDecl(node)) return parameterHover(node);
        if (isTermDef(node)) return termHover(node);
        if (isNote(node)) return undefined;
        if (isItem(node) || isEntry(node)) return itemHover(node);
        return undefined;
    }
}

function markdown(value: string): Hover {
    return { contents: { kind: 'markdown', value } };
}

function itemHover(node: Entry | Item): string {
    const code = fullCode(node) ?? '?';
    const wa = numberingOf(node) === 'eccn' ? toWassenaarCode(code) : undefined;
    const reserved = !node.reserved ? '' : node.reservedSince ? ` — ${l10n.t('reserved since {0}', node.reservedSince)}` : ` — ${l10n.t('reserved')}`;
    const lines = [`**${code}**${wa ? ` (WA ${wa})` : ''}${reserved}`];
    if (node.text) lines.push('', escapeMarkdown(node.text));
    const tiers = effectiveTiers(node);
    if (tiers.length > 0) lines.push('', l10n.t('Tiers: {0}', tiers.map(t => t.inheritedFrom ? l10n.t('{0} (from {1})', t.tier, t.inheritedFrom) : t.tier).join(', ')));
    if (node.precedent?.code) lines.push('', l10n.t('WA precedent: {0}', node.precedent.code));
    const thresholds = node.members.filter(isThreshold);
    const children = node.members.filter(isItem);
    if (children.length > 0) lines.push('', l10n.t('Sub-items: {0} ({1})', children.length, node.combinator ?? 'any-of'));
    if (thresholds.length > 0) lines.push('', l10n.t('Thresholds:'), ...thresholds.map(t => `- \`${describeThreshold(t)}\``));
    for (const choice of node.members.filter(isThresholdChoice)) {
        lines.push('', l10n.t('Either of:'), ...choice.options.map((option, o) => `${o + 1}. ${option.kind !== undefined ? l10n.t('for {0}: ', escapeMarkdown(option.kind)) : ''}${option.thresholds.map(t => `\`${describeThreshold(t)}\``).join(` ${l10n.t('and')} `)}`));
    }
    const notes = node.members.filter(isNote);
    if (notes.length > 0) lines.push('', ...notes.map(n => `*${n.kind}*: ${escapeMarkdown(n.text ?? '')}`));
    return lines.join('\n');
}

function parameterHover(parameter: ParameterDecl): string {
    const dimension = dimensionOf(parameter.dimension);
    return [`**parameter ${parameter.name}**: ${parameter.dimension}${parameter.unit ? ` (${l10n.t('in {0}', parameter.unit)})` : ''}`,
        parameter.description ? '\n' + escapeMarkdown(parameter.description) : '',
        !dimension ? '' : '\n\n' + (dimension.negativeAllowed ? l10n.t('Base unit {0}; may be negative.', dimension.base) : l10n.t('Base unit {0}; never negative.', dimension.base))].join('');
}

function termHover(term: TermDef): string {
    const name = term.name !== undefined ? `"${term.name}"` : `'${term.localName}'`;
    return `**${escapeMarkdown(name)}** ${term.localName !== undefined ? l10n.t('(local term)') : l10n.t('(defined term)')}\n\n${asWritten(term.definition ?? '')}`;
}

/** A 'local' term defined in words: the note (saying whose, when it is another entry's) or the definition. */
function definedInWordsHover(name: string, definedIn: Note | TermDef, usedIn: AstNode): string {
    // (The note's own item or entry is named, when the use is in another entry: "'syntactic foam' specified by 8.C.1.")
    const container = definedIn.$container;
    const owner = isNote(definedIn) && (isItem(container) || isEntry(container)) ? container : undefined;
    const elsewhere = owner && enclosing(owner).entry !== enclosing(usedIn).entry ? fullCode(owner) : undefined;
    const where = !isNote(definedIn) ? l10n.t('(local term, defined in the definition of {0})', `"${definedIn.name ?? definedIn.localName}"`)
        : elsewhere !== undefined ? l10n.t('(local term, defined in a note to {0})', elsewhere) : l10n.t('(local term, defined in a note)');
    return `**${escapeMarkdown(`'${name}'`)}** ${where}\n\n${asWritten(isNote(definedIn) ? definedIn.text : definedIn.definition)}`;
}

/** A note's or a definition's words with their line breaks (Markdown runs single lines together: "Abbreviations used in this Technical Note n number of processors ..."). */
function asWritten(text: string): string {
    return escapeMarkdown(text).replace(/\r?\n/g, '  \n');
}

function escapeMarkdown(text: string): string {
    return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

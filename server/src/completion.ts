import * as l10n from '@vscode/l10n';
import { type AstNode, AstUtils, CstUtils, GrammarAST, type LangiumDocument, type MaybePromise } from 'langium';
import { type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, DefaultCompletionProvider, type NextFeature, findNextFeatures } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CldCompletionParser, type CompletionWindow, completionWindow } from './completion-window.js';
import { type CompletionList, type CompletionParams, CompletionItemKind } from 'vscode-languageserver';
import { type ControlList, isDefinitions, isParameterDecl, isThreshold } from '../../language/src/generated/ast.js';
import { DIMENSION_NAMES, dimensionOf, unitsOfDimension } from '../../language/src/quantities/units.js';

/**
 * Completion beyond Langium's keywords and cross-references (parameters, `see` codes): the units
 * that fit the threshold's parameter after a number, and dimension names in parameter declarations.
 */
export class CldCompletionProvider extends DefaultCompletionProvider {
    /** The block the request under way reads (completion-window.ts), if it reads only one. */
    private window: CompletionWindow | undefined;

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const terms = this.termCompletion(document, params);
        if (terms) return terms;
        this.window = this.windowFor(document, document.textDocument.offsetAt(params.position));
        return super.getCompletion(document, params);
    }

    protected windowFor(document: LangiumDocument, offset: number): CompletionWindow | undefined {
        return completionWindow(document, offset);
    }

    /** The tokens around the cursor, from the block's text alone when the request reads one block. */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const window = this.window;
        if (!window || window.text !== text || offset < window.bodyStart || offset >= window.end) return super.backtrackToAnyToken(text, offset);
        const found = super.backtrackToAnyToken(text.slice(window.start, window.end), offset - window.start);
        const shift = (n: number | undefined) => (n === undefined ? undefined : n + window.start);
        return { nextTokenStart: shift(found.nextTokenStart)!, nextTokenEnd: shift(found.nextTokenEnd)!, previousTokenStart: shift(found.previousTokenStart), previousTokenEnd: shift(found.previousTokenEnd) };
    }

    /** What may come at `offset`, from the block's text before it when the request reads one block. */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const window = this.window;
        const parser = this.completionParser;
        if (!window || !(parser instanceof CldCompletionParser) || offset < window.bodyStart || offset >= window.end || window.text !== document.getText()) return super.findFeaturesAt(document, offset);
        const result = parser.parseFrom(window.text.slice(window.start, offset), window.rule);
        return findNextFeatures([result.elementStack.map(feature => ({ feature }))], [...result.tokens].splice(result.tokenIndex));
    }

    /** Inside text, just after an opening quote (`"`, or `\"` in double-quoted text): the defined terms. */
    private termCompletion(document: LangiumDocument, params: CompletionParams): CompletionList | undefined {
        const root = document.parseResult.value;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root.$cstNode ? CstUtils.findLeafNodeAtOffset(root.$cstNode, offset) : undefined;
        if (!leaf || !/^["`]/.test(leaf.text) || offset <= leaf.offset || offset >= leaf.end) return undefined;
        const before = leaf.text.slice(1, offset - leaf.offset);
        const quote = leaf.text.startsWith('`') ? /"([^"]*)$/.exec(before) : /\\"((?:[^"\\]|\\[^"])*)$/.exec(before);
        if (!quote) return undefined;
        const opened = (leaf.text.startsWith('`') ? before.split('"').length - 1 : before.split('\\"').length - 1) % 2 === 1;
        if (!opened) return undefined;
        const terms = (root as ControlList).members.filter(isDefinitions).flatMap(d => d.terms).filter(t => t.name !== undefined);
        const start = document.textDocument.positionAt(offset - quote[1].length);
        return {
            isIncomplete: false,
            items: terms.map(t => ({
                label: t.name!, kind: CompletionItemKind.Constant, detail: l10n.t('defined term'), documentation: t.definition,
                textEdit: { range: { start, end: params.position }, newText: t.name! }
            }))
        };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (this.isUnitPosition(next)) {
            for (const [index, unit] of this.unitsFor(context.node).entries()) {
                acceptor(context, { label: unit, kind: CompletionItemKind.Unit, detail: l10n.t('unit'), sortText: String(index).padStart(3, '0') });
            }
            return;
        }
        if (this.isDimensionPosition(next)) {
            for (const name of DIMENSION_NAMES) {
                acceptor(context, { label: name, kind: CompletionItemKind.TypeParameter, detail: dimensionOf(name)?.description });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * A dimension comes next: the `dimension` assignment, or (once a prefix is typed, which
     * Langium completes from the start of the data type rule) a token of DimensionName itself.
     */
    private isDimensionPosition(next: NextFeature): boolean {
        if (next.property === 'dimension' && next.type === 'ParameterDecl') return true;
        return AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'DimensionName';
    }

    /** A unit comes next: the `unit` assignment itself, or the first token of the Unit rule. */
    private isUnitPosition(next: NextFeature): boolean {
        if (next.property === 'unit' && (next.type === 'Quantity' || next.type === 'ParameterDecl')) return true;
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        return rule?.name === 'Unit' || rule?.name === 'UnitFactor';
    }

    /** Units of the parameter's dimension, its preferred unit first. */
    private unitsFor(node: AstNode | undefined): string[] {
        for (let n = node; n; n = n.$container) {
            if (isThreshold(n) && n.parameter?.ref) {
                const parameter = n.parameter.ref;
                const units = unitsOfDimension(parameter.dimension);
                return parameter.unit ? [parameter.unit, ...units.filter(u => u !== parameter.unit)] : units;
            }
            if (isParameterDecl(n)) return unitsOfDimension(n.dimension);
        }
        return [...new Set(DIMENSION_NAMES.flatMap(unitsOfDimension))];
    }
}

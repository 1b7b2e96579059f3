import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { type AstNode, AstUtils, type LangiumDocument, type ValidationAcceptor, type ValidationChecks, URI } from 'langium';
import type { CancellationToken, Range } from 'vscode-languageserver-protocol';
import type { CldCoreServices } from '../cld-module.js';
import { eccnRegime, enclosing, fullCode, numberingOf, parseCode, toWassenaarCode } from '../codes.js';
import { type CldAstType, type ControlList, type Entry, type Item, type ListHeader, type Precedent, type TierSpec, isControlList, isDefinitions, isEntry, isItem } from '../generated/ast.js';
import { definedTerms, definitionsUsedIn, resolvedTermsOf } from '../term-lookup.js';
import { termKey, termRangeOf, termsInNodeText, textPropertyOf } from '../text-terms.js';
import { isMunitionsCategory } from './structure-rules.js';

export const SEMANTIC_DIAGNOSTIC_CODES = {
    'tier-very-sensitive': 'A Very Sensitive item is not also Sensitive (on itself or an enclosing item).',
    'tier-munitions': 'The munitions tier outside ML1-ML22, or a dual-use tier inside them.',
    'duplicate-tier': 'The same tier is listed twice.',
    'term-undefined': 'A "quoted term" in text has no definition in the definitions block.',
    'term-unused': 'A definition no text uses.',
    'local-term-undefined': "A 'single-quoted' term used in an entry with no `term '...'` definition in it, and no note defining it in words ('Run-out' (out-of-true running) is ...): of the entry, of its category outside the entries, or of the entry the text says it is specified by ('syntactic foam' specified by 8.C.1.); by its name or by another the text gives it in brackets ('Magnetorheological finishing (MRF)').",
    'duplicate-term': 'A term is defined twice.',
    'eccn-regime': "An ECCN's regime digit (0xx WA, 1xx MTCR, 2xx NSG, 3xx AG, 4xx CWC) names a regime the header does not implement.",
    'duplicate-implements': 'A regime is implemented twice in the header.',
    'supersedes-missing': 'The file named by `supersedes` does not exist.',
    'precedent-format': 'A precedent link is not a WA code (3.B.1.f.1.a or ML8.a).',
    'unresolved-precedent': 'A precedent link names a code the implemented WA edition (when loaded) does not have.'
} as const;

export function semanticChecks(services: CldCoreServices): ValidationChecks<CldAstType> {
    const precedents = new PrecedentIndex(services);
    return {
        TierSpec: checkTiers,
        ControlList: [checkTerms, checkEccnRegimes],
        Entry: checkTermUses,
        Item: checkTermUses,
        Note: checkTermUses,
        TermDef: checkTermUses,
        ListHeader: (header, accept) => checkHeader(header, accept, services),
        Precedent: (precedent, accept) => precedents.check(precedent, accept)
    };
}

// ------------------------------------------------------------------ tiers

function tiersAbove(node: AstNode): string[] {
    const tiers: string[] = [];
    for (let n: AstNode | undefined = node.$container?.$container; n; n = n.$container) {
        const spec = (n as Partial<Entry>).tiers;
        if (spec) tiers.push(...spec.tiers);
    }
    return tiers;
}

function checkTiers(spec: TierSpec, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    spec.tiers.forEach((tier, index) => {
        if (seen.has(tier)) accept('warning', l10n.t('Tier {0} is listed twice.', tier), { node: spec, property: 'tiers', index, code: 'duplicate-tier' });
        seen.add(tier);
    });
    const munitionsCategory = isMunitionsCategory(enclosing(spec).category);
    spec.tiers.forEach((tier, index) => {
        if (tier === 'munitions' && !munitionsCategory) {
            accept('error', l10n.t('The munitions tier belongs to categories ML1-ML22 only.'), { node: spec, property: 'tiers', index, code: 'tier-munitions', data: { code: 'tier-munitions', replace: 'dual-use' } });
        } else if (tier !== 'munitions' && munitionsCategory && tier === 'dual-use') {
            accept('error', l10n.t('Items of {0} are munitions, not dual-use.', enclosing(spec).category?.code ?? ''), { node: spec, property: 'tiers', index, code: 'tier-munitions', data: { code: 'tier-munitions', replace: 'munitions' } });
        }
    });
    const veryIndex = spec.tiers.indexOf('very-sensitive');
    if (veryIndex >= 0 && !spec.tiers.includes('sensitive') && !tiersAbove(spec).includes('sensitive')) {
        accept('error', l10n.t('A Very Sensitive item must also be Sensitive: add `sensitive` here or on an enclosing item.'), { node: spec, property: 'tiers', index: veryIndex, code: 'tier-very-sensitive', data: { code: 'tier-very-sensitive' } });
    }
}

// ------------------------------------------------------------------ terms

/** Terms defined twice, and definitions no text uses (each text's own terms: checkTermUses). */
async function checkTerms(list: ControlList, accept: ValidationAcceptor, cancelToken: CancellationToken): Promise<void> {
    const index = definedTerms(list);
    for (const term of list.members.filter(isDefinitions).flatMap(d => d.terms)) {
        if (term.name !== undefined && index.get(termKey(term.name)) !== term) {
            accept('warning', l10n.t('"{0}" is defined twice.', term.name), { node: term, property: 'name', code: 'duplicate-term' });
        }
    }
    const used = await definitionsUsedIn(list, cancelToken);
    for (const term of index.values()) {
        if (!used.has(term)) accept('hint', l10n.t('"{0}" is defined but no text uses it.', term.name ?? ''), { node: term, property: 'name', code: 'term-unused', tags: [1] });
    }
}

/**
 * The terms of a node's own text that nothing defines. The range of each finding is worked out
 * when it is reported, from where the text is then: a block's findings are reported again after
 * edits above it (document-validator.ts).
 */
function checkTermUses(node: AstNode, accept: ValidationAcceptor): void {
    const property = textPropertyOf(node);
    if (!property) return;
    resolvedTermsOf(node, property).forEach(({ occurrence, definition, inWords }, index) => {
        if (definition || inWords) return;
        if (occurrence.kind === 'defined') {
            accept('warning', l10n.t('"{0}" is not defined: add it to the definitions block.', occurrence.name), termFinding(node, property, index, { code: 'term-undefined', data: { code: 'term-undefined', term: occurrence.name } }));
        } else {
            accept('info', l10n.t("'{0}' has no local definition in this entry (`term '{0}' \"...\"`).", occurrence.name), termFinding(node, property, index, { code: 'local-term-undefined' }));
        }
    });
}

/**
 * Where the finding on a node's `index`-th term is, worked out when asked. Made here, apart from
 * the check: the finding is kept with its block, and a getter made inside the check would keep the
 * check's acceptor alive with it, and through that every finding of that whole validation (a
 * list's findings again for each keystroke).
 */
function termFinding<T extends object>(node: AstNode, property: string, index: number, rest: T): T & { node: AstNode; readonly range: Range } {
    const range = (): Range => {
        const onOneLine = termRangeOf(node, property, index);
        if (onOneLine) return onOneLine;
        const now = termsInNodeText(node, property)[index];
        return rangeOf(node, now.start, now.end);
    };
    return Object.assign({ node, get range() { return range(); } }, rest);
}

function rangeOf(node: AstNode, start: number, end: number) {
    const document = AstUtils.getDocument(node);
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
}

// ------------------------------------------------------------------ header and regimes

function checkEccnRegimes(list: ControlList, accept: ValidationAcceptor): void {
    if (numberingOf(list) !== 'eccn') return;
    const implemented = new Set(list.header?.implements.map(i => i.regime) ?? []);
    for (const node of AstUtils.streamAllContents(list)) {
        if (!isEntry(node)) continue;
        const digits = parseCode(node.code ?? '')?.eccnDigits;
        if (!digits) continue;
        const regime = eccnRegime(digits);
        if (regime !== 'national' && !implemented.has(regime)) {
            accept('warning', l10n.t('{0} is a {1} code ({2}xx), but the header does not say `implements {3}`.', node.code, regimeName(regime), digits[0], regime), { node, property: 'code', code: 'eccn-regime' });
        }
    }
}

function regimeName(regime: string): string {
    return ({ wassenaar: l10n.t('Wassenaar Arrangement'), mtcr: 'MTCR', nsg: 'NSG', 'australia-group': l10n.t('Australia Group'), cwc: 'CWC' } as Record<string, string>)[regime] ?? regime;
}

function checkHeader(header: ListHeader, accept: ValidationAcceptor, services: CldCoreServices): void {
    const seen = new Set<string>();
    header.implements.forEach((implemented, index) => {
        if (seen.has(implemented.regime)) accept('warning', l10n.t('The header implements {0} twice.', implemented.regime), { node: header, property: 'implements', index, code: 'duplicate-implements' });
        seen.add(implemented.regime);
    });
    if (header.supersedes === undefined) return;
    const document = AstUtils.getDocument(header);
    if (document.uri.scheme !== 'file') return;
    const target = URI.file(path.resolve(path.dirname(document.uri.fsPath), header.supersedes));
    const known = services.shared.workspace.LangiumDocuments.hasDocument(target) || services.shared.workspace.FileSystemProvider.existsSync(target);
    if (!known) {
        accept('warning', l10n.t("\"{0}\" does not exist next to this file; `supersedes` names the previous edition's file.", header.supersedes), { node: header, property: 'supersedes', code: 'supersedes-missing' });
    }
}

// ------------------------------------------------------------------ precedents

/**
 * Resolves precedent links against the WA edition the list implements, when a document with that
 * `id` is loaded (an imported edition or an excerpt in the workspace). Without it nothing is said:
 * precedent links are checked where the precedent library is available.
 */
class PrecedentIndex {
    private readonly codesByRoot = new WeakMap<ControlList, Set<string>>();

    constructor(private readonly services: CldCoreServices) {}

    check(precedent: Precedent, accept: ValidationAcceptor): void {
        const code = precedent.code ?? '';
        const parsed = parseCode(code);
        if (!parsed || parsed.scheme === 'eccn') {
            const suggestion = toWassenaarCode(code);
            accept('error', suggestion ? l10n.t('A precedent is a WA code such as 3.B.1.f.1.a (here {0}).', suggestion) : l10n.t('A precedent is a WA code such as 3.B.1.f.1.a.'), { node: precedent, property: 'code', code: 'precedent-format', data: { code: 'precedent-format', replacement: suggestion } });
            return;
        }
        const list = AstUtils.findRootNode(precedent) as ControlList;
        const edition = list.header?.implements.find(i => i.regime === 'wassenaar')?.edition;
        if (!edition) return;
        const codes = this.codesOfEdition(edition);
        if (codes && !codes.has(code)) {
            accept('error', l10n.t('{0} does not exist in {1}.', code, edition), { node: precedent, property: 'code', code: 'unresolved-precedent' });
        }
    }

    private codesOfEdition(edition: string): Set<string> | undefined {
        const document = this.services.shared.workspace.LangiumDocuments.all.find((d: LangiumDocument) => isControlList(d.parseResult.value) && (d.parseResult.value as ControlList).header?.listId === edition);
        if (!document) return undefined;
        const root = document.parseResult.value as ControlList;
        let codes = this.codesByRoot.get(root);
        if (!codes) {
            codes = new Set();
            for (const node of AstUtils.streamAllContents(root)) {
                if (isEntry(node) || isItem(node)) {
                    const c = fullCode(node as Entry | Item);
                    if (c) codes.add(c);
                }
            }
            for (const category of root.members) if ('code' in category && typeof category.code === 'string') codes.add(category.code);
            this.codesByRoot.set(root, codes);
        }
        return codes;
    }
}

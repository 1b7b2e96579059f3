import { type AstNode, AstUtils, CstUtils, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { SKIP_CHILDREN, forEachAstNode, forEachAstNodeInterruptibly } from './ast-walk.js';
import { isBlock } from './blocks.js';
import { enclosing, parseCode } from './codes.js';
import { type ControlList, type Definitions, type Note, type TermDef, isCategory, isDefinitions, isEntry, isGroup, isItem, isNote, isTermDef } from './generated/ast.js';
import { termsDefinedIn } from './note-definitions.js';
import { type TermOccurrence, namesInside, termKey, termMatches, termsInNodeText, termsInTextSource, termVariants, textNodes, textPropertyOf } from './text-terms.js';

/** A term used inside text, with the definition it refers to (if any). */
export interface TermAt extends Resolved {
    node: AstNode;
}

/**
 * What a term occurrence refers to: a `term` declaration, or (a 'local' term with none) words
 * that define it (termsDefinedIn): a note of its entry, the definition of a term in its scope
 * whose N.B. does, a note of its category outside the entries, or of the entry the text says it
 * is specified by; by its name or by another the text gives it in brackets.
 */
export interface Resolved extends Found {
    occurrence: TermOccurrence;
}

/** What a term refers to, if anything. */
interface Found {
    definition?: TermDef;
    inWords?: DefinedInWords;
    /** Found by another name the text gives it ("'Magnetorheological finishing (MRF)'" by 'MRF'): renaming the term leaves this use as written. */
    byOtherName?: string;
}

/**
 * A term defined in words, as the words write it: by a note, or by an N.B. inside another term's
 * definition ("[Cat 2] means grippers, 'active tooling units' and ... N.B. 'Active tooling unit'
 * means a device ..."). One object per text and term, so uses compare by identity.
 */
export interface DefinedInWords {
    definedIn: Note | TermDef;
    name: string;
}

/** The "defined" or 'local' term under `offset`, when the offset is inside a text. */
export function termAtOffset(document: LangiumDocument, offset: number): TermAt | undefined {
    const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
    if (!leaf || !/^["`]/.test(leaf.text)) return undefined;
    const occurrence = termsInTextSource(leaf.text, leaf.offset).find(o => o.start <= offset && offset <= o.end);
    if (!occurrence) return undefined;
    return { occurrence, node: leaf.astNode, ...lookUpFrom(leaf.astNode, occurrence) };
}

function localScopeOf(node: AstNode): AstNode {
    return enclosing(node).entry ?? enclosing(node).category ?? AstUtils.findRootNode(node);
}

type Occurrence = Pick<TermOccurrence, 'kind' | 'name' | 'aliases' | 'citedIn'>;

/** What a term used in `node`'s text refers to. */
function lookUpFrom(node: AstNode, occurrence: Occurrence): Found {
    return lookUp(occurrence, definedTerms(AstUtils.findRootNode(node) as ControlList), localTerms(localScopeOf(node)), beyondEntry(node, occurrence));
}

/** What a term refers to; a 'local' term not defined in its entry, to what the scopes `beyond` it define (beyondEntry). */
function lookUp(occurrence: Occurrence, defined: Map<string, TermDef>, local: LocalTerms, beyond: LocalTerms[] = []): Found {
    if (occurrence.kind === 'local') return inScopes(occurrence, [local, ...beyond]) ?? {};
    const key = termMatches(occurrence.name, defined);
    return { definition: key === undefined ? undefined : defined.get(key) };
}

/**
 * Where a 'local' term its entry leaves undefined is looked up next: its category's own notes
 * (aroundEntry), then the entry it is said to be specified by ("'syntactic foam' specified by 8.C.1.").
 */
function beyondEntry(node: AstNode, occurrence: Occurrence): LocalTerms[] {
    const around = aroundEntry(node);
    const cited = occurrence.citedIn === undefined ? undefined : scopeOfCode(node, occurrence.citedIn);
    return [...(around ? [around] : []), ...(cited ? [localTerms(cited)] : [])];
}

/**
 * A 'local' term in the first of `scopes` that has it, by its name or else by another name the
 * text gives it (the entry's before its category's, as resolvedTermsOf looks them up).
 */
function inScopes(occurrence: Occurrence, scopes: LocalTerms[]): Found | undefined {
    for (const scope of scopes) {
        const found = inScope(occurrence.name, scope);
        if (found) return found;
        for (const alias of occurrence.aliases ?? []) {
            const byAlias = inScope(alias, scope);
            if (byAlias) return { ...byAlias, byOtherName: alias };
        }
    }
    return undefined;
}

/** What a 'local' term refers to among the terms of one scope, if anything. */
function inScope(name: string, terms: LocalTerms): Found | undefined {
    const key = termKey(name);
    const definition = terms.declared.get(key);
    if (definition) return { definition };
    const inWords = terms.definedInWords.get(key);
    return inWords ? { inWords } : undefined;
}

interface Resolution { defined: Map<string, TermDef>; local: LocalTerms; resolved: Found[] }

const resolutions = new WeakMap<AstNode, Resolution>();

/**
 * The terms a node's text uses, each with the definition it refers to. What they refer to is kept
 * with the node while the definitions it can see stay the same (the same indexes: an edit in
 * another entry keeps them), so that term checks on every keystroke look up only what changed.
 */
export function resolvedTermsOf(node: AstNode, property: string): Resolved[] {
    const occurrences = termsInNodeText(node, property);
    if (occurrences.length === 0) return [];
    const defined = definedTerms(AstUtils.findRootNode(node) as ControlList);
    const local = localTerms(localScopeOf(node));
    let resolution = resolutions.get(node);
    if (!resolution || resolution.defined !== defined || resolution.local !== local || resolution.resolved.length !== occurrences.length) {
        resolution = { defined, local, resolved: occurrences.map(occurrence => lookUp(occurrence, defined, local)) };
        resolutions.set(node, resolution);
    }
    const resolved = resolution.resolved;
    // (What the category's own notes define is looked up for the few terms the entry leaves undefined, each time:
    // an edit in another entry makes a new category, and the entry's resolutions are kept across it.)
    return occurrences.map((occurrence, i) => {
        const found = resolved[i];
        if (occurrence.kind !== 'local' || found.definition || found.inWords) return { occurrence, ...found };
        return { occurrence, ...(inScopes(occurrence, beyondEntry(node, occurrence)) ?? found) };
    });
}

/**
 * Whether `node`'s text says a 'local' term of it is specified by another entry, where it is
 * then looked up: its block's findings depend on that entry too, and are not kept across an
 * edit of it (document-validator.ts). (The list's "defined terms" it uses do not: definitionsUsedIn keeps them.)
 */
export function citesAnotherEntry(node: AstNode): boolean {
    const property = textPropertyOf(node);
    if (property === undefined) return false;
    // (Only for a term its own entry leaves undefined, said to be specified by another entry, or by
    // a code no entry has yet: 6.A.5's "'stacked arrays' specified by 6.A.5.d.1.e." is its own, and
    // checking that large entry again on every keystroke cost the ten-times list a tenth.)
    const citing = termsInNodeText(node, property).filter(o => o.citedIn !== undefined);
    if (citing.length === 0) return false;
    const scope = localScopeOf(node);
    return citing.some(o => scopeOfCode(node, o.citedIn!) !== scope && !inScopes(o, [localTerms(scope)]));
}

const usedInBlocks = new WeakMap<AstNode, { defined: Map<string, TermDef>; local: LocalTerms; used: TermDef[] }>();

/**
 * The definitions the texts of a list use. What a block's texts use is kept with the block while
 * the definitions it can see stay the same (see resolvedTermsOf).
 */
export async function definitionsUsedIn(list: ControlList, cancelToken: CancellationToken): Promise<Set<TermDef>> {
    const used = new Set<TermDef>();
    const addUses = (node: AstNode, into: { add(term: TermDef): unknown }) => {
        const property = textPropertyOf(node);
        if (property) for (const { definition } of resolvedTermsOf(node, property)) if (definition) into.add(definition);
    };
    // Letting other requests through now and then: the first time, on a list at the size limit,
    // every text's terms are resolved here, 0.8 s that held up the server in one piece.
    await forEachAstNodeInterruptibly(list, cancelToken, node => {
        if (!isBlock(node)) return addUses(node, used);
        const defined = definedTerms(list);
        const local = localTerms(localScopeOf(node));
        let known = usedInBlocks.get(node);
        if (!known || known.defined !== defined || known.local !== local) {
            const inBlock = new Set<TermDef>();
            forEachAstNode(node, inner => addUses(inner, inBlock));
            usedInBlocks.set(node, known = { defined, local, used: [...inBlock] });
        }
        for (const term of known.used) used.add(term);
        return SKIP_CHILDREN;
    });
    return used;
}

/** The 'local' terms of a scope: declared (`term 'MRF' "..."`), and defined in words by its notes (or in its terms' definitions). */
interface LocalTerms {
    declared: Map<string, TermDef>;
    definedInWords: Map<string, DefinedInWords>;
}

const localTermIndexes = new WeakMap<AstNode, LocalTerms>();
const categoryTermIndexes = new WeakMap<AstNode, LocalTerms>();

/**
 * The 'local' terms defined in an entry (or a munitions category, or the list) by every key that
 * finds them (termVariants), the first definition in the document winning. Built once per scope
 * of a parsed list: walking the scope for every 'quoted' term made term checks more than half of
 * a full WA edition's validation.
 */
function localTerms(scope: AstNode): LocalTerms {
    let index = localTermIndexes.get(scope);
    if (!index) localTermIndexes.set(scope, index = termsDefinedBy(textNodes(scope)));
    return index;
}

/**
 * Around an entry of a dual-use category: the 'local' terms its category's own notes and term
 * declarations define, and those of its groups (not those of other entries). Category 4's
 * Technical Note "ON 'ADJUSTED PEAK PERFORMANCE' ('APP')" defines the 'APP' of 4.A.3, 4.D.1 and
 * 4.E.1; a munitions category is the scope of its items' terms already.
 */
function aroundEntry(node: AstNode): LocalTerms | undefined {
    const { category, entry } = enclosing(node);
    if (!category || !entry) return undefined;
    let index = categoryTermIndexes.get(category);
    if (!index) {
        const own = category.members.flatMap(member => (isGroup(member) ? member.members.filter(isNote) : isEntry(member) || isItem(member) ? [] : [member]));
        categoryTermIndexes.set(category, index = termsDefinedBy(own));
    }
    return index;
}

const scopesByCode = new WeakMap<ControlList, Map<string, AstNode>>();

/**
 * The entry (or munitions category) of `node`'s list that `code` names, in either numbering
 * (5.A.2.b is in 5.A.2; 5A002.b in 5A002). The list's entries by code are found once per parsed
 * list, and only for a term said to be specified by another entry: a few in a WA edition.
 */
function scopeOfCode(node: AstNode, code: string): AstNode | undefined {
    const key = scopeKey(code);
    if (key === undefined) return undefined;
    const root = AstUtils.findRootNode(node) as ControlList;
    let byCode = scopesByCode.get(root);
    if (!byCode) {
        scopesByCode.set(root, byCode = new Map());
        for (const category of root.members.filter(isCategory)) {
            byCode.set(category.code, category);
            for (const member of category.members) {
                for (const entry of isGroup(member) ? member.members.filter(isEntry) : isEntry(member) ? [member] : []) {
                    const entryKey = scopeKey(entry.code);
                    if (entryKey !== undefined && !byCode.has(entryKey)) byCode.set(entryKey, entry);
                }
            }
        }
    }
    return byCode.get(key);
}

/** An entry's code without its numbering's spelling (5.A.2 and 5A002 are 5A2); a munitions category's, as it is. */
function scopeKey(code: string): string | undefined {
    const parsed = parseCode(code);
    if (!parsed) return undefined;
    return parsed.scheme === 'munitions' ? parsed.category : `${parsed.category}${parsed.group}${parsed.number}`;
}

/** The 'local' terms `nodes` declare or define in words (a note's, or a term definition's). */
function termsDefinedBy(nodes: Iterable<AstNode>): LocalTerms {
    const index: LocalTerms = { declared: new Map(), definedInWords: new Map() };
    // (By each name the definition gives it: 'Structural efficiency ratio (PV/W)' is also 'PV/W',
    // and 'structural efficiency ratio', which the plural 'structural efficiency ratios (PV/W)' finds.)
    const add = <T>(into: Map<string, T>, name: string, value: T) => {
        for (const each of [name, ...namesInside(name)]) {
            for (const variant of termVariants(termKey(each))) if (!into.has(variant)) into.set(variant, value);
        }
    };
    for (const node of nodes) {
        if (isTermDef(node) && node.localName !== undefined) add(index.declared, node.localName, node);
        // (A text holds a quoted term, if it defines one.)
        const words = isNote(node) ? { definedIn: node, text: node.text } : isTermDef(node) ? { definedIn: node, text: node.definition } : undefined;
        if (words?.text && /['‘]/.test(words.text)) {
            const kind = { technicalNote: isNote(node) && node.kind === 'technical-note', termDefinition: isTermDef(node) };
            for (const name of termsDefinedIn(words.text, kind)) add(index.definedInWords, name, { definedIn: words.definedIn, name });
        }
    }
    return index;
}

const definedTermIndexes = new WeakMap<Definitions, { blocks: Definitions[]; index: Map<string, TermDef> }>();
const NO_TERMS = new Map<string, TermDef>();

/**
 * The list's "defined terms" by key, the first definition of a key winning. Built once for the
 * list's definitions blocks, and kept while they are (an edit in an entry keeps them): validation
 * asks for every term used in the list, thousands of times on a full WA edition.
 */
export function definedTerms(root: ControlList): Map<string, TermDef> {
    let index = definedTermsByRoot.get(root);
    if (!index) definedTermsByRoot.set(root, index = indexOfDefinitions(root));
    return index;
}

/** The index of each parsed list (asked for each text), and of each list's definitions blocks (kept by edits). */
const definedTermsByRoot = new WeakMap<ControlList, Map<string, TermDef>>();

function indexOfDefinitions(root: ControlList): Map<string, TermDef> {
    const blocks = root.members.filter(isDefinitions);
    if (blocks.length === 0) return NO_TERMS;
    const known = definedTermIndexes.get(blocks[0]);
    if (known && known.blocks.length === blocks.length && known.blocks.every((b, i) => b === blocks[i])) return known.index;
    const index = new Map<string, TermDef>();
    for (const term of blocks.flatMap(d => d.terms)) {
        if (term.name !== undefined && !index.has(termKey(term.name))) index.set(termKey(term.name), term);
    }
    definedTermIndexes.set(blocks[0], { blocks, index });
    return index;
}

/** A use of a term: where, and whether under another name the text gives it (rename leaves those). */
export interface TermUse {
    node: AstNode;
    occurrence: TermOccurrence;
    byOtherName?: string;
}

/** Every use of a term in the text of its list (for references and rename). */
export function usesOfTerm(definition: TermDef): TermUse[] {
    const root = AstUtils.findRootNode(definition);
    const uses: TermUse[] = [];
    for (const node of AstUtils.streamAllContents(root)) {
        const property = textPropertyOf(node);
        if (!property) continue;
        for (const occurrence of termsInNodeText(node, property)) {
            if ((occurrence.kind === 'local') !== (definition.localName !== undefined)) continue;
            const found = lookUpFrom(node, occurrence);
            if (found.definition === definition) uses.push({ node, occurrence, byOtherName: found.byOtherName });
        }
    }
    return uses;
}

/** Every use of a term defined in words (in the note's entry, and where it is said to be specified by it; for references and rename). */
export function usesOfTermDefinedInWords(term: DefinedInWords): TermUse[] {
    const uses: TermUse[] = [];
    forEachAstNode(AstUtils.findRootNode(term.definedIn), node => {
        const property = textPropertyOf(node);
        if (!property) return;
        for (const { inWords, occurrence, byOtherName } of resolvedTermsOf(node, property)) if (inWords === term) uses.push({ node, occurrence, byOtherName });
    });
    return uses;
}

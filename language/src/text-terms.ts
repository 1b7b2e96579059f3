import type { AstNode, CstNode } from 'langium';
import { GrammarUtils } from 'langium';
import { detached } from './detached-text.js';
import { isEntry, isItem, isNote, isTermDef } from './generated/ast.js';

/** A "defined term" or 'local term' found inside a text, with its offsets in the document. */
export interface TermOccurrence {
    kind: 'defined' | 'local';
    /** the phrase between the quotes */
    name: string;
    /** document offsets of the phrase itself (without the quotes) */
    start: number;
    end: number;
    /**
     * Other names the text gives the same 'local' term: a short form in brackets, inside the
     * quotes or after them ("'Magnetorheological finishing (MRF)'", "'Adjusted Peak Performance'
     * ('APP')"), and the other way round.
     */
    aliases?: string[];
    /** The code of the item a 'local' term is said to be specified by ("'syntactic foam' specified by 8.C.1."): it is defined there. */
    citedIn?: string;
}

/**
 * Decodes the source of a STRING token, remembering for each decoded character the source offset
 * it came from, so a phrase found in the value maps back to exact document positions, escapes
 * (`\"`) included.
 */
function decodeWithOffsets(source: string): { text: string; offsets: number[] | undefined } {
    const raw = source.startsWith('`');
    // Most texts have no escape: each character is where it stands, one after the opening quote
    // (offsets undefined). Building the map for every text was a tenth of a full edition's validation.
    if (raw || !source.includes('\\')) return { text: source.slice(1, -1), offsets: undefined };
    let text = '';
    const offsets: number[] = [];
    for (let i = 1; i < source.length - 1; i++) {
        if (!raw && source[i] === '\\' && i + 1 < source.length - 1) {
            i++;
            text += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[source[i]] ?? source[i];
            offsets.push(i - 1);
        } else {
            text += source[i];
            offsets.push(i);
        }
    }
    offsets.push(source.length - 1);
    return { text, offsets };
}

const DEFINED = /["\u201C]([^"\u201C\u201D\n]{1,120}?)["\u201D]/g;
const LOCAL = /(^|[^\p{L}\p{N}])['\u2018]([^'\u2018\u2019\n]{1,80}?)['\u2019](?![\p{L}\p{N}])/gu;

/** The terms inside the source text of one STRING token that starts at `tokenOffset`. */
export function termsInTextSource(source: string, tokenOffset: number): TermOccurrence[] {
    const { text, offsets } = decodeWithOffsets(source);
    const at = (index: number) => (offsets ? offsets[index] : index + 1);
    const found: TermOccurrence[] = [];
    const add = (kind: TermOccurrence['kind'], name: string, valueStart: number) => {
        if (name.trim().length === 0) return;
        // (The name is kept with its node across edits: not cut from this version's whole text.)
        found.push({ kind, name: detached(name), start: tokenOffset + at(valueStart), end: tokenOffset + at(valueStart + name.length - 1) + 1 });
    };
    // The patterns are run only on texts that have their quote marks (most have neither kind).
    if (/["\u201C]/.test(text)) for (const m of text.matchAll(DEFINED)) add('defined', m[1], m.index! + 1);
    if (/['\u2018]/.test(text)) {
        const locals = [...text.matchAll(LOCAL)];
        for (const [i, m] of locals.entries()) {
            if (isDocumentTitle(m[2], text.slice(Math.max(0, m.index! + m[1].length - 80), m.index! + m[1].length))) continue;
            add('local', m[2], m.index! + m[1].length + 1);
            const added = found.at(-1)?.name === m[2] ? found.at(-1)! : undefined;
            const aliases = aliasesOf(m[2], text, m, locals[i - 1], locals[i + 1]);
            if (added && aliases.length > 0) added.aliases = aliases;
            const cited = CITED_IN.exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 80));
            if (added && cited) added.citedIn = cited[1].replace(/\.$/, '');
        }
    }
    return found.sort((a, b) => a.start - b.start);
}

/** A standard's name before a quoted title: "ISO 841, 'Numerical Control Machines - ...'", "ASTM Standard E-606 '...'", "(Reference: VDI/VDE 2617, Draft: '...'". */
const STANDARD_BEFORE = /\b(?:ISO|IEC|ASTM|VDI\/VDE|IEEE|SAE|MIL-STD|RTCA|EIA|ANSI|DIN|JEDEC|CIE|ITU|ICAO|STANAG)\b[^'‘’.;]{0,40}?[,:]?\s*(?:Draft:\s*)?$/;

/**
 * Single quotes around a document's title, not a 'local' term: a standard's title after its name,
 * and the WA's "Refer to 'Definitions of Terms used in these Lists'" (the definitions of the list).
 */
function isDocumentTitle(quoted: string, before: string): boolean {
    return /^definitions? of terms\b/i.test(quoted) || STANDARD_BEFORE.test(before);
}

/** Where a term is said to be specified, right after it: "'cryptographic activation token' specified by 5.A.2.b." (the EU: "specified in 5A002.b."; "'small waterplane area vessels', specified by 8.A.1.f., ..."). */
const CITED_IN = /^,?\s+(?:specified|controlled|described)\s+(?:by|in)\s+((?:[0-9]\.?[A-E]\.?[0-9]+|ML[0-9]+)(?:\.[a-z0-9]+)*\.?)/;

/** A short form in brackets inside a term's quotes: "Magnetorheological finishing (MRF)". */
const SHORT_FORM_INSIDE = /^(.*\S)\s*\(([A-Za-z][A-Za-z0-9/&.-]{0,19})\)$/;

/** The short and the long form a term's name holds ("Structural efficiency ratio (PV/W)": PV/W, Structural efficiency ratio), if it holds both. */
export function namesInside(name: string): string[] {
    const inside = SHORT_FORM_INSIDE.exec(name);
    return inside ? [inside[2], inside[1]] : [];
}

/**
 * The other names of the 'local' term `name` that the text gives with it: the long and short
 * forms of "'Magnetorheological finishing (MRF)'", and of "'Adjusted Peak Performance' ('APP')"
 * (the next quoted term in brackets right after it, or this one in brackets after the one before).
 */
function aliasesOf(name: string, text: string, match: RegExpMatchArray, before: RegExpMatchArray | undefined, after: RegExpMatchArray | undefined): string[] {
    const inside = namesInside(name);
    if (inside.length > 0) return inside;
    const end = match.index! + match[0].length;
    if (after && /^\s*\($/.test(text.slice(end, after.index! + after[1].length)) && text[after.index! + after[0].length] === ')') return [after[2]];
    if (before && text[end] === ')' && /^\s*\($/.test(text.slice(before.index! + before[0].length, match.index! + match[1].length))) return [before[2]];
    return [];
}

/** Which property of a node holds text that may use terms: `text` (items, entries, notes) or `definition` (terms). */
export function textPropertyOf(node: AstNode): 'text' | 'definition' | undefined {
    if (isTermDef(node)) return 'definition';
    return isItem(node) || isEntry(node) || isNote(node) ? 'text' : undefined;
}

/** The terms used in a node's text property (`text` of items, entries, notes; `definition` of terms). */
export function termsInNodeText(node: AstNode, property: string): TermOccurrence[] {
    // The terms of a node's text are found once, with offsets from its tokens: the text never
    // changes, but an edit above it moves it (incremental-parse.ts moves the tokens with it).
    const occurrences: TermOccurrence[] = [];
    for (const { token, terms } of termTokens(node, property)) {
        for (const term of terms) occurrences.push({ ...term, start: term.start + token.offset, end: term.end + token.offset });
    }
    return occurrences;
}

/**
 * Where a node's `index`-th term is, worked out from its token's place when the token is on one
 * line: without the document's line index, which is made anew for every text (a keystroke in a
 * large list paid it for every finding shown again). Undefined for a token over several lines.
 */
export function termRangeOf(node: AstNode, property: string, index: number): { start: { line: number; character: number }; end: { line: number; character: number } } | undefined {
    for (const { token, terms } of termTokens(node, property)) {
        if (index >= terms.length) {
            index -= terms.length;
            continue;
        }
        const { start, end } = token.range;
        if (start.line !== end.line) return undefined;
        const term = terms[index];
        return { start: { line: start.line, character: start.character + term.start }, end: { line: start.line, character: start.character + term.end } };
    }
    return undefined;
}

interface TermsOfToken { token: CstNode; terms: TermOccurrence[] }

const termsByNode = new WeakMap<AstNode, { property: string; tokens: TermsOfToken[] }>();

/** The node's quoted tokens with their terms, found once per node. */
function termTokens(node: AstNode, property: string): TermsOfToken[] {
    let found = termsByNode.get(node);
    if (!found || found.property !== property) termsByNode.set(node, found = { property, tokens: termTokensOf(node, property) });
    return found.tokens;
}

/** The quoted tokens of a node's text property, each with its terms at offsets from the token's start. */
function termTokensOf(node: AstNode, property: string): TermsOfToken[] {
    const tokens = quotedTokensOf(node, property);
    return tokens.map(token => ({ token, terms: termsInTextSource(token.text, 0) })).filter(t => t.terms.length > 0);
}

function quotedTokensOf(node: AstNode, property: string): CstNode[] {
    // An item's, entry's or note's text is the one quoted token among its own CST children (a
    // term definition has two, its name and its definition): found without Langium's grammar
    // lookup, which was a tenth of the term check on every keystroke.
    if (property === 'text' && !isTermDef(node)) {
        const token = node.$cstNode ? quotedTokenOf(node.$cstNode, node) : undefined;
        return token ? [token] : [];
    }
    return GrammarUtils.findNodesForProperty(node.$cstNode, property);
}

/** The first quoted token of `node`'s own CST (through the composites of its own rules, not into other nodes). */
function quotedTokenOf(cst: CstNode, node: AstNode): CstNode | undefined {
    for (const child of (cst as { content?: CstNode[] }).content ?? []) {
        if (child.astNode !== node) continue;
        if (/^["`]/.test(child.text)) return child;
        const inner = quotedTokenOf(child, node);
        if (inner) return inner;
    }
    return undefined;
}

/**
 * The nodes whose text may use terms, in document order: items, entries, notes and term
 * definitions, with the containers between them. Walked by the containment properties that hold
 * them, several times faster than Langium's generic stream over every property of every node
 * (term checks run on every keystroke, over a whole WA edition).
 */
export function textNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode) => {
        nodes.push(node);
        const containers = node as unknown as { members?: AstNode[]; notes?: AstNode[]; terms?: AstNode[] };
        for (const children of [containers.members, containers.notes, containers.terms]) {
            if (Array.isArray(children)) for (const child of children) visit(child);
        }
    };
    visit(root);
    return nodes;
}

/** How a term's name is compared: case and a plural ending do not matter ("Lasers" uses "laser"). */
export function termKey(name: string): string {
    // "space-qualified", "space qualified" and "space- qualified" (a line break in a document) are one term.
    return name.trim().toLowerCase().replace(/\s*-\s*|\s+/g, ' ');
}

export function termMatches(usedName: string, definedKeys: { has(key: string): boolean }): string | undefined {
    return termVariants(termKey(usedName)).find(candidate => definedKeys.has(candidate));
}

/**
 * A term's key and its other forms: singular and plural either way round ("propellant" finds
 * "Propellants", "ADCs" finds "ADC", "antennae" finds "antenna").
 */
export function termVariants(key: string): string[] {
    return [key, key.replace(/s$/, ''), key.replace(/es$/, ''), key.replace(/ies$/, 'y'), key.replace(/ae$/, 'a'), `${key}s`, `${key}es`, key.replace(/y$/, 'ies'), key.replace(/a$/, 'ae')];
}

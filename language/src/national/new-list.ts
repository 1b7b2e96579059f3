/**
 * `cld new --from <WA edition>`: a national list that starts as the WA edition. Every entry and
 * item keeps its text, thresholds, tiers and notes and gets a `precedent` link to its WA item;
 * parameters and definitions are carried over; the header says which edition the list
 * implements. In ECCN numbering entry codes become ECCNs (3.B.1 -> 3B001), as do `see` links.
 *
 * The WA edition's own text is rewritten in place (edits at the positions of its syntax nodes),
 * so everything the importer wrote, phrases and comments inside entries, stays as it was.
 */
import { AstUtils, type CstNode, GrammarUtils } from 'langium';
import { fullCode, toEccnCode } from '../codes.js';
import { type Category, type ControlList, type Entry, type Item, isCategory, isEntry, isItem, isReference } from '../generated/ast.js';
import { quoteText } from '../value-converter.js';

export interface NewListOptions {
    numbering: 'eccn' | 'wassenaar';
    /** Category codes to keep ("3", "ML8"); all when absent. */
    categories?: Set<string>;
    title?: string;
    id?: string;
}

interface Edit {
    start: number;
    end: number;
    text: string;
}

/** The new list's text, or what stops it (a WA entry number with no ECCN form, no category left). */
export function newNationalList(wa: ControlList, source: string, options: NewListOptions): { text: string } | { problem: string } {
    const waId = wa.header?.listId;
    if (!waId || !wa.header?.$cstNode) return { problem: 'the WA edition has no `id` in its header: its list id is what the new list implements' };
    const edits: Edit[] = [];
    const header = [
        `// A national list made by \`cld new\` from ${waId}: each entry and item with a \`precedent\` link to its WA item.`,
        `list ${quoteText(options.title ?? `National control list (from ${waId})`)}`,
        `id ${quoteText(options.id ?? 'NATIONAL-LIST')}`,
        `numbering ${options.numbering}`,
        `implements wassenaar ${quoteText(waId)}`,
    ].join('\n');
    edits.push({ start: 0, end: wa.header.$cstNode.end, text: header });
    const kept = wa.members.filter((m): m is Category => isCategory(m) && (!options.categories || options.categories.has(m.code)));
    if (kept.length === 0) return { problem: `none of the categories asked for is in ${waId}` };
    for (const member of wa.members) {
        if (isCategory(member) && !kept.includes(member) && member.$cstNode) edits.push(lineRange(source, member.$cstNode, ''));
    }
    const problems: string[] = [];
    for (const category of kept) {
        for (const node of AstUtils.streamAllContents(category)) {
            if (isEntry(node) || isItem(node)) problems.push(...entryOrItemEdits(node, options, edits));
            else if (isReference(node) && options.numbering === 'eccn' && node.$cstNode) {
                const target = GrammarUtils.findNodeForProperty(node.$cstNode, 'target');
                const eccn = target ? toEccnCode(target.text) : undefined;
                if (target && eccn && eccn !== target.text) edits.push({ start: target.offset, end: target.end, text: eccn });
            }
        }
    }
    if (problems.length > 0) return { problem: problems.join('; ') };
    return { text: applyEdits(source, edits) };
}

/** The code in the list's numbering, and a `precedent` after the header's last part before its combinator or body. */
function entryOrItemEdits(node: Entry | Item, options: NewListOptions, edits: Edit[]): string[] {
    const cst = node.$cstNode;
    const code = fullCode(node);
    if (!cst || !code) return [];
    const problems: string[] = [];
    if (isEntry(node) && options.numbering === 'eccn' && !code.startsWith('ML')) {
        const codeNode = GrammarUtils.findNodeForProperty(cst, 'code');
        const eccn = toEccnCode(code);
        if (!eccn) problems.push(`${code} has no ECCN form (an entry number above 99)`);
        else if (codeNode) edits.push({ start: codeNode.offset, end: codeNode.end, text: eccn });
    }
    if (node.reserved || node.precedent) return problems;
    const after = last([GrammarUtils.findNodeForProperty(cst, isEntry(node) ? 'code' : 'label'), GrammarUtils.findNodeForProperty(cst, 'text'), node.tiers?.$cstNode]);
    if (after) edits.push({ start: after.end, end: after.end, text: ` precedent ${code}` });
    return problems;
}

function last(nodes: Array<CstNode | undefined>): CstNode | undefined {
    return nodes.filter((n): n is CstNode => n !== undefined).sort((a, b) => a.end - b.end).pop();
}

/** A node's whole lines, with the line break after them. */
function lineRange(source: string, cst: CstNode, text: string): Edit {
    const start = source.lastIndexOf('\n', cst.offset - 1) + 1;
    const lineEnd = source.indexOf('\n', cst.end);
    return { start, end: lineEnd < 0 ? source.length : lineEnd + 1, text };
}

function applyEdits(source: string, edits: Edit[]): string {
    let text = source;
    for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    return text;
}

/** "1-9,ML" or "3,5,ML8": the category codes named. */
export function parseCategories(spec: string): Set<string> | string {
    const codes = new Set<string>();
    for (const part of spec.split(',').map(p => p.trim()).filter(Boolean)) {
        const range = /^(ML)?(\d+)-(?:ML)?(\d+)$/i.exec(part);
        if (/^ML$/i.test(part)) for (let i = 1; i <= 22; i++) codes.add(`ML${i}`);
        else if (range) for (let i = Number(range[2]); i <= Number(range[3]); i++) codes.add(range[1] ? `ML${i}` : String(i));
        else if (/^(ML)?\d+$/i.test(part)) codes.add(part.toUpperCase());
        else return `"${part}" is not a category (0-9, ML1-ML22, a range like 1-9, or ML for all munitions)`;
    }
    return codes;
}

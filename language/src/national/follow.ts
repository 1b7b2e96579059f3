/**
 * `cld follow`: a national list taken from the WA edition it implements to a later one. The
 * national items are paired with the implemented edition's by the diff's matcher (as conformance
 * pairs them), and the two WA editions with each other the same way. Then, for each WA item:
 *
 * - the WA changed it (text, thresholds, tiers, or its label) and the national item read as the
 *   implemented version: the change is applied (adoptEdits), and listed as taken over;
 * - the WA changed it and the national item departs from the implemented version: left alone,
 *   listed for the drafter's decision with both WA versions and the national text;
 * - the WA removed it, or moved it under another parent: the national item is left, listed for
 *   decision;
 * - a new WA item (its parent not new too): inserted as a skeleton (skeletonEdits), listed; where
 *   the national list already has an item at its code, listed for decision instead.
 *
 * The header then implements the new edition and supersedes the file it came from.
 */
import { GrammarUtils, type LangiumParser } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { nodesByCode } from '../conformance/conformance-diagnostics.js';
import { readsAsWa } from '../conformance/conformance.js';
import { matchItems } from '../diff/match.js';
import { normaliseText } from '../diff/words.js';
import { isReserved, matchKey } from '../diff/match-keys.js';
import { thresholdSummary } from '../export/export-format.js';
import { type ControlList, type Entry, type Item, isEntry } from '../generated/ast.js';
import { type FlatItem, type FlatList, flattenList } from '../model/flat-items.js';
import { quoteText } from '../value-converter.js';
import { adoptEdits, type ListSource, skeletonEdits } from './item-edits.js';
import { skeletonLines } from './wa-item-text.js';

export interface FollowedItem {
    waCode: string;
    nationalCode?: string;
    /** The WA item in the implemented edition, and in the target (absent when removed or new). */
    before?: Version;
    after?: Version;
    national?: Version;
}

export interface Version {
    code: string;
    text?: string;
    thresholds: string[];
    tiers: string[];
}

export interface FollowResult {
    text: string;
    from: string;
    to: string;
    /** WA changes applied to national items that read as the implemented edition. */
    applied: FollowedItem[];
    /** WA changes to items the national list departs from: left alone. */
    departures: FollowedItem[];
    /** WA items removed in the target (their national items left). */
    removed: FollowedItem[];
    /** New WA items inserted as skeletons (the topmost of each new subtree). */
    added: FollowedItem[];
    /** WA items of both editions the national list does not have (left out, as before). */
    leftOut: FollowedItem[];
    /** National items with no WA counterpart (kept as they are). */
    nationalOnly: string[];
    /**
     * The same changes as edits of the original text, one group per change, for an editor that lets
     * the drafter accept each (a new WA item that would go where another change writes is left out
     * here, and written in `text`).
     */
    changes: Array<{ title: string; edits: TextEdit[] }>;
}

/** `parser` parses the text the first pass wrote (syntax only), for the second pass over it. */
export function followEdition(national: ListSource, nationalFile: string, from: FlatList, to: FlatList, parser: LangiumParser): FollowResult | { problem: string } {
    const reparse = (text: string) => {
        const parsed = parser.parse<ControlList>(text);
        return parsed.lexerErrors.length + parsed.parserErrors.length === 0 ? parsed.value : undefined;
    };
    const flat = flattenList(national.list);
    const ofNational = new Map(matchItems(from.items, flat.items).filter(p => p.old && p.new).map(p => [p.old!, p.new!]));
    const waPairs = matchItems(from.items, to.items);
    const inTarget = new Map(waPairs.filter(p => p.old && p.new).map(p => [p.old!, p.new!]));
    const nodes = nodesByCode(national.list);
    const result: FollowResult = { text: '', from: from.id ?? '', to: to.id ?? '', applied: [], departures: [], removed: [], added: [], leftOut: [], nationalOnly: [], changes: [] };
    const edits: TextEdit[] = [];
    for (const before of from.items) {
        if (isReserved(before)) continue;
        const nationalItem = ofNational.get(before);
        const after = inTarget.get(before);
        // Any change of the WA's words is taken over (a quote mark, a list ending), though a national
        // text that differs from the WA's only so still counts as following it (readsAsWa).
        const unchanged = after && !isReserved(after) && readsAsWa(before, after) && normaliseText(before.text) === normaliseText(after.text) && sameTiers(before, after) && after.code === before.code;
        if ((!nationalItem || isReserved(nationalItem)) && after && !isReserved(after)) result.leftOut.push({ waCode: before.code, before: versionOf(before), after: versionOf(after) });
        if (!nationalItem || isReserved(nationalItem) || unchanged) continue;
        const entry: FollowedItem = { waCode: before.code, nationalCode: nationalItem.code, before: versionOf(before), after: after && !isReserved(after) ? versionOf(after) : undefined, national: versionOf(nationalItem) };
        if (!after || isReserved(after)) {
            result.removed.push(entry);
            continue;
        }
        const node = nodes.get(matchKey(nationalItem.code));
        const parent = (code: string) => code.slice(0, code.lastIndexOf('.'));
        // Moved under another parent (5.D.2.c.3 became 5.D.2.c.3.a in 2019): the drafter moves it.
        const moved = after.code !== before.code && parent(after.code) !== parent(before.code);
        if (!node || moved || !readsAsWa(before, nationalItem) || !sameTiers(before, nationalItem)) {
            result.departures.push(entry);
            continue;
        }
        const itemEdits = [...adoptEdits(national, node, after, true), ...relabel(node, before, after), ...repointed(node, after)];
        edits.push(...itemEdits);
        result.changes.push({ title: `${nationalItem.code}: take over the WA's change of ${before.code}`, edits: itemEdits });
        result.applied.push(entry);
    }
    const paired = new Set(ofNational.values());
    result.nationalOnly = flat.items.filter(i => !paired.has(i) && !isReserved(i)).map(i => i.code);
    // The WA's changes to items the list has, in one pass over its text.
    const header = headerEdits(national, to.id ?? '', nationalFile);
    edits.push(...header);
    result.changes.push({ title: `implement ${to.id}, supersede ${nationalFile}`, edits: header });
    // (Each missing parameter declared once, though several adoptions declare it.)
    const changed = applied(national.text, withDeclarationsApart([{ title: '', edits }]).flatMap(c => c.edits));
    if (typeof changed !== 'string') return changed;
    // Then each new WA item where it belongs in the text as it is now (two may go into one place).
    // A label the WA had reserved and gives an item again (3.A.1.b.11.f, reserved 2016-2019) is new too.
    const known = new Set(waPairs.filter(p => p.old && p.new && !isReserved(p.old)).map(p => p.new!));
    const fresh = to.items.filter(t => !known.has(t) && !isReserved(t));
    const freshCodes = new Set(fresh.map(t => t.code));
    let text = changed;
    for (const item of fresh) {
        if (freshCodes.has(item.code.slice(0, item.code.lastIndexOf('.')))) continue;
        const list = reparse(text);
        if (!list) return { problem: `the list no longer parses before ${item.code} is added` };
        // The national list has an item of its own at that code (one the WA removed or moved): the
        // drafter decides; a label it keeps reserved, as the WA did, takes the WA's item.
        const existing = nodesByCode(list).get(matchKey(item.code));
        if (existing && !existing.reserved) {
            result.departures.push({ waCode: item.code, after: versionOf(item) });
            continue;
        }
        const inserted = existing ? replaceReserved(existing, to, item) : skeletonEdits({ list, text }, to, item.code);
        if (typeof inserted === 'string') return { problem: `${item.code}, new in ${to.id}: ${inserted}` };
        const next = applied(text, inserted);
        if (typeof next !== 'string') return next;
        text = next;
        result.added.push({ waCode: item.code, after: versionOf(item) });
        // For the editor: the same insertion in the original text, where nothing else is written.
        const original = existing ? undefined : skeletonEdits(national, to, item.code);
        if (Array.isArray(original) && !original.some(e => edits.some(other => overlaps(e, other)))) result.changes.push({ title: `add ${item.code}, new in ${to.id}`, edits: original });
    }
    result.text = text;
    result.changes = withDeclarationsApart(result.changes);
    return result;
}

function replaceReserved(node: Entry | Item, to: FlatList, item: FlatItem): TextEdit[] {
    const cst = node.$cstNode!;
    const indent = ' '.repeat(cst.range.start.character);
    const label = isEntry(node) ? node.code : node.label;
    const lines = skeletonLines(item, to.items, isEntry(node) ? 'entry' : 'item', label);
    return [{ range: cst.range, newText: lines.map((line, i) => (i === 0 ? line : `${indent}${line}`)).join('\n') }];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
    const pos = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
    return pos(a.range.start) <= pos(b.range.end) && pos(b.range.start) <= pos(a.range.end);
}

function applied(text: string, edits: TextEdit[]): string | { problem: string } {
    try {
        return TextDocument.applyEdits(TextDocument.create('national', 'cld', 1, text), edits);
    } catch (e) {
        const pos = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
        const sorted = [...edits].sort((a, b) => pos(a.range.start) - pos(b.range.start));
        const at = sorted.findIndex((edit, i) => i > 0 && pos(sorted[i - 1].range.end) > pos(edit.range.start));
        const where = at > 0 ? ` at lines ${sorted[at - 1].range.start.line + 1} and ${sorted[at].range.start.line + 1}` : '';
        return { problem: `the changes overlap in the list's text${where} (${(e as Error).message})` };
    }
}

function sameTiers(a: FlatItem, b: FlatItem): boolean {
    return a.tiers.length === b.tiers.length && a.tiers.every(t => b.tiers.includes(t));
}

function versionOf(item: FlatItem): Version {
    return { code: item.code, text: item.text, thresholds: item.thresholds.map(thresholdSummary), tiers: item.tiers };
}

/** The WA renumbered the item under the same parent: the national label follows (3.A.1.a.2 -> 3.A.1.a.3). */
function relabel(node: Parameters<typeof adoptEdits>[1], before: FlatItem, after: FlatItem): TextEdit[] {
    const parent = (code: string) => code.slice(0, code.lastIndexOf('.'));
    if (before.code === after.code || parent(before.code) !== parent(after.code) || !node.$cstNode || !('label' in node)) return [];
    const label = GrammarUtils.findNodeForProperty(node.$cstNode, 'label');
    return label ? [{ range: label.range, newText: after.code.slice(after.code.lastIndexOf('.') + 1) }] : [];
}

/** A `precedent` link follows the WA item to its code in the new edition. */
function repointed(node: Parameters<typeof adoptEdits>[1], after: FlatItem): TextEdit[] {
    const link = node.precedent?.$cstNode ? GrammarUtils.findNodeForProperty(node.precedent.$cstNode, 'code') : undefined;
    return link && link.text !== after.code ? [{ range: link.range, newText: after.code }] : [];
}

/** `implements wassenaar "<target>"`, and `supersedes "<the file followed>"`. */
function headerEdits(national: ListSource, target: string, file: string): TextEdit[] {
    const header = national.list.header;
    const implemented = header?.implements.find(i => i.regime === 'wassenaar');
    const editionNode = implemented?.$cstNode ? GrammarUtils.findNodeForProperty(implemented.$cstNode, 'edition') : undefined;
    const edits: TextEdit[] = [];
    if (editionNode) edits.push({ range: editionNode.range, newText: quoteText(target) });
    const supersedes = header?.$cstNode ? GrammarUtils.findNodeForProperty(header.$cstNode, 'supersedes') : undefined;
    if (supersedes) edits.push({ range: supersedes.range, newText: quoteText(file) });
    else if (header?.$cstNode) edits.push({ range: { start: header.$cstNode.range.end, end: header.$cstNode.range.end }, newText: `\nsupersedes ${quoteText(file)}` });
    return edits;
}

/**
 * The parameters the changes declare (a WA limit of a parameter the national list lacks) become
 * one change of their own, first: in the editor each change can be accepted or left out, and a
 * declaration kept in the first change that needs it would be missing when only a later one is
 * taken. Every adoption declares them at the same place, after the list's parameters.
 */
function withDeclarationsApart(changes: FollowResult['changes']): FollowResult['changes'] {
    const lines: string[] = [];
    let at: TextEdit['range'] | undefined;
    const rest = changes.map(change => ({
        ...change,
        edits: change.edits.filter(edit => {
            if (!edit.newText.startsWith('\nparameter ')) return true;
            at ??= edit.range;
            for (const line of edit.newText.split('\n').filter(Boolean)) if (!lines.some(l => l.split(':')[0] === line.split(':')[0])) lines.push(line);
            return false;
        })
    })).filter(change => change.edits.length > 0);
    if (!at || lines.length === 0) return rest;
    const names = lines.map(line => line.slice('parameter '.length).split(':')[0]);
    const title = names.length === 1 ? `declare the parameter ${names[0]} (the WA's changes use it)` : `declare the parameters ${names.join(', ')} (the WA's changes use them)`;
    return [{ title, edits: [{ range: at, newText: lines.map(line => `\n${line}`).join('') }] }, ...rest];
}

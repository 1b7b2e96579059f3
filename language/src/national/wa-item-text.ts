/**
 * A WA item's version written into a national list: its thresholds as CLD statements (as the
 * importer writes them, each with the words it was read from), a skeleton of the item with its
 * sub-items, and declarations of the WA parameters the list lacks. For the quick fix that adopts
 * the WA text (item-edits.ts) and the Conformance view's "Insert a skeleton entry", and for
 * `cld follow`.
 */
import type { TextEdit } from 'vscode-languageserver-protocol';
import { type ControlList, isParameterDecl } from '../generated/ast.js';
import type { FlatBound, FlatItem, FlatThreshold } from '../model/flat-items.js';
import { lookupUnit } from '../quantities/units.js';
import { choiceLines } from '../importer/write-cld.js';
import { quoteText } from '../value-converter.js';

/** An item of the WA edition with its sub-items (from the flat list, by code), as CLD lines at no indent. */
export function skeletonLines(item: FlatItem, all: FlatItem[], keyword: 'entry' | 'item', code: string): string[] {
    const children = all.filter(i => i.code.startsWith(`${item.code}.`) && !i.code.slice(item.code.length + 1).includes('.') && i.reserved === undefined);
    const head = [keyword, code, item.text !== undefined ? quoteText(item.text) : '', item.tiers.length && keyword === 'entry' ? `tier ${item.tiers.join(' ')}` : '', `precedent ${item.code}`, item.combinator ?? ''].filter(Boolean).join(' ');
    const body = [...thresholdLines(item.thresholds), ...item.notes.map(n => `${n.kind} ${quoteText(n.text)}`),
        ...children.flatMap(child => skeletonLines(child, all, 'item', child.code.slice(child.code.lastIndexOf('.') + 1)))];
    return body.length === 0 ? [`${head};`] : [`${head} {`, ...body.map(line => `    ${line}`), '}'];
}

/** The thresholds as CLD statements: plain ones, then each `either` choice with its options, as the importer writes them. */
export function thresholdLines(thresholds: FlatThreshold[]): string[] {
    return [...thresholds.filter(t => !t.either).map(statement), ...choiceLines(thresholds).map(line => (line.threshold ? `    ${statement(line.threshold)}` : line.text))];
}

function statement(threshold: FlatThreshold): string {
    const bounds = [threshold, ...(threshold.alternatives ?? [])].map(boundText).join(' or ');
    return `${threshold.parameter} ${bounds}${threshold.text ? ` ${quoteText(threshold.text)}` : ''}`;
}

function boundText(bound: FlatBound): string {
    const quantity = (q: { value: string; unit?: string } | undefined) => (q ? `${q.value}${q.unit ? ` ${q.unit}` : ''}` : '0');
    if (bound.formula !== undefined) return `${bound.comparator} formula ${quoteText(bound.formula)}${bound.unit ? ` ${bound.unit}` : ''}`;
    return bound.comparator === 'from-to' ? `from ${quantity(bound.low)} to ${quantity(bound.high)}` : `${bound.comparator} ${quantity({ value: bound.value ?? '0', unit: bound.unit })}`;
}

/** `parameter name: dimension` for each WA parameter the list does not declare, after its last declaration (or its header). */
export function parameterDeclarations(list: ControlList, thresholds: FlatThreshold[]): TextEdit[] {
    const declared = new Set(list.members.filter(isParameterDecl).map(p => p.name));
    const missing = new Map<string, string>();
    for (const t of thresholds) {
        if (declared.has(t.parameter) || missing.has(t.parameter)) continue;
        const unit = t.unit ?? t.low?.unit ?? t.high?.unit;
        missing.set(t.parameter, (unit ? lookupUnit(unit)?.dimension : undefined) ?? 'count');
    }
    if (missing.size === 0) return [];
    const last = [...list.members.filter(isParameterDecl)].pop()?.$cstNode ?? list.header?.$cstNode;
    if (!last) return [];
    const declarations = [...missing].map(([name, dimension]) => `parameter ${name}: ${dimension}`).join('\n');
    return [{ range: { start: last.range.end, end: last.range.end }, newText: `\n${declarations}` }];
}

/**
 * `cld diff` output: a changelog (text), a memo-ready Markdown, a standalone HTML report with a
 * chart per category, and the full JSON model.
 */
import { type Change, type ChangeKind, type Counts, type ListDiff, CHANGE_KINDS, changeRemark } from './diff.js';
import { escapeMarkdown } from '../text-safety.js';
import { type BarSeries, barChart, escapeHtml, htmlPage } from './html.js';
import type { WordSegment } from './words.js';

export type DiffFormat = 'text' | 'json' | 'md' | 'html';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'md', 'html'];

export function renderDiff(diff: ListDiff, format: DiffFormat): string {
    switch (format) {
        case 'json': return JSON.stringify(diff, null, 2) + '\n';
        case 'md': return renderMarkdown(diff);
        case 'html': return renderHtml(diff);
        default: return renderText(diff);
    }
}

export function listName(info: ListDiff['old']): string {
    return info.id ?? info.list ?? info.file ?? '(unnamed list)';
}

/** A change's remark in parentheses, or nothing. */
function remark(change: Change): string {
    const text = changeRemark(change);
    return text ? ` (${text})` : '';
}

/** One line per change, as a reader of a changelog would want it. */
export function describeChange(change: Change): string {
    const quote = (text: string | string[] | undefined) => (Array.isArray(text) ? text.join('; ') : text ?? '');
    switch (change.kind) {
        case 'added': return `${change.code} added${remark(change)}: ${quote(change.new)}`;
        case 'removed': return `${change.code} removed${remark(change)}: ${quote(change.old)}`;
        case 'renumbered': return `${change.oldCode} renumbered to ${change.newCode}`;
        case 'reworded': return `${change.code} reworded: ${plainWords(change.words ?? [])}`;
        case 'threshold': return `${change.code} ${change.direction === 'not-read' ? 'thresholds not read in one edition' : change.direction}: ${quote(change.old) || '(no threshold)'} -> ${quote(change.new) || '(no threshold)'}`;
        case 'tier': return `${change.code} tiers: ${quote(change.old)} -> ${quote(change.new)}`;
        case 'note': return `${change.code} notes${remark(change)}: ${[...asList(change.old).map(n => `- ${short(n)}`), ...asList(change.new).map(n => `+ ${short(n)}`)].join(' ')}`;
        case 'definition': return `"${change.code}" ${change.old === undefined ? 'defined' : change.new === undefined ? 'no longer defined' : 'redefined'}${remark(change)}`;
    }
}

function asList(value: string | string[] | undefined): string[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function short(text: string, max = 100): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** [-old words-] {+new words+}, as git's word diff writes them. */
function plainWords(words: WordSegment[]): string {
    return words.map(w => (w.op === 'same' ? w.text : w.op === 'removed' ? `[-${w.text}-]` : `{+${w.text}+}`)).join(' ');
}

export function countsLine(counts: Counts): string {
    const parts = CHANGE_KINDS.filter(k => counts[k] > 0).map(k => `${counts[k]} ${k}`);
    if (parts.length === 0) return 'no changes';
    const directions = counts.tightened || counts.relaxed ? ` (${counts.tightened} tightened, ${counts.relaxed} relaxed)` : '';
    return parts.join(', ') + directions;
}

/** Changes grouped by category, in the order they come. */
function byCategory(changes: Change[]): Map<string, Change[]> {
    const groups = new Map<string, Change[]>();
    for (const change of changes) groups.set(change.category, [...(groups.get(change.category) ?? []), change]);
    return groups;
}

export function categoryTitle(category: string): string {
    if (category === 'definitions') return 'Definitions';
    if (category === '?') return 'Other items';
    return category.startsWith('ML') ? `Munitions ${category}` : `Category ${category}`;
}

function renderText(diff: ListDiff): string {
    const lines = [`${listName(diff.old)} -> ${listName(diff.new)}: ${countsLine(diff.summary.counts)}`];
    for (const warning of diff.warnings) lines.push(`warning: ${warning}`);
    for (const [category, changes] of byCategory(diff.changes)) {
        lines.push('', `${categoryTitle(category)} (${countsLine(diff.summary.byCategory[category])})`);
        for (const change of changes) lines.push(`  ${describeChange(change)}`);
    }
    return lines.join('\n') + '\n';
}

function renderMarkdown(diff: ListDiff): string {
    const md = escapeMarkdown;
    const lines = [`# Changes from ${md(listName(diff.old))} to ${md(listName(diff.new))}`, '', `${countsLine(diff.summary.counts)}.`];
    for (const warning of diff.warnings) lines.push('', `> **Note:** ${md(warning)}`);
    lines.push('', '| Category | ' + CHANGE_KINDS.join(' | ') + ' | tightened | relaxed |', '|---|' + CHANGE_KINDS.map(() => '---:').join('|') + '|---:|---:|');
    for (const [category, counts] of Object.entries(diff.summary.byCategory)) {
        lines.push(`| ${categoryTitle(category)} | ${CHANGE_KINDS.map(k => counts[k]).join(' | ')} | ${counts.tightened} | ${counts.relaxed} |`);
    }
    for (const [category, changes] of byCategory(diff.changes)) {
        lines.push('', `## ${categoryTitle(category)}`, '');
        for (const change of changes) lines.push(`- ${markdownChange(change)}`);
    }
    return lines.join('\n') + '\n';
}

/** A change as one Markdown line: the markup is CLD's, every piece of list text is escaped. */
function markdownChange(change: Change): string {
    const code = `**${escapeMarkdown(change.code)}**`;
    if (change.kind !== 'reworded' && !(change.kind === 'definition' && change.words)) return `${code} ${escapeMarkdown(describeChange(change).slice(change.code.length + (change.kind === 'definition' ? 2 : 0)).trim())}`;
    const words = (change.words ?? []).map(w => {
        const text = escapeMarkdown(w.text);
        return w.op === 'same' ? text : w.op === 'removed' ? `~~${text}~~` : `**${text}**`;
    }).join(' ');
    return `${code} ${change.kind === 'definition' ? 'redefined' : 'reworded'}: ${words}`;
}

const KIND_COLOURS: Record<ChangeKind | 'tightened' | 'relaxed', string> = {
    added: '#2e7d32', removed: '#c62828', renumbered: '#6a1b9a', reworded: '#1565c0', threshold: '#ef6c00',
    tier: '#00838f', note: '#757575', definition: '#8d6e63', tightened: '#d84315', relaxed: '#43a047',
};

export function kindColour(kind: ChangeKind | 'tightened' | 'relaxed'): string {
    return KIND_COLOURS[kind];
}

function renderHtml(diff: ListDiff): string {
    const categories = Object.keys(diff.summary.byCategory);
    const series: BarSeries[] = CHANGE_KINDS.map(kind => ({ name: kind, colour: KIND_COLOURS[kind], values: categories.map(c => diff.summary.byCategory[c][kind]) }));
    const rows = diff.changes.map(change => `<tr class="${change.kind}"><td>${escapeHtml(categoryTitle(change.category))}</td><td><code>${escapeHtml(change.code)}</code></td><td>${escapeHtml(change.kind)}${change.direction ? ` <span class="dir ${change.direction}">${change.direction}</span>` : ''}</td><td>${htmlChange(change)}</td></tr>`);
    const body = [
        `<h1>${escapeHtml(listName(diff.old))} &rarr; ${escapeHtml(listName(diff.new))}</h1>`,
        `<p class="summary">${escapeHtml(countsLine(diff.summary.counts))}</p>`,
        ...diff.warnings.map(w => `<p class="warning">${escapeHtml(w)}</p>`),
        `<h2>Changes per category</h2>`,
        barChart(categories.map(categoryTitle), series),
        `<h2>All changes</h2>`,
        `<table><thead><tr><th>Category</th><th>Code</th><th>Change</th><th>Detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    ];
    return htmlPage(`Changes: ${listName(diff.old)} to ${listName(diff.new)}`, body.join('\n'));
}

export function htmlChange(change: Change): string {
    const list = (v: string | string[] | undefined) => escapeHtml(asList(v).join('; '));
    switch (change.kind) {
        case 'reworded':
        case 'definition':
            if (change.words) return htmlWords(change.words);
            return escapeHtml(asList(change.new ?? change.old).join('') + remark(change));
        case 'renumbered': return `${escapeHtml(change.oldCode ?? '')} &rarr; ${escapeHtml(change.newCode ?? '')}`;
        case 'threshold':
        case 'tier': return `${list(change.old) || '(none)'} &rarr; ${list(change.new) || '(none)'}`;
        case 'note': return [...asList(change.old).map(n => `<del>${escapeHtml(n)}</del>`), ...asList(change.new).map(n => `<ins>${escapeHtml(n)}</ins>`)].join('<br>') + escapeHtml(remark(change));
        case 'removed': return `<del>${list(change.old)}</del>${escapeHtml(remark(change))}`;
        case 'added': return `<ins>${list(change.new)}</ins>${escapeHtml(remark(change))}`;
    }
}

export function htmlWords(words: WordSegment[]): string {
    return words.map(w => (w.op === 'same' ? escapeHtml(w.text) : w.op === 'removed' ? `<del>${escapeHtml(w.text)}</del>` : `<ins>${escapeHtml(w.text)}</ins>`)).join(' ');
}

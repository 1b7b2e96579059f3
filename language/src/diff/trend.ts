/**
 * The trend across editions: the diff of each consecutive pair, summed per year and category.
 * It is the same diff engine as `cld diff`, run along the sorted editions.
 */
import type { FlatList } from '../model/flat-items.js';
import { type Counts, CHANGE_KINDS, type ListDiff, diffLists, emptyCounts } from './diff.js';
import { escapeMarkdown } from '../text-safety.js';
import { type BarSeries, barChart, escapeHtml, htmlPage } from './html.js';
import { categoryTitle, countsLine, kindColour } from './diff-format.js';

export interface EditionFile {
    file: string;
    list: FlatList;
}

export interface TrendStep {
    from: string;
    to: string;
    /** The year of the newer edition. */
    year: number | undefined;
    counts: Counts;
    byCategory: Record<string, Counts>;
    warnings: string[];
}

export interface Trend {
    editions: Array<{ id?: string; edition?: string; date?: string; file: string; items: number }>;
    steps: TrendStep[];
    totals: Counts;
    byCategory: Record<string, Counts>;
}

/** The year an edition is of: its `edition` if it is a year, else its date's year. */
export function editionYear(list: FlatList): number | undefined {
    const fromEdition = /\b(19|20)\d{2}\b/.exec(list.edition ?? '');
    if (fromEdition) return Number(fromEdition[0]);
    const fromDate = /^(\d{4})-/.exec(list.date ?? '');
    return fromDate ? Number(fromDate[1]) : undefined;
}

/** Oldest first: by year, then date, then id. */
export function sortEditions(editions: EditionFile[]): EditionFile[] {
    const key = (e: EditionFile) => `${String(editionYear(e.list) ?? 9999).padStart(4, '0')} ${e.list.date ?? ''} ${e.list.id ?? e.file}`;
    return [...editions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function computeTrend(editions: EditionFile[], onStep?: (diff: ListDiff) => void): Trend {
    const sorted = sortEditions(editions);
    const steps: TrendStep[] = [];
    const totals = emptyCounts();
    const byCategory: Record<string, Counts> = {};
    for (let i = 1; i < sorted.length; i++) {
        const diff = diffLists(sorted[i - 1].list, sorted[i].list, { old: sorted[i - 1].file, new: sorted[i].file });
        onStep?.(diff);
        steps.push({
            from: name(sorted[i - 1]), to: name(sorted[i]), year: editionYear(sorted[i].list),
            counts: diff.summary.counts, byCategory: diff.summary.byCategory, warnings: diff.warnings,
        });
        addCounts(totals, diff.summary.counts);
        for (const [category, counts] of Object.entries(diff.summary.byCategory)) addCounts((byCategory[category] ??= emptyCounts()), counts);
    }
    return {
        editions: sorted.map(e => ({ id: e.list.id, edition: e.list.edition, date: e.list.date, file: e.file, items: e.list.items.length })),
        steps, totals, byCategory,
    };
}

function name(edition: EditionFile): string {
    return edition.list.id ?? edition.list.edition ?? edition.file;
}

function addCounts(into: Counts, from: Counts): void {
    for (const key of Object.keys(into) as Array<keyof Counts>) into[key] += from[key];
}

const MEASURES = [...CHANGE_KINDS, 'tightened', 'relaxed'] as const;

export function renderTrend(trend: Trend, format: 'text' | 'json' | 'md' | 'html'): string {
    if (format === 'json') return JSON.stringify(trend, null, 2) + '\n';
    if (format === 'md') return trendMarkdown(trend);
    if (format === 'html') return trendHtml(trend);
    const lines = [`${trend.editions.length} editions, ${trend.steps.length} steps: ${countsLine(trend.totals)}`];
    for (const step of trend.steps) {
        lines.push('', `${step.from} -> ${step.to}: ${countsLine(step.counts)}`);
        for (const [category, counts] of Object.entries(step.byCategory)) lines.push(`  ${categoryTitle(category)}: ${countsLine(counts)}`);
        for (const warning of step.warnings) lines.push(`  warning: ${warning}`);
    }
    return lines.join('\n') + '\n';
}

function trendMarkdown(trend: Trend): string {
    const header = `| Step | ${MEASURES.join(' | ')} |`;
    const rule = `|---|${MEASURES.map(() => '---:').join('|')}|`;
    const lines = [`# Changes across ${trend.editions.length} editions`, '', header, rule];
    for (const step of trend.steps) lines.push(`| ${escapeMarkdown(step.from)} → ${escapeMarkdown(step.to)} | ${MEASURES.map(m => step.counts[m]).join(' | ')} |`);
    lines.push(`| **All** | ${MEASURES.map(m => `**${trend.totals[m]}**`).join(' | ')} |`);
    lines.push('', '## Per category, all steps', '', `| Category | ${MEASURES.join(' | ')} |`, rule);
    for (const [category, counts] of Object.entries(trend.byCategory).sort(compareCategories)) lines.push(`| ${categoryTitle(category)} | ${MEASURES.map(m => counts[m]).join(' | ')} |`);
    return lines.join('\n') + '\n';
}

function trendHtml(trend: Trend): string {
    const labels = trend.steps.map(s => String(s.year ?? s.to));
    const kinds: BarSeries[] = CHANGE_KINDS.map(kind => ({ name: kind, colour: kindColour(kind), values: trend.steps.map(s => s.counts[kind]) }));
    const directions: BarSeries[] = (['tightened', 'relaxed'] as const).map(d => ({ name: d, colour: kindColour(d), values: trend.steps.map(s => s.counts[d]) }));
    const categories = Object.keys(trend.byCategory).sort((a, b) => compareCategories([a], [b]));
    const cell = (n: number) => `<td class="n">${n || ''}</td>`;
    const table = `<table><thead><tr><th>Step</th>${categories.map(c => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${trend.steps.map(s =>
        `<tr><td>${escapeHtml(`${s.from} → ${s.to}`)}</td>${categories.map(c => cell(total(s.byCategory[c]))).join('')}</tr>`).join('')}</tbody></table>`;
    const body = [
        `<h1>Changes across ${trend.editions.length} editions</h1>`,
        `<p class="summary">${escapeHtml(countsLine(trend.totals))}</p>`,
        `<h2>Changes per edition, by kind</h2>`, barChart(labels, kinds, { barWidth: 22 }),
        `<h2>Thresholds tightened and relaxed per edition</h2>`, barChart(labels, directions, { barWidth: 22, height: 120 }),
        `<h2>Changes per category, all editions</h2>`, barChart(categories.map(categoryTitle), CHANGE_KINDS.map(kind => ({ name: kind, colour: kindColour(kind), values: categories.map(c => trend.byCategory[c][kind]) }))),
        `<h2>Changes per edition and category</h2>`, table,
    ];
    return htmlPage(`Changes across ${trend.editions.length} editions`, body.join('\n'));
}

function total(counts: Counts | undefined): number {
    return counts ? CHANGE_KINDS.reduce((sum, k) => sum + counts[k], 0) : 0;
}

/** 0-9 first, then ML1-ML22 in number order, then the rest. */
function compareCategories(a: [string, ...unknown[]], b: [string, ...unknown[]]): number {
    const rank = (c: string) => (/^\d$/.test(c) ? Number(c) : /^ML\d+$/.test(c) ? 100 + Number(c.slice(2)) : 1000);
    return rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

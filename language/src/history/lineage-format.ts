/**
 * `cld history` output: JSON (the lineage as the issue's schema has it), text for a terminal,
 * Markdown that reads as memo lines ("3.A.2.c.2: relaxed, 75 GHz -> 90 GHz, WA 2014"), and a
 * standalone HTML page with the step charts (lineage-html.ts, as the editor's view draws them).
 */
import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { directionWord } from './change-words.js';
import { escapeMarkdown } from '../text-safety.js';
import { historyHtml } from './lineage-html.js';
import { lineageCharts, lineageWords } from './lineage-view.js';
import { boundSummary } from '../export/export-format.js';
import type { Lineage, LineageChange, LineageVersion } from './lineage.js';

export const HISTORY_FORMATS = ['text', 'json', 'md', 'html'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export function renderLineage(lineage: Lineage, format: HistoryFormat): string {
    if (format === 'json') return JSON.stringify(lineageJson(lineage), null, 2) + '\n';
    if (format === 'md') return lineageMarkdown(lineage);
    if (format === 'html') {
        const page = { ok: true as const, lineage, files: [], words: lineageWords(lineage), charts: lineageCharts(lineage) };
        return historyHtml('', page, randomBytes(16).toString('base64url'), false) + '\n';
    }
    return lineageText(lineage);
}

/** The JSON schema: {code, versions: [{editions, years, code, text, tiers, thresholds}], changes: [...]}. */
export function lineageJson(lineage: Lineage): unknown {
    return {
        code: lineage.code,
        versions: lineage.versions.map(v => ({
            editions: v.editions, years: v.years, code: v.code, text: v.text, reserved: v.reserved, tiers: v.tiers,
            thresholds: v.thresholds.map(t => ({ parameter: t.parameter, comparator: t.comparator, value: t.value, formula: t.formula, unit: t.unit, low: t.low, high: t.high, alternatives: t.alternatives, text: t.text })),
            notes: v.notes,
        })),
        changes: lineage.changes.map(c => ({ year: c.year, listId: c.listId, kind: c.kind, code: c.code, from: c.from, to: c.to, parameter: c.parameter, direction: c.direction, remark: c.remark })),
    };
}

/** "relaxed, > 75 GHz -> > 90 GHz": what a change did, in a few words. */
export function changeSummary(change: LineageChange): string {
    const none = () => l10n.t('(none)');
    const arrow = (from?: string, to?: string) => `${shorten(from || none())} -> ${shorten(to || none())}`;
    switch (change.kind) {
        case 'threshold':
            return [change.parameter, change.direction ? directionWord(change.direction) : change.remark, arrow(change.from, change.to)].filter(Boolean).join(', ');
        case 'renumbered':
            return l10n.t('renumbered {0} -> {1}', change.from ?? '', change.to ?? '');
        case 'added':
            return l10n.t('added');
        case 'removed':
            return change.remark ? l10n.t('removed ({0})', change.remark) : l10n.t('removed');
        case 'tier':
            return l10n.t('tier {0}', arrow(change.from, change.to));
        case 'reworded':
            return l10n.t('reworded');
        case 'note':
            return change.to ? l10n.t('note added: {0}', shorten(change.to)) : l10n.t('note removed: {0}', shorten(change.from ?? ''));
        default:
            return change.kind;
    }
}

function shorten(text: string, max = 80): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "1998-2003": a version covers consecutive editions, so its first and last year say which. */
export function yearRanges(years: number[]): string {
    if (years.length === 0) return '';
    const first = Math.min(...years);
    const last = Math.max(...years);
    return first === last ? String(first) : `${first}-${last}`;
}

function versionLine(v: LineageVersion): string {
    const thresholds = v.thresholds.map(t => `${t.parameter} ${[t, ...(t.alternatives ?? [])].map(boundSummary).join(' or ')}`).join('; ');
    const state = v.reserved !== undefined ? `reserved${typeof v.reserved === 'number' ? ` since ${v.reserved}` : ''}` : shorten(v.text ?? '', 100);
    return `${yearRanges(v.years) || v.editions.join(', ')}  ${v.code}  ${state}${v.tiers.length ? `  [${v.tiers.join(', ')}]` : ''}${thresholds ? `  {${thresholds}}` : ''}`;
}

function lineageText(lineage: Lineage): string {
    const first = lineage.versions[0];
    const lines = [`${lineage.code}: WA precedent in ${lineage.versions.reduce((n, v) => n + v.editions.length, 0)} editions, since ${first.editions[0]}${first.code !== lineage.code ? ` (as ${first.code})` : ''}`];
    lines.push('', 'Changes:');
    if (lineage.changes.length === 0) lines.push('  none');
    for (const c of lineage.changes) lines.push(`  ${c.year ?? '?'}  ${c.listId}  ${c.code}: ${changeSummary(c)}`);
    lines.push('', 'Versions:');
    for (const v of lineage.versions) lines.push(`  ${versionLine(v)}`);
    return lines.join('\n') + '\n';
}

function lineageMarkdown(lineage: Lineage): string {
    const lines = [`## ${escapeMarkdown(lineage.code)}: WA precedent`, ''];
    if (lineage.changes.length === 0) lines.push('No change since it first appears.');
    for (const c of lineage.changes) lines.push(`- ${escapeMarkdown(c.code)}: ${escapeMarkdown(changeSummary(c))}, WA ${c.year ?? escapeMarkdown(c.listId)}`);
    lines.push('', '| editions | code | text | thresholds |', '|---|---|---|---|');
    for (const v of lineage.versions) {
        const thresholds = v.thresholds.map(t => `${t.parameter} ${[t, ...(t.alternatives ?? [])].map(boundSummary).join(' or ')}`).join('; ');
        const text = v.reserved !== undefined ? 'reserved' : shorten(v.text ?? '', 120);
        lines.push(`| ${yearRanges(v.years)} | ${escapeMarkdown(v.code)} | ${escapeMarkdown(text)} | ${escapeMarkdown(thresholds)} |`);
    }
    return lines.join('\n') + '\n';
}

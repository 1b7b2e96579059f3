/**
 * `cld conformance` output: a summary per category and group, then each finding with both texts
 * and thresholds; as text, JSON (the whole report), Markdown for a memo, CSV for a spreadsheet, and
 * a standalone HTML page with a chart of the findings per category.
 */
import { type BarSeries, barChart, escapeHtml, htmlPage } from '../diff/html.js';
import { csvCell, escapeMarkdown } from '../text-safety.js';
import type { ConformanceReport, Finding, FindingKind } from './conformance.js';

export type ConformanceFormat = 'text' | 'json' | 'md' | 'html' | 'csv';
export const CONFORMANCE_FORMATS: readonly ConformanceFormat[] = ['text', 'json', 'md', 'html', 'csv'];

/** The kinds in the order a reader wants them: gaps first, then what differs, then what agrees. */
export const FINDING_KINDS: readonly FindingKind[] = ['not-covered', 'narrower', 'older', 'other-limits', 'broader', 'reworded', 'equal', 'other-regime', 'national-only'];

export const KIND_WORDS: Record<FindingKind, string> = {
    'not-covered': 'not covered', narrower: 'controls less (gap)', older: 'follows an older WA edition', 'other-limits': 'other limits',
    broader: 'controls more', reworded: 'other words', equal: 'equal', 'other-regime': 'another regime', 'national-only': 'national only',
};

const COLOURS: Record<FindingKind, string> = {
    'not-covered': '#c0392b', narrower: '#e67e22', older: '#8e44ad', 'other-limits': '#7f8c8d', broader: '#2980b9', reworded: '#16a085',
    equal: '#27ae60', 'other-regime': '#34495e', 'national-only': '#95a5a6',
};

export function renderConformance(report: ConformanceReport, format: ConformanceFormat): string {
    switch (format) {
        case 'json': return JSON.stringify(report, null, 2) + '\n';
        case 'md': return renderMarkdown(report);
        case 'csv': return renderCsv(report);
        case 'html': return renderHtml(report);
        default: return renderText(report);
    }
}

/** Per category and group (WA form), the number of findings of each kind. */
export function summary(report: ConformanceReport): Array<{ place: string; counts: Partial<Record<FindingKind, number>> }> {
    const places = new Map<string, Partial<Record<FindingKind, number>>>();
    for (const f of report.findings) {
        for (const place of [f.category, ...(f.group ? [f.group] : [])]) {
            const counts = places.get(place) ?? places.set(place, {}).get(place)!;
            counts[f.kind] = (counts[f.kind] ?? 0) + 1;
        }
    }
    return [...places].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([place, counts]) => ({ place, counts }));
}

function countsText(counts: Partial<Record<FindingKind, number>>): string {
    return FINDING_KINDS.filter(k => counts[k]).map(k => `${counts[k]} ${KIND_WORDS[k]}`).join(', ');
}

function title(report: ConformanceReport): string {
    return `${report.nationalId ?? '(unnamed list)'} against ${report.waId ?? 'no WA edition'}`;
}

/** One line for a finding: what it is, and the codes on each side. */
export function describeFinding(f: Finding): string {
    const codes = f.waCode && f.nationalCode ? `${f.nationalCode} (WA ${f.waCode})` : f.nationalCode ?? `WA ${f.waCode}`;
    const regime = f.regime ? ` (${f.regime})` : '';
    if (f.follows) {
        const years = f.follows.from && f.follows.year ? ` (the WA's ${f.follows.by} ${f.follows.from === f.follows.year ? `in ${f.follows.year}` : `${f.follows.from}-${f.follows.year}`})` : '';
        return `${codes} follows ${f.follows.listId}${years}${f.follows.since ? `; the WA reads otherwise since ${f.follows.since}` : ''}`;
    }
    const newer = f.newUnder ? ` (new in the WA${f.newUnder.since ? ` since ${f.newUnder.since}` : ''}; ${f.newUnder.nationalCode} follows ${f.newUnder.listId})` : '';
    return `${codes} ${KIND_WORDS[f.kind]}${regime}${newer}`;
}

function renderText(report: ConformanceReport): string {
    const lines = [`${title(report)}: ${countsText(total(report))}`, ...report.problems.map(p => `note: ${p}`), ''];
    for (const { place, counts } of summary(report)) lines.push(`${place.padEnd(5)} ${countsText(counts)}`);
    for (const kind of FINDING_KINDS.filter(k => k !== 'equal')) {
        const found = report.findings.filter(f => f.kind === kind);
        if (found.length === 0) continue;
        lines.push('', `${KIND_WORDS[kind]} (${found.length})`);
        for (const f of found) {
            lines.push(`  ${describeFinding(f)}`);
            if (f.waText !== undefined || f.waThresholds.length) lines.push(`    WA:       ${f.waText ?? ''}${f.waThresholds.length ? ` [${f.waThresholds.join('; ')}]` : ''}`);
            if (f.nationalText !== undefined || f.nationalThresholds.length) lines.push(`    national: ${f.nationalText ?? ''}${f.nationalThresholds.length ? ` [${f.nationalThresholds.join('; ')}]` : ''}`);
        }
    }
    return lines.join('\n') + '\n';
}

function total(report: ConformanceReport): Partial<Record<FindingKind, number>> {
    const counts: Partial<Record<FindingKind, number>> = {};
    for (const f of report.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    return counts;
}

function renderMarkdown(report: ConformanceReport): string {
    const md = escapeMarkdown;
    const lines = [`# Conformance: ${md(title(report))}`, '', ...report.problems.map(p => `> ${md(p)}`), report.problems.length ? '' : undefined,
        '| category or group | findings |', '|---|---|', ...summary(report).map(({ place, counts }) => `| ${md(place)} | ${md(countsText(counts))} |`)]
        .filter((l): l is string => l !== undefined);
    for (const kind of FINDING_KINDS.filter(k => k !== 'equal')) {
        const found = report.findings.filter(f => f.kind === kind);
        if (found.length === 0) continue;
        lines.push('', `## ${md(KIND_WORDS[kind])} (${found.length})`, '', '| item | WA | national |', '|---|---|---|');
        for (const f of found) {
            const side = (text: string | undefined, thresholds: string[]) => md([text ?? '', ...thresholds.map(t => `\`${t}\``)].filter(Boolean).join(' '));
            lines.push(`| ${md(describeFinding(f))} | ${side(f.waText, f.waThresholds)} | ${side(f.nationalText, f.nationalThresholds)} |`);
        }
    }
    return lines.join('\n') + '\n';
}

function renderCsv(report: ConformanceReport): string {
    const rows = [['finding', 'category', 'group', 'wa_code', 'national_code', 'wa_text', 'wa_thresholds', 'national_text', 'national_thresholds', 'regime', 'follows']];
    for (const f of report.findings) {
        rows.push([f.kind, f.category, f.group ?? '', f.waCode ?? '', f.nationalCode ?? '', f.waText ?? '', f.waThresholds.join('; '), f.nationalText ?? '', f.nationalThresholds.join('; '),
            f.regime ?? '', f.follows ? `${f.follows.listId}${f.follows.since ? ` (WA otherwise since ${f.follows.since})` : ''}` : '']);
    }
    return rows.map(r => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function renderHtml(report: ConformanceReport): string {
    const categories = summary(report).filter(s => !/[A-E]$/.test(s.place));
    const series: BarSeries[] = FINDING_KINDS.map(kind => ({ name: KIND_WORDS[kind], colour: COLOURS[kind], values: categories.map(c => c.counts[kind] ?? 0) }));
    const rows = report.findings.filter(f => f.kind !== 'equal').map(f => `<tr><td>${escapeHtml(describeFinding(f))}</td><td>${escapeHtml(f.waText ?? '')}${thresholdList(f.waThresholds)}</td><td>${escapeHtml(f.nationalText ?? '')}${thresholdList(f.nationalThresholds)}</td></tr>`);
    const body = [`<h1>Conformance: ${escapeHtml(title(report))}</h1>`, ...report.problems.map(p => `<p class="note">${escapeHtml(p)}</p>`),
        `<p>${escapeHtml(countsText(total(report)))}</p>`, barChart(categories.map(c => c.place), series),
        `<table><thead><tr><th>item</th><th>WA</th><th>national</th></tr></thead><tbody>${rows.join('')}</tbody></table>`].join('\n');
    return htmlPage(`Conformance: ${title(report)}`, body);
}

function thresholdList(thresholds: string[]): string {
    return thresholds.length ? `<br><code>${thresholds.map(escapeHtml).join('</code>; <code>')}</code>` : '';
}

/**
 * The HTML of an item's history: the editor's Entry History view (from cld/entryHistory, with a
 * script that reports clicks) and `cld history --format html` (standalone, no script). Every text
 * is escaped; the content security policy allows only this page's nonce-tagged style (and, in
 * the editor, its nonce-tagged script).
 */
import * as l10n from '@vscode/l10n';
import { changeKindWord, directionWord } from './change-words.js';
import { escapeHtml as escape } from '../diff/html.js';
import type { WordSegment } from '../diff/words.js';
import type { Lineage, LineageVersion } from './lineage.js';
import { boundSummary } from '../export/export-format.js';
import type { ChartSeries } from './lineage-view.js';

type Segment = WordSegment;
type HistoryVersion = LineageVersion;

export interface HistoryResult {
    ok: true;
    lineage: Lineage;
    /** The file of each version's first edition (the view opens it at the item). */
    files: string[];
    words: Array<Segment[] | null | undefined>;
    charts: ChartSeries[];
}

const WIDTH = 640;
const HEIGHT = 170;
const PAD = { left: 70, right: 20, top: 14, bottom: 26 };

function yearSpan(versions: HistoryVersion[]): { first: number; last: number } {
    const years = versions.flatMap(v => v.years);
    const first = Math.min(...years);
    return { first, last: Math.max(first + 1, Math.max(...years) + 1) };
}

/** One step chart: the value holds from the version's first year to the next version's. */
export function stepChart(series: ChartSeries, versions: HistoryVersion[]): string {
    const { first, last } = yearSpan(versions);
    const values = series.points.flatMap(p => [p.value, p.low, p.high]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length === 0) return '';
    const min = Math.min(...values);
    const max = Math.max(...values);
    // A log scale where values span more than two decades and are all positive.
    const log = min > 0 && max / min > 100;
    const f = (v: number) => (log ? Math.log10(v) : v);
    const lo = f(min) === f(max) ? f(min) - 1 : f(min);
    const hi = f(min) === f(max) ? f(max) + 1 : f(max);
    const x = (year: number) => PAD.left + ((year - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
    const y = (v: number) => HEIGHT - PAD.bottom - ((f(v) - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
    const start = (version: number) => versions[version].years[0] ?? first;
    const end = (version: number) => (version + 1 < versions.length ? start(version + 1) : last);
    const shapes: string[] = [];
    let previousText: string | undefined;
    for (const p of series.points) {
        // A value that did not change is drawn again but not labelled again.
        const label = p.text === previousText ? '' : `<text class="value" x="${(x(start(p.version)) + 3).toFixed(1)}" y="${(y(p.high ?? p.value ?? 0) - 4).toFixed(1)}">${escape(p.text)}</text>`;
        previousText = p.text;
        const [x1, x2] = [x(start(p.version)), x(end(p.version))];
        const title = `<title>${escape(`${versions[p.version].years[0] ?? ''}: ${series.parameter} ${p.text}`)}</title>`;
        if (p.low !== undefined && p.high !== undefined) {
            shapes.push(`<rect class="band" x="${x1.toFixed(1)}" y="${y(p.high).toFixed(1)}" width="${Math.max(1, x2 - x1).toFixed(1)}" height="${Math.max(1, y(p.low) - y(p.high)).toFixed(1)}">${title}</rect>`, label);
        } else if (p.value !== undefined) {
            shapes.push(`<line class="step" x1="${x1.toFixed(1)}" x2="${x2.toFixed(1)}" y1="${y(p.value).toFixed(1)}" y2="${y(p.value).toFixed(1)}">${title}</line>`, label);
        }
    }
    // Year labels at version starts, skipping one that would overlap the label before it.
    const ticks: string[] = [];
    let lastTick = -Infinity;
    for (const year of versions.map(v => v.years[0]).filter((y, i, all): y is number => y !== undefined && all.indexOf(y) === i)) {
        if (x(year) - lastTick < 32) continue;
        lastTick = x(year);
        ticks.push(`<text class="tick" x="${x(year).toFixed(1)}" y="${HEIGHT - 8}">${year}</text>`);
    }
    const scale = series.unit ? ` (${log ? l10n.t('{0}, log scale', series.unit) : series.unit})` : log ? ` (${l10n.t('log scale')})` : '';
    return `<figure><figcaption>${escape(series.parameter)}${escape(scale)}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${escape(l10n.t('{0} over the editions', series.parameter))}">
<line class="axis" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${HEIGHT - PAD.bottom}" y2="${HEIGHT - PAD.bottom}"/>
<line class="axis" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${HEIGHT - PAD.bottom}"/>
<text class="tick" x="4" y="${PAD.top + 8}">${escape(formatNumber(max))}</text>${min !== max ? `<text class="tick" x="4" y="${HEIGHT - PAD.bottom}">${escape(formatNumber(min))}</text>` : ''}
${ticks.join('')}${shapes.join('')}</svg></figure>`;
}

function formatNumber(v: number): string {
    return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(6)));
}

function words(segments: Segment[] | null | undefined, text: string | undefined): string {
    if (!segments) return escape(text ?? '');
    return segments.map(s => (s.op === 'same' ? escape(s.text) : `<${s.op === 'removed' ? 'del' : 'ins'}>${escape(s.text)}</${s.op === 'removed' ? 'del' : 'ins'}>`)).join(' ');
}

function thresholdText(t: HistoryVersion['thresholds'][number]): string {
    return `${t.parameter} ${boundSummary(t)}`;
}

function yearsOf(v: HistoryVersion): string {
    const first = v.years[0];
    const last = v.years[v.years.length - 1];
    return first === undefined ? v.editions.join(', ') : first === last ? String(first) : `${first}-${last}`;
}

/** `interactive`: in the editor's webview (a click on a version asks to open that edition). */
export function historyHtml(cspSource: string, result: HistoryResult, nonce: string, interactive = true): string {
    const { lineage } = result;
    const versions = lineage.versions;
    const tierNames = [...new Set(versions.flatMap(v => v.tiers))];
    const tiers = tierNames.length === 0 ? '' : `<table class="tiers"><tr><th>${escape(l10n.t('Tier'))}</th>${versions.map(v => `<th>${escape(yearsOf(v))}</th>`).join('')}</tr>${tierNames.map(t =>
        `<tr><td>${escape(t)}</td>${versions.map(v => `<td class="${v.tiers.includes(t) ? 'on' : 'off'}">${v.tiers.includes(t) ? '●' : ''}</td>`).join('')}</tr>`).join('')}</table>`;
    const rows = versions.map((v, i) => `<tr data-index="${i}" title="${escape(l10n.t('Open {0} at {1}', v.editions[0], v.code))}"><td>${escape(yearsOf(v))}</td><td>${escape(v.editions.length === 1 ? v.editions[0] : `${v.editions[0]} … ${v.editions[v.editions.length - 1]} (${v.editions.length})`)}</td><td><code>${escape(v.code)}</code></td><td>${v.reserved !== undefined ? `<em>${escape(typeof v.reserved === 'number' ? l10n.t('reserved since {0}', v.reserved) : l10n.t('reserved'))}</em>` : words(result.words[i], v.text)}</td><td>${v.thresholds.map(t => escape(thresholdText(t))).join('<br>')}</td></tr>`).join('');
    const none = l10n.t('(none)');
    const changes = lineage.changes.map(c => `<li>${escape(String(c.year ?? c.listId))} <code>${escape(c.code)}</code> ${escape(changeKindWord(c.kind))}${c.parameter ? ` ${escape(c.parameter)}` : ''}${c.direction ? ` <span class="dir ${escape(c.direction)}">${escape(directionWord(c.direction))}</span>` : ''}${c.remark ? ` <em>${escape(c.remark)}</em>` : ''}${c.from !== undefined || c.to !== undefined ? `: ${escape(c.from ?? none)} → ${escape(c.to ?? none)}` : ''}</li>`).join('');
    const first = versions[0];
    const since = first.code !== lineage.code ? l10n.t('{0} (as {1})', first.editions[0], first.code) : first.editions[0];
    const summary = l10n.t('{0} editions, in force since {1}; {2} change(s).', versions.reduce((n, v) => n + v.editions.length, 0), since, lineage.changes.length)
        + (interactive ? ` ${l10n.t('Click a version to open that edition at the item.')}` : '');
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource ? `${cspSource} ` : ''}'nonce-${nonce}';${interactive ? ` script-src 'nonce-${nonce}';` : ''}">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em 2em; }
table { border-collapse: collapse; } td, th { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-panel-border); }
table.versions { width: 100%; } tr[data-index] { cursor: pointer; } tr[data-index]:hover { background: var(--vscode-list-hoverBackground); }
del { background: var(--vscode-diffEditor-removedTextBackground); } ins { background: var(--vscode-diffEditor-insertedTextBackground); text-decoration: none; }
svg .axis { stroke: var(--vscode-panel-border); } svg .step { stroke: var(--vscode-charts-orange, #ef6c00); stroke-width: 3; }
svg .band { fill: var(--vscode-charts-orange, #ef6c00); opacity: .45; } svg text { fill: var(--vscode-foreground); font-size: 11px; }
figure { margin: .5em 0 1em; max-width: 760px; } figcaption { font-weight: 600; margin-bottom: 2px; }
.tiers td.on { color: var(--vscode-charts-blue, #1565c0); text-align: center; } .dir { font-size: .85em; padding: 0 4px; border: 1px solid var(--vscode-panel-border); border-radius: 3px; }
</style></head><body>
<h2>${escape(l10n.t('{0}: WA precedent', lineage.code))}</h2>
<p>${escape(summary)}</p>
${result.charts.map(s => stepChart(s, versions)).join('')}
${tiers}
<h3>${escape(l10n.t('Versions'))}</h3>
<table class="versions"><thead><tr>${[l10n.t('Years'), l10n.t('Editions'), l10n.t('Code'), l10n.t('Text (changes from the version before)'), l10n.t('Thresholds')].map(h => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody id="versions">${rows}</tbody></table>
<h3>${escape(l10n.t('Changes'))}</h3><ul>${changes || `<li>${escape(l10n.t('none'))}</li>`}</ul>
${interactive ? `<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const row of document.querySelectorAll('#versions tr')) row.addEventListener('click', () => vscode.postMessage({ open: Number(row.dataset.index) }));
</script>` : ''}</body></html>`;
}

/**
 * `cld export` formats: JSON (the whole flat model), CSV (one row per item, for spreadsheets)
 * and Markdown (a readable table).
 */
import { csvCell, escapeMarkdown as escapeMd } from '../text-safety.js';
import type { FlatBound, FlatItem, FlatList, FlatThreshold } from '../model/flat-items.js';

export type ExportFormat = 'json' | 'csv' | 'md';

export function renderExport(list: FlatList, format: ExportFormat): string {
    if (format === 'json') return JSON.stringify(list, null, 2) + '\n';
    if (format === 'csv') return renderCsv(list.items);
    return renderMarkdown(list);
}

/** `wavelength < 193 nm`; in an `either` choice with its place: `(either 1, option 2) power >= 250 W`. */
export function thresholdSummary(t: FlatThreshold): string {
    const place = t.either ? `(either ${t.either[0]}, option ${t.either[1]}${t.kind !== undefined ? ` for "${t.kind}"` : ''}) ` : '';
    return `${place}${t.parameter} ${[t, ...(t.alternatives ?? [])].map(boundSummary).join(' or ')}`;
}

/** `< 193 nm`, `from 1 GHz to 3 GHz`, `< formula "(N log2 N)/20,480" ms`. */
export function boundSummary(b: FlatBound): string {
    const q = (v: { value: string; unit?: string } | undefined) => (v ? `${v.value}${v.unit ? ` ${v.unit}` : ''}` : '?');
    if (b.formula !== undefined) return `${b.comparator} formula "${b.formula}"${b.unit ? ` ${b.unit}` : ''}`;
    return b.comparator === 'from-to' ? `from ${q(b.low)} to ${q(b.high)}` : `${b.comparator} ${q({ value: b.value ?? '?', unit: b.unit })}`;
}

function renderCsv(items: FlatItem[]): string {
    const rows = [['code', 'text', 'reserved', 'tiers', 'thresholds', 'notes']];
    for (const item of items) {
        rows.push([
            item.code,
            item.text ?? '',
            item.reserved === undefined ? '' : String(item.reserved),
            item.tiers.join(' '),
            item.thresholds.map(thresholdSummary).join('; '),
            item.notes.map(n => `${n.kind}: ${n.text}`).join('\n'),
        ]);
    }
    return rows.map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function renderMarkdown(list: FlatList): string {
    const lines = [`# ${escapeMd(list.list ?? 'Control list')}${list.id ? ` (${escapeMd(list.id)})` : ''}`, ''];
    if (list.edition || list.date) lines.push(`Edition ${escapeMd(list.edition ?? '')}${list.date ? `, ${list.date}` : ''}. ${list.items.length} items.`, '');
    lines.push('| code | text | tiers | thresholds | notes |', '|---|---|---|---|---|');
    for (const item of list.items) {
        const text = item.reserved !== undefined ? `*not used${item.reserved === true ? '' : ` since ${item.reserved}`}*` : escapeMd(item.text ?? '');
        lines.push(`| ${item.code} | ${text} | ${item.tiers.join(', ')} | ${escapeMd(item.thresholds.map(thresholdSummary).join('; '))} | ${item.notes.length || ''} |`);
    }
    return lines.join('\n') + '\n';
}

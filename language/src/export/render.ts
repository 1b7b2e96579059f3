/**
 * `cld export` formats: JSON (the whole flat model), CSV (one row per item, for spreadsheets)
 * and Markdown (a readable table).
 */
import { csvCell, escapeMarkdown as escapeMd } from '../text-safety.js';
import type { FlatItem, FlatList, FlatThreshold } from './flat-items.js';

export type ExportFormat = 'json' | 'csv' | 'md';

export function renderExport(list: FlatList, format: ExportFormat): string {
    if (format === 'json') return JSON.stringify(list, null, 2) + '\n';
    if (format === 'csv') return renderCsv(list.items);
    return renderMarkdown(list);
}

export function thresholdSummary(t: FlatThreshold): string {
    const q = (v: { value: string; unit?: string } | undefined) => (v ? `${v.value}${v.unit ? ` ${v.unit}` : ''}` : '?');
    return t.comparator === 'from-to' ? `${t.parameter} from ${q(t.low)} to ${q(t.high)}` : `${t.parameter} ${t.comparator} ${q({ value: t.value ?? '?', unit: t.unit })}`;
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

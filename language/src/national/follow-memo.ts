/**
 * The memo of `cld follow`: what changed in the WA and the national list took over, what waits for
 * the drafter's decision (departures, removals), and the new WA items added, each with codes, both
 * WA versions and the national text and thresholds. Markdown, for a memo or a review.
 */
import { escapeMarkdown as markdownText } from '../text-safety.js';
import type { FollowedItem, FollowResult, Version } from './follow.js';

export function followMemo(result: FollowResult, nationalId: string | undefined): string {
    const lines = [`# ${nationalId ?? 'The national list'}: from ${result.from} to ${result.to}`, '',
        `- taken over: ${result.applied.length}`, `- waiting for a decision: ${result.departures.length + result.removed.length} (${result.departures.length} where the national list departs from the WA, ${result.removed.length} removed by the WA)`,
        `- new WA items added: ${result.added.length}`,
        `- kept as they were: ${result.leftOut.length} WA items the national list leaves out, ${result.nationalOnly.length} national items of its own`, ''];
    section(lines, 'Taken over (the national item read as the WA did)', result.applied, true);
    section(lines, 'Waiting for a decision: WA changes not applied (the national item departs from the WA, or the WA moved or restructured it)', result.departures, true);
    section(lines, 'Waiting for a decision: removed by the WA, kept in the national list', result.removed, true);
    section(lines, 'New WA items, added as skeletons', result.added, false);
    section(lines, 'WA items the national list leaves out (still left out)', result.leftOut, false);
    if (result.nationalOnly.length > 0) lines.push('## National items of its own (kept)', '', result.nationalOnly.join(', '), '');
    return lines.join('\n') + '\n';
}

function section(lines: string[], title: string, items: FollowedItem[], withNational: boolean): void {
    if (items.length === 0) return;
    lines.push(`## ${title}`, '');
    for (const item of items) {
        lines.push(`### ${item.nationalCode ? `${item.nationalCode} (WA ${item.waCode})` : `WA ${item.after?.code ?? item.waCode}`}`, '');
        if (item.before) lines.push(version('WA before', item.before));
        if (item.after) lines.push(version('WA now', item.after));
        if (withNational && item.national) lines.push(version('National', item.national));
        lines.push('');
    }
}

function version(label: string, v: Version): string {
    const limits = v.thresholds.length ? ` [${v.thresholds.join('; ')}]` : '';
    const tiers = v.tiers.length ? ` (${v.tiers.join(', ')})` : '';
    return `- **${label}** ${v.code}${tiers}: ${markdownText(v.text ?? '')}${markdownText(limits)}`;
}

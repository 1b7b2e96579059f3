/**
 * The WA precedent part of a hover, from an item's lineage: when it came into force, its changes
 * with year, kind and direction (the latest first, at most MAX_CHANGES; the rest are counted and
 * `cld history` named), and for a national item the WA text where it differs. On a threshold:
 * that parameter in every version, as a small table.
 */
import * as l10n from '@vscode/l10n';
import { changeSummary, yearRanges } from '../../language/src/history/lineage-format.js';
import type { Lineage } from '../../language/src/history/lineage.js';
import { boundSummary } from '../../language/src/export/export-format.js';
import { normaliseText } from '../../language/src/diff/words.js';
import { escapeMarkdown } from '../../language/src/text-safety.js';
import { fullCode, numberingOf, toWassenaarCode } from '../../language/src/codes.js';
import type { Entry, Item } from '../../language/src/generated/ast.js';

/** With the header and the WA text, the history stays within about 15 lines. */
const MAX_CHANGES = 8;

/**
 * The WA code whose history applies: a WA edition's own code; a national item's `precedent`; an
 * ECCN 0xx code read as the WA code (3B001.f is 3.B.1.f); the code itself in `wassenaar` numbering.
 */
export function waCodeOf(item: Entry | Item): string | undefined {
    if (item.precedent?.code) return item.precedent.code;
    const code = fullCode(item);
    if (!code) return undefined;
    return numberingOf(item) === 'eccn' ? toWassenaarCode(code) : numberingOf(item) === 'wassenaar' ? code : undefined;
}

export function historyHover(lineage: Lineage, nationalText: string | undefined): string {
    const first = lineage.versions[0];
    const latest = lineage.versions[lineage.versions.length - 1];
    const since = first.code !== lineage.code
        ? l10n.t('{0} ({1}, as {2})', first.years[0] ?? '', first.editions[0], first.code)
        : `${first.years[0] ?? ''} (${first.editions[0]})`;
    const editions = lineage.versions.reduce((n, v) => n + v.editions.length, 0);
    const lines = [l10n.t('**WA precedent** {0}: in force since {1}; {2} change(s) in {3} editions', escapeMarkdown(lineage.code), escapeMarkdown(since), lineage.changes.length, editions)];
    // A rewording that only restates a changed threshold says nothing the threshold line does not.
    const telling = lineage.changes.filter(c => !(c.kind === 'reworded' && lineage.changes.some(t => t.kind === 'threshold' && t.listId === c.listId && t.code === c.code)));
    const shown = telling.slice(-MAX_CHANGES).reverse();
    for (const change of shown) {
        lines.push(`- ${change.year ?? escapeMarkdown(change.listId)} ${change.code !== lineage.code ? `${escapeMarkdown(change.code)}: ` : ''}${escapeMarkdown(changeSummary(change))}`);
    }
    const more = telling.length - shown.length;
    if (more > 0) lines.push(l10n.t('- … {0} earlier change(s): `cld history {1}`', more, lineage.code));
    if (nationalText !== undefined && latest.text !== undefined && normaliseText(latest.text) !== normaliseText(nationalText)) {
        lines.push('', l10n.t('WA text ({0}): {1}', escapeMarkdown(latest.editions[latest.editions.length - 1]), escapeMarkdown(shorten(latest.text, 300))));
    }
    return lines.join('\n');
}

/** The parameter of the same name in every version; failing that, the WA item's only parameter. */
export function thresholdHistory(lineage: Lineage, parameter: string): string {
    const names = new Set(lineage.versions.flatMap(v => v.thresholds.map(t => t.parameter)));
    const name = names.has(parameter) ? parameter : names.size === 1 ? [...names][0] : undefined;
    if (!name) return historyHover(lineage, undefined);
    const rows = lineage.versions.map(v => {
        const values = v.thresholds.filter(t => t.parameter === name).map(t => [t, ...(t.alternatives ?? [])].map(boundSummary).join(` ${l10n.t('or')} `));
        return `| ${yearRanges(v.years)} | ${escapeMarkdown(v.code)} | ${escapeMarkdown(values.join(` ${l10n.t('and')} `) || '—')} |`;
    });
    return [l10n.t('**WA precedent** {0}, `{1}` in every edition:', escapeMarkdown(lineage.code), name), '', `| ${l10n.t('editions')} | ${l10n.t('code')} | ${l10n.t('WA threshold')} |`, '|---|---|---|', ...rows].join('\n');
}

function shorten(text: string, max: number): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

import * as l10n from '@vscode/l10n';
/**
 * Conformance findings as diagnostics on the national list's own items: "3B001.c: in other words
 * than WA 3.B.1.c (WA-LIST (25) 1 Corr.)". A WA item the list does not cover is told on the
 * nearest national item above it (its parent entry), else on the `implements` line.
 *
 * The check is a 'slow' one (Langium's validation category): it pairs the whole list with a whole
 * WA edition, so the editor runs it when typing pauses, not on every keystroke; the findings come
 * from checkConformance, the engine of `cld conformance`. Where the WA editions come from, and how
 * severe each kind is, a ConformanceSource says (the language server's reads the precedent
 * library and the `cld.conformance.severity` setting).
 */
import { AstUtils, type LangiumDocument, type ValidationAcceptor, type ValidationChecks, interruptAndCheck } from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { CldCoreServices } from '../cld-module.js';
import { fullCode } from '../codes.js';
import { matchKey } from '../diff/match-keys.js';
import { type CldAstType, type ControlList, type Entry, type Item, isEntry, isItem } from '../generated/ast.js';
import type { ConformanceReport, Finding, FindingKind } from './conformance.js';

export type ConformanceSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** Information for every kind (an item equal to the WA's says nothing), unless the setting says otherwise. */
export const DEFAULT_CONFORMANCE_SEVERITY: Readonly<Record<FindingKind, ConformanceSeverity>> = {
    equal: 'off', reworded: 'information', broader: 'information', narrower: 'information', 'other-limits': 'information',
    older: 'information', 'not-covered': 'information', 'other-regime': 'information', 'national-only': 'information',
};

export const CONFORMANCE_DIAGNOSTIC_CODES: Record<string, string> = {
    'conformance-reworded': 'The item has the WA item\'s limits in other words (quick fix: adopt the WA text and thresholds).',
    'conformance-broader': 'The item controls more than the WA item (its limits are wider).',
    'conformance-narrower': 'The item controls less than the WA item: a gap.',
    'conformance-other-limits': 'The item\'s limits differ from the WA item\'s with no one direction.',
    'conformance-older': 'The item reads as an older WA edition\'s version of the WA item.',
    'conformance-not-covered': 'A WA item below this one (or in the list\'s categories) has no national item.',
    'conformance-other-regime': 'The item is another regime\'s (MTCR, NSG, Australia Group, CWC, nuclear), not the WA\'s.',
    'conformance-national-only': 'The item has no WA counterpart: a national control.',
    'conformance-equal': 'The item is the WA item, word for word (off unless the setting turns it on).',
};

/** What a conformance check needs from its host: the report for a document and the severity of each kind. */
export interface ConformanceSource {
    /**
     * The report for the list in `document`, or undefined when there is none yet (no library, or
     * still indexing). Worked out in steps that let the event loop run between them and end with
     * OperationCancelled once `cancelToken` is cancelled (a keystroke), as this check does itself.
     */
    check(document: LangiumDocument, cancelToken: CancellationToken): Promise<{ report: ConformanceReport; severity: Partial<Record<FindingKind, ConformanceSeverity>> } | undefined>;
}

/** What a conformance diagnostic carries for its quick fix. */
export interface ConformanceData {
    code: string;
    kind: FindingKind;
    waCode?: string;
    waId?: string;
}

export function registerConformanceChecks(services: CldCoreServices, source: ConformanceSource): void {
    const checks: ValidationChecks<CldAstType> = {
        ControlList: (list, accept, cancelToken) => reportConformance(list, accept, source, cancelToken),
    };
    services.validation.ValidationRegistry.register(checks, undefined, 'slow');
}

/** How many findings become diagnostics between two chances for the event loop (and a keystroke) to run. */
const FINDINGS_BETWEEN_CHECKS = 500;

async function reportConformance(list: ControlList, accept: ValidationAcceptor, source: ConformanceSource, cancelToken: CancellationToken): Promise<void> {
    if (!list.header?.implements.some(i => i.regime === 'wassenaar')) return;
    const result = await source.check(AstUtils.getDocument(list), cancelToken);
    if (!result) return;
    const { report } = result;
    const severity = (kind: FindingKind) => result.severity[kind] ?? DEFAULT_CONFORMANCE_SEVERITY[kind];
    await interruptAndCheck(cancelToken);
    const nodes = nodesByCode(list);
    const implementsNode = list.header.implements.find(i => i.regime === 'wassenaar')!;
    for (const [index, finding] of report.findings.entries()) {
        if (index % FINDINGS_BETWEEN_CHECKS === 0) await interruptAndCheck(cancelToken);
        const level = severity(finding.kind);
        if (level === 'off') continue;
        const data: ConformanceData = { code: `conformance-${finding.kind}`, kind: finding.kind, waCode: finding.waCode, waId: report.waId };
        const node = finding.kind === 'not-covered' ? nearestAbove(finding, nodes) : finding.nationalCode ? nodes.get(matchKey(finding.nationalCode)) : undefined;
        const message = messageOf(finding, report.waId);
        const langiumLevel = level === 'information' ? 'info' : level;
        if (isEntry(node)) accept(langiumLevel, message, { node, property: 'code', code: data.code, data });
        else if (node) accept(langiumLevel, message, { node, property: 'label', code: data.code, data });
        else if (finding.kind === 'not-covered') accept(langiumLevel, message, { node: implementsNode, code: data.code, data });
    }
}

function messageOf(finding: Finding, waId: string | undefined): string {
    const wa = waId ? l10n.t('WA {0} ({1})', finding.waCode ?? '', waId) : l10n.t('WA {0}', finding.waCode ?? '');
    const national = finding.nationalCode ?? '';
    const limits = (list: string[]) => (list.length ? list.join('; ') : l10n.t('no limits'));
    switch (finding.kind) {
        case 'equal': return l10n.t('{0} is {1}, word for word.', national, wa);
        case 'reworded': return l10n.t('{0} has the limits of {1} in other words.', national, wa);
        case 'broader': return l10n.t('{0} controls more than {1}: {2} here, {3} in the WA.', national, wa, limits(finding.nationalThresholds), limits(finding.waThresholds));
        case 'narrower': return l10n.t('{0} controls less than {1} (a gap): {2} here, {3} in the WA.', national, wa, limits(finding.nationalThresholds), limits(finding.waThresholds));
        case 'other-limits': return l10n.t('{0} has other limits than {1}: {2} here, {3} in the WA.', national, wa, limits(finding.nationalThresholds), limits(finding.waThresholds));
        case 'older': {
            const follows = finding.follows!;
            const years = follows.from !== undefined && follows.year !== undefined && follows.from !== follows.year ? `${follows.from}-${follows.year}` : String(follows.year ?? follows.listId);
            const which = follows.by === 'limits'
                ? l10n.t("{0} follows {1} (the WA's limits {2}); {3} reads otherwise", national, follows.listId, years, wa)
                : l10n.t("{0} follows {1} (the WA's text {2}); {3} reads otherwise", national, follows.listId, years, wa);
            return follows.since ? l10n.t('{0} since {1}.', which, follows.since) : `${which}.`;
        }
        case 'not-covered': {
            const text = shorten(finding.waText ?? '');
            const under = finding.newUnder;
            if (!under) return l10n.t('{0} is not covered by the list: "{1}"', wa, text);
            return under.since
                ? l10n.t('{0} is not covered by the list (new in the WA since {1}; {2} follows {3}: adopting its WA text brings it): "{4}"', wa, under.since, under.nationalCode, under.listId, text)
                : l10n.t('{0} is not covered by the list (new in the WA; {1} follows {2}: adopting its WA text brings it): "{3}"', wa, under.nationalCode, under.listId, text);
        }
        case 'other-regime': return l10n.t('{0} is an item of another regime ({1}), not of the WA list.', national, finding.regime ?? '');
        case 'national-only': return l10n.t('{0} has no counterpart in the WA list: a national control.', national);
    }
}

function shorten(text: string): string {
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Every entry and item of the list by its code in WA form (3B001.f and 3.B.1.f alike). */
export function nodesByCode(list: ControlList): Map<string, Entry | Item> {
    const nodes = new Map<string, Entry | Item>();
    for (const node of AstUtils.streamAllContents(list)) {
        if (!isEntry(node) && !isItem(node)) continue;
        const code = fullCode(node);
        if (code) nodes.set(matchKey(code), node);
    }
    return nodes;
}

/** The national item nearest above an uncovered WA item: its parent, else its parent's parent, up to the entry. */
function nearestAbove(finding: Finding, nodes: Map<string, Entry | Item>): Entry | Item | undefined {
    const parts = matchKey(finding.waCode ?? '').split('.');
    // Up to the entry (3.B.1), or the munitions category (ML8).
    const shortest = parts[0].startsWith('ML') ? 1 : 3;
    for (let length = parts.length - 1; length >= shortest; length--) {
        const node = nodes.get(parts.slice(0, length).join('.'));
        if (node) return node;
    }
    return undefined;
}

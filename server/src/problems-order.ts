import type { Connection, Diagnostic } from 'vscode-languageserver';

/**
 * The order a document's diagnostics are published in: by severity, then by what they say.
 *
 * VS Code shows at most 1,000 problems a file, and which ones is decided by the order they come
 * in: errors first, then warnings, then information, each in the order published (its
 * ExtHostDiagnostics). A national list that implements a WA edition easily has more: the EU's
 * Annex I had 1,050 pieces of information of its own as you type ('local terms' without a
 * definition; 54 since terms defined in notes count) and has 2,000 conformance findings, so none
 * of the findings showed; a small list that covers a few entries of each category has 2,000
 * uncovered WA items, and hid most of its gaps.
 *
 * So, within a severity: first what says the list controls otherwise than the WA (a gap, wider or
 * other limits, an older edition's wording), then the list's own findings (the checks made as you
 * type), then WA items the list does not cover, then items in other words, and last what only
 * tells what an item is (national only, another regime's, equal). The Conformance view and
 * `cld conformance` list every finding, so nothing is lost beyond the panel's limit. The order is
 * stable and costs one pass; the Problems panel sorts by position whatever the order.
 */
const RANKS: Readonly<Record<string, number>> = {
    'conformance-narrower': 0,
    'conformance-other-limits': 0,
    'conformance-broader': 0,
    'conformance-older': 0,
    'conformance-not-covered': 2,
    'conformance-reworded': 3,
    'conformance-national-only': 4,
    'conformance-other-regime': 4,
    'conformance-equal': 5,
};
/** The list's own findings: every code not above. */
const OWN = 1;
const RANK_COUNT = 6;
const SEVERITIES = 4;

export function inProblemsOrder(diagnostics: Diagnostic[]): Diagnostic[] {
    const buckets: Diagnostic[][] = Array.from({ length: SEVERITIES * RANK_COUNT }, () => []);
    for (const diagnostic of diagnostics) {
        // No severity is shown as an error (as VS Code does).
        const severity = Math.min(Math.max(diagnostic.severity ?? 1, 1), SEVERITIES) - 1;
        const rank = RANKS[String(diagnostic.code)] ?? OWN;
        buckets[severity * RANK_COUNT + rank].push(diagnostic);
    }
    return buckets.flat();
}

/** Publishes every document's diagnostics in problems order. */
export function publishInProblemsOrder(connection: Connection): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => send({ ...params, diagnostics: inProblemsOrder(params.diagnostics) });
}

import { EmptyFileSystem, OperationCancelled, URI, setInterruptionPeriod } from 'langium';
import { afterEach, expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import type { ConformanceReport, Finding } from '../../language/src/conformance/conformance.js';
import { type ConformanceSource, registerConformanceChecks } from '../../language/src/conformance/conformance-diagnostics.js';

// The conformance check (a 'slow' one) works out findings for a whole list; the editor cancels it
// when a key is typed meanwhile (server/src/conformance-source.ts). Here the host's report is
// given, and the key "comes" while the host works it out: the check must end there, and its
// findings, of the text before the key, must not become the document's diagnostics.

const TEXT = `list "Examplia" id "EX-1" numbering eccn
implements wassenaar "WA-LIST (21) 1"
category 3 { group B { entry 3B001 "Equipment, as follows:" {
    item a "Masks;"
} } }
`;

const finding = (n: number): Finding => ({ kind: 'not-covered', category: '3', waCode: `3.B.1.${n}`, waText: 'Wafers;', waThresholds: [], nationalThresholds: [] });
const FINDINGS = 20_000;
const report: ConformanceReport = { waId: 'WA-LIST (21) 1', problems: [], findings: Array.from({ length: FINDINGS }, (_, i) => finding(i + 1)) };

afterEach(() => setInterruptionPeriod(10));

/**
 * The slow check of a small list whose host reports FINDINGS findings; `cancel` says when the
 * key comes: while the host works the report out, or as a message that arrives after it (a timer
 * set then). `made` counts the findings the check has turned into diagnostics (each reads its severity).
 */
async function slowCheck(cancel?: 'while-working' | 'as-a-message') {
    const services = createCldCoreServices(EmptyFileSystem);
    const tokens = new CancellationTokenSource();
    let made = 0;
    const severity = new Proxy({}, { get: () => { made++; return undefined; } });
    const source: ConformanceSource = {
        check: async () => {
            if (cancel === 'while-working') tokens.cancel();
            if (cancel === 'as-a-message') setTimeout(() => tokens.cancel(), 0);
            return { report, severity };
        },
    };
    registerConformanceChecks(services.Cld, source);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(TEXT, URI.parse('memory:/conformance-cancel.cld'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    // As the editor builds as you type: every check but the slow ones.
    await services.shared.workspace.DocumentBuilder.build([document], { validation: { categories: ['built-in', 'fast'] } });
    const before = document.diagnostics?.length ?? 0;
    const built = services.shared.workspace.DocumentBuilder.build([document], { validation: { categories: ['slow'] } }, tokens.token);
    return { built, document, before, made: () => made };
}

test('the findings become diagnostics when nothing cancels the check', async () => {
    const { built, document, before } = await slowCheck();
    await built;
    expect(before).toBe(0);
    expect(document.diagnostics?.filter(d => d.code === 'conformance-not-covered')).toHaveLength(FINDINGS);
});

test('a cancellation while the report is worked out ends the check: no finding of the text before is kept', async () => {
    const { built, document, before } = await slowCheck('while-working');
    await expect(built).rejects.toBe(OperationCancelled);
    expect(document.diagnostics?.length ?? 0).toBe(before);
});

test('a key that arrives while the findings become diagnostics is let in, and ends the check there', async () => {
    // Each chance to let the event loop run is taken (by default, one in 10 ms).
    setInterruptionPeriod(0);
    const { built, document, before, made } = await slowCheck('as-a-message');
    await expect(built).rejects.toBe(OperationCancelled);
    expect(document.diagnostics?.length ?? 0).toBe(before);
    // Without the pauses, all 20,000 were made before the key could be read.
    expect(made()).toBeLessThan(FINDINGS / 4);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type HistoryResult, historyHtml, stepChart } from '../../language/src/history/lineage-html.js';
import { repositoryRoot } from '../cli/run-cld.js';
import { LspTestClient } from './lsp-client.js';

// The Entry History view's page, made from what the real server answers to cld/entryHistory.
const series = join(repositoryRoot, 'examples', 'wa-series');
let cache: string;
let client: LspTestClient;
let result: HistoryResult;

beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'cld-history-html-'));
    process.env.CLD_CACHE_DIR = cache;
    client = new LspTestClient();
    await client.initialize(null);
    const uri = pathToFileURL(join(series, 'wa-series-2019.cld')).href;
    const { readFileSync } = await import('node:fs');
    client.open(uri, readFileSync(join(series, 'wa-series-2019.cld'), 'utf8'));
    await client.waitForDiagnostics(uri);
    result = await client.request<HistoryResult>('cld/entryHistory', { uri, code: '4.A.3.a' });
}, 30000);

afterAll(async () => {
    await client?.shutdown();
    delete process.env.CLD_CACHE_DIR;
    rmSync(cache, { recursive: true, force: true });
});

describe('the Entry History page', () => {
    test('a strict policy: only the nonce-tagged style and script, no inline style attributes', () => {
        const html = historyHtml('vscode-resource:', result, 'N0NCE');
        expect(html).toContain(`content="default-src 'none'; style-src vscode-resource: 'nonce-N0NCE'; script-src 'nonce-N0NCE';"`);
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html).not.toMatch(/ style="/);
    });

    test('one row per version, words that changed marked, a step per version in the chart', () => {
        const html = historyHtml('vscode-resource:', result, 'N');
        expect(html.match(/<tr data-index=/g)).toHaveLength(3);
        expect(html).toContain('<del>1.5</del> <ins>8</ins>');
        expect(html.match(/<line class="step"/g)).toHaveLength(3);
        expect(html).toContain('<figcaption>app (WT)</figcaption>');
    });

    test('a threshold spanning more than two decades is drawn on a log scale', () => {
        const versions = [1997, 2004, 2014].map(year => ({ editions: [String(year)], years: [year], code: 'x', tiers: [], thresholds: [], notes: [] }));
        const chart = stepChart({ parameter: 'rate', unit: 'Hz', points: [{ version: 0, comparator: '>', value: 1, text: '> 1 Hz' }, { version: 1, comparator: '>', value: 1000, text: '> 1000 Hz' }, { version: 2, comparator: '>', value: 1e6, text: '> 1e6 Hz' }] }, versions);
        expect(chart).toContain('log scale');
    });

    test('text from the editions is escaped', () => {
        const evil = structuredClone(result);
        evil.lineage.versions[0].text = '<img src=x onerror=alert(1)>';
        evil.lineage.code = '</h2><script>alert(1)</script>';
        const html = historyHtml('vscode-resource:', evil, 'N');
        expect(html).not.toContain('<img src=x');
        expect(html).not.toContain('<script>alert');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });
});

import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DiffResult, compareHtml } from '../../client/src/compare-html.js';
import { type HistoryResult, historyHtml } from '../../language/src/history/lineage-html.js';
import { repositoryRoot } from '../cli/run-cld.js';
import { LspTestClient } from './lsp-client.js';

// The pages the extension draws itself (Compare Editions, Entry History) in the display language:
// the extension gives @vscode/l10n its bundle (client/src/extension.ts), as done here with zh-cn.
const bundle = JSON.parse(fs.readFileSync(join(repositoryRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
let cache: string;
let client: LspTestClient;
let diff: DiffResult;
let history: HistoryResult;

beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'cld-pages-zh-'));
    process.env.CLD_CACHE_DIR = cache;
    client = new LspTestClient();
    await client.initialize(null);
    diff = await client.request<DiffResult>('cld/diffLists', { new: { uri: pathToFileURL(join(repositoryRoot, 'examples', 'examplia', 'examplia-2025.cld')).toString() } });
    const series = join(repositoryRoot, 'examples', 'wa-series', 'wa-series-2019.cld');
    client.open(pathToFileURL(series).href, fs.readFileSync(series, 'utf8'));
    await client.waitForDiagnostics(pathToFileURL(series).href);
    history = await client.request<HistoryResult>('cld/entryHistory', { uri: pathToFileURL(series).href, code: '4.A.3.a' });
    l10n.config({ contents: bundle });
}, 30000);

afterAll(async () => {
    await client?.shutdown();
    delete process.env.CLD_CACHE_DIR;
    rmSync(cache, { recursive: true, force: true });
});

describe('with the zh-cn bundle', () => {
    test('the Compare Editions page: headings, summary, kinds and directions in Chinese', () => {
        const html = compareHtml('vscode-resource:', diff, 'n');
        for (const key of ['Category', 'Detail', 'Filter changes']) expect(html).toContain(bundle[key]);
        expect(html).toContain(`2 ${bundle.added}`);
        expect(html).toContain(`<span class="dir tightened">${bundle.tightened}</span>`);
        expect(html).not.toMatch(/<th>Category<\/th>|\d tightened/);
    });

    test('the Entry History page: headings and the summary in Chinese', () => {
        const html = historyHtml('vscode-resource:', history, 'n');
        for (const key of ['Versions', 'Changes', 'Text (changes from the version before)']) expect(html).toContain(bundle[key]);
        expect(html).toContain(bundle['{0}: WA precedent'].replace('{0}', '4.A.3.a'));
        expect(html).not.toMatch(/<h3>Versions<\/h3>|WA precedent/);
    });
});

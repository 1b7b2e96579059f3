import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DiffResult, compareHtml } from '../../client/src/compare-html.js';
import { LspTestClient } from './lsp-client.js';

// The Compare Editions view's page, made from what the real server answers to cld/diffLists.
const examples = path.resolve(__dirname, '../../examples/examplia');
let client: LspTestClient;
let result: DiffResult;

beforeAll(async () => {
    client = new LspTestClient();
    await client.initialize();
    result = await client.request<DiffResult>('cld/diffLists', { new: { uri: pathToFileURL(path.join(examples, 'examplia-2025.cld')).toString() } });
}, 30000);

afterAll(async () => {
    await client?.shutdown();
});

describe('the Compare Editions page', () => {
    test('a strict policy: only the nonce-tagged style and script, no inline style attributes', () => {
        const html = compareHtml('vscode-resource:', result, 'N0NCE');
        expect(html).toContain(`content="default-src 'none'; style-src vscode-resource: 'nonce-N0NCE'; script-src 'nonce-N0NCE';"`);
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html).toContain('<script nonce="N0NCE">');
        expect(html).not.toMatch(/ style="/);
    });

    test('one clickable row per change, the summary and the chart', () => {
        const html = compareHtml('vscode-resource:', result, 'n');
        expect(html.match(/<tr data-index=/g)).toHaveLength(result.diff.changes.length);
        expect(html).toContain('2 added, 1 removed, 1 renumbered, 3 reworded, 2 threshold, 1 tier (1 tightened, 1 relaxed)');
        expect(html).toContain('<span class="dir tightened">tightened</span>');
        expect(html.match(/class="bar"/g)!.length).toBe(Object.keys(result.diff.summary.byCategory).length);
    });

    test('text from the lists is escaped', () => {
        const hostile = structuredClone(result);
        hostile.diff.changes[0] = { kind: 'added', code: '<img src=x onerror=alert(1)>', category: '3', new: '"</td><script>alert(1)</script>' };
        const html = compareHtml('vscode-resource:', hostile, 'n');
        expect(html).not.toContain('<img src=x');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('&quot;&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    });
});

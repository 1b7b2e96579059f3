import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspTestClient, positionOf } from './lsp-client.js';

// The server speaks the client's display language (LSP's `locale`, VS Code's `vscode.env.language`):
// diagnostics, hovers and quick fixes in Simplified Chinese for zh-cn, English otherwise. A real
// server over stdio, on the diagnostics demonstration (every rule once).
const file = path.resolve(__dirname, '..', '..', 'examples', 'errors', 'diagnostics-demo.cld');
const text = fs.readFileSync(file, 'utf8');
const uri = pathToFileURL(file).toString();
const bundle = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const CHINESE = /[\u4e00-\u9fff]/;

async function session(locale: string | undefined): Promise<{ client: LspTestClient; diagnostics: Diagnostic[] }> {
    const client = new LspTestClient();
    await client.initialize(null, undefined, undefined, locale);
    client.open(uri, text);
    return { client, diagnostics: await client.waitForDiagnostics(uri, 30000) };
}

const shape = (d: Diagnostic) => ({ code: d.code, severity: d.severity, range: d.range });

describe('the server in the display language', () => {
    const sessions: Record<string, { client: LspTestClient; diagnostics: Diagnostic[] }> = {};

    beforeAll(async () => {
        const [english, chinese, upper, french] = await Promise.all([session(undefined), session('zh-cn'), session('zh-CN'), session('fr')]);
        Object.assign(sessions, { english, chinese, upper, french });
    }, 90000);
    afterAll(async () => { await Promise.all(Object.values(sessions).map(s => s.client.shutdown())); });

    test('English without a locale, and for a language CLD has no bundle for', () => {
        const { diagnostics } = sessions.english;
        expect(diagnostics.length).toBeGreaterThan(15);
        expect(diagnostics.filter(d => CHINESE.test(String(d.message)))).toEqual([]);
        expect(diagnostics.map(d => String(d.message))).toContain("Unknown unit 'furlongs'.");
        expect(sessions.french.diagnostics.map(d => String(d.message))).toEqual(diagnostics.map(d => String(d.message)));
    });

    test('zh-cn: every diagnostic in Chinese, the same findings at the same places', () => {
        const english = sessions.english.diagnostics;
        const chinese = sessions.chinese.diagnostics;
        expect(chinese.map(shape)).toEqual(english.map(shape));
        expect(chinese.filter(d => !CHINESE.test(String(d.message))).map(d => String(d.message))).toEqual([]);
        expect(chinese.map(d => String(d.message))).toContain(bundle["Unknown unit '{0}'."].replace('{0}', 'furlongs'));
        // zh-CN as some editors spell it is the same language.
        expect(sessions.upper.diagnostics.map(d => String(d.message))).toEqual(chinese.map(d => String(d.message)));
    });

    test('zh-cn: a hover\'s headings and a quick fix\'s title in Chinese', async () => {
        const { client, diagnostics } = sessions.chinese;
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'item a "Unit of the wrong', 5) });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain(bundle['Thresholds:']);
        expect(value).not.toContain('Thresholds:');
        const unit = diagnostics.find(d => d.code === 'unit-not-preferred')!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unit.range, context: { diagnostics: [unit] } });
        expect(actions.map(a => a.title)).toContain(bundle['Convert {0} to {1} {2}'].replace('{0}', '0.35 um').replace('{1}', '350').replace('{2}', 'nm'));
    });

    test('zh-cn: an import the editor asks for that cannot be done says why in Chinese', async () => {
        const missing = path.join(path.dirname(file), 'WA-LIST-21-1-no-such-folder');
        const result = await sessions.chinese.client.request<{ ok: boolean; message?: string }>('cld/importEdition', { source: missing, outDir: path.dirname(file) });
        expect(result).toEqual({ ok: false, message: `${missing}: ${bundle['no such file or folder']}` });
        const english = await sessions.english.client.request<{ ok: boolean; message?: string }>('cld/importEdition', { source: missing, outDir: path.dirname(file) });
        expect(english).toEqual({ ok: false, message: `${missing}: no such file or folder` });
    });

    test('zh-cn: a syntax error in Chinese', async () => {
        const { client } = sessions.chinese;
        const broken = pathToFileURL(path.join(path.dirname(file), 'broken.cld')).toString();
        client.open(broken, 'list "Broken"\ncategory 3 "Electronics" {\n    group B "Equipment" {\n        entry 3.B.1 "Text" { item a "x" } }\n    }\n}\n');
        const messages = (await client.waitForDiagnostics(broken)).map(d => String(d.message));
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.filter(m => !CHINESE.test(m))).toEqual([]);
    });
});

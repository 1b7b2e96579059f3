/**
 * The extension in Simplified Chinese: checked in a code-server whose display language is zh-cn
 * (code-server.ts, declareLanguagePack), on its own copy of the examples. The palette's titles
 * come from package.nls.zh-cn.json, the Conformance view's texts from the client's l10n bundle,
 * the Problems panel's and the hover's from the language server, told the language by the client.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sleep } from './code-server.js';
import type { UiCheck } from './ui-checks.js';

const bundle = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const nls = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
/** A message of the bundle in Chinese, with its placeholders filled. */
const zh = (key: string, ...args: string[]) => {
    const text = bundle[key];
    if (text === undefined) throw new Error(`no Chinese for "${key}" in l10n/bundle.l10n.zh-cn.json`);
    return text.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)]);
};

function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

export const ZH_CN_CHECKS: UiCheck[] = [
    {
        name: 'zh-cn: the Command Palette offers the CLD commands in Chinese',
        async run(workbench, context) {
            const title = nls['command.cld.newNationalList'];
            // The extension's commands join the palette once the extension host has read the manifests.
            let entries: string[] = [];
            for (let attempt = 0; attempt < 10 && !entries.some(e => e.includes(`CLD: ${title}`)); attempt++) {
                if (attempt > 0) await sleep(1000);
                entries = await workbench.paletteEntries('CLD');
            }
            assert(entries.some(e => e.includes(`CLD: ${title}`)), `the palette offers ${JSON.stringify(entries)} for "CLD"`);
            // No CLD command is left in English.
            const english = entries.filter(e => e.startsWith('CLD: ') && !/[\u4e00-\u9fff]/.test(e.split(',')[0]));
            assert(english.length === 0, `commands still in English: ${JSON.stringify(english)}`);
            // Left open for the screenshot.
            await workbench.page.keyboard.press('F1');
            await workbench.page.locator('.quick-input-widget input.input').fill('>CLD');
            await workbench.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
            await context.screenshot('zh-cn-palette');
            await workbench.page.keyboard.press('Escape');
        }
    },
    {
        name: 'zh-cn: the Problems panel shows the server\'s diagnostics in Chinese',
        async run(workbench, context) {
            await workbench.openFile('diagnostics-demo.cld');
            await workbench.page.keyboard.press('Control+Shift+M');
            const panel = workbench.page.locator('.markers-panel');
            const expected = [zh("Unknown dimension '{0}'. Known dimensions: {1}.", 'odour', '').split('。')[0], zh('Entry {0} is in category {1}, but its code says category {2}.', '4B003', '3', '4')];
            await panel.locator('.monaco-list-row', { hasText: expected[0] }).first().waitFor({ timeout: 60_000 });
            const text = await panel.innerText();
            for (const message of expected) assert(text.includes(message), `the Problems panel lacks "${message}": ${text.slice(0, 600)}`);
            assert(!text.includes("Unknown dimension 'odour'"), 'the Problems panel still shows the English message');
            await context.screenshot('zh-cn-problems');
        }
    },
    {
        name: 'zh-cn: a hover\'s headings are in Chinese',
        async run(workbench, context) {
            await workbench.runCommand('View: Hide Panel').catch(() => undefined);
            await workbench.openFile('diagnostics-demo.cld');
            const hover = await workbench.hoverWord('Unit of the wrong dimension', new RegExp(zh('Thresholds:')));
            const text = await hover.innerText();
            assert(text.includes('wavelength'), `the hover shows: ${text.slice(0, 300)}`);
            await context.screenshot('zh-cn-hover');
            await workbench.page.keyboard.press('Escape');
        }
    },
    {
        name: 'zh-cn: the Conformance view groups its findings in Chinese',
        async run(workbench, context) {
            const page = workbench.page;
            await workbench.openFile('examplia-2020.cld');
            await workbench.runCommand(`CLD: ${nls['command.cld.checkConformance']}`);
            const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: nls['view.cldConformance'] }) }).first();
            await view.locator('.monaco-list-row', { hasText: zh('Gaps: controls less than the WA') }).first().waitFor({ timeout: 30_000 });
            await view.locator('.monaco-list-row', { hasText: zh('WA items not covered') }).first().waitFor();
            await context.screenshot('zh-cn-conformance');
        }
    }
];

/**
 * What a user sees, checked in code-server with the VSIX installed, on a copy of the bundled
 * examples. Checks run in order on one page (each leaves the workbench as a user would).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Workbench } from './workbench.js';
import { sleep } from './code-server.js';

export interface CheckContext {
    screenshot(name: string): Promise<string>;
    /** `cld validate` on the error example, as counted by the CLI: the editor must agree. */
    cliCounts: { errors: number; warnings: number };
    /** The copy of examples/ the editor has open. */
    workspace: string;
    /** ../shared/data, where the WA editions are read in place (it may be absent). */
    corpus: string;
}

/** Thrown by a check that cannot run on this machine (the corpus is absent): reported as skipped with the reason. */
export class SkipCheck extends Error {}

export interface UiCheck {
    name: string;
    run(workbench: Workbench, context: CheckContext): Promise<void>;
}

function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

export const UI_CHECKS: UiCheck[] = [
    {
        name: 'the extension is installed from the VSIX and the workbench opens the examples',
        async run(workbench, context) {
            await workbench.waitUntilLoaded();
            const explorer = await workbench.page.locator('.explorer-folders-view').innerText();
            for (const folder of ['errors', 'examplia', 'wa-excerpt']) assert(explorer.includes(folder), `the explorer does not list ${folder}: ${explorer}`);
            await context.screenshot('workbench');
        }
    },
    {
        name: 'syntax highlighting colours keywords, strings, numbers and units differently',
        async run(workbench, context) {
            await workbench.openFile('wa-2021-excerpt.cld');
            // The grammar arrives with the extension host: poll until the tokens are coloured.
            let colours: Record<string, string> = {};
            for (let attempt = 0; attempt < 60; attempt++) {
                colours = await tokenColours(workbench);
                if (colours['category'] && colours['193'] && colours['category'] !== colours['193']) break;
                await sleep(500);
            }
            const keyword = colours['category'] ?? colours['entry'];
            const number = colours['193'];
            const quoted = Object.entries(colours).find(([text]) => text.startsWith('"Equipment'))?.[1];
            assert(keyword && number && quoted, `tokens not found in the editor: ${JSON.stringify(Object.keys(colours).slice(0, 30))}`);
            assert(new Set([keyword, number, quoted]).size === 3, `keyword ${keyword}, number ${number} and string ${quoted} should differ`);
            assert(new Set(Object.values(colours)).size >= 4, `only ${new Set(Object.values(colours)).size} colours in the editor`);
            await context.screenshot('highlighting');
        }
    },
    {
        name: 'the error example fills the Problems panel with the same diagnostics as `cld validate`',
        async run(workbench, context) {
            await workbench.openFile('diagnostics-demo.cld');
            await workbench.page.keyboard.press('Control+Shift+M');
            const panel = workbench.page.locator('.markers-panel');
            await panel.locator('.monaco-list-row', { hasText: 'odour' }).first().waitFor({ timeout: 60_000 });
            const { errors, warnings } = context.cliCounts;
            // The status bar counts every problem in the workspace; only the error example has any.
            const status = workbench.page.locator('#status\\.problems');
            let label = '';
            for (let attempt = 0; attempt < 30; attempt++) {
                label = (await status.getAttribute('aria-label')) ?? (await status.innerText());
                if (label.includes(`Errors: ${errors}`) && label.includes(`Warnings: ${warnings}`)) break;
                await sleep(1000);
            }
            assert(label.includes(`Errors: ${errors}`) && label.includes(`Warnings: ${warnings}`), `status bar says "${label}", the CLI ${errors} errors and ${warnings} warnings`);
            const text = await panel.innerText();
            for (const expected of ["Unknown dimension 'odour'", 'Entry 4B003 is in category 3']) assert(text.includes(expected), `Problems panel lacks "${expected}"`);
            await context.screenshot('problems');
        }
    },
    {
        name: 'a quick fix rewrites 0.35 um as 350 nm',
        async run(workbench, context) {
            await workbench.openFile('diagnostics-demo.cld');
            const line = lineNumberOf(context, 'errors/diagnostics-demo.cld', '0.35 um');
            await workbench.goToLine(line.number, line.text.indexOf('0.35 um') + 1);
            const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: '350 nm' }).first();
            // The quick fix menu lists the actions known when it opens: pressed before the server has
            // published the file's diagnostics, it stays empty. Open it again until the fix is there.
            for (let attempt = 1; ; attempt++) {
                await workbench.page.keyboard.press('Control+.');
                const shown = await fix.waitFor({ timeout: 5_000 }).then(() => true, () => false);
                if (shown) break;
                if (attempt === 4) throw new Error('no quick fix "350 nm" offered within 4 tries of 5 s');
                await workbench.page.keyboard.press('Escape');
            }
            await context.screenshot('quick-fix');
            await fix.click();
            for (let attempt = 0; attempt < 20 && !(await workbench.editorText()).includes('wavelength < 350 nm'); attempt++) await sleep(250);
            const text = await workbench.editorText();
            assert(text.includes('wavelength < 350 nm') && !text.includes('0.35 um'), 'the fix did not rewrite the threshold');
        }
    },
    {
        name: 'completion offers the dimensions after `parameter name:` as the user types',
        async run(workbench, context) {
            await workbench.openFile('diagnostics-demo.cld');
            await workbench.goToLine(lineNumberOf(context, 'errors/diagnostics-demo.cld', 'parameter wavelength').number, 1);
            await workbench.page.keyboard.press('End');
            await workbench.page.keyboard.press('Enter');
            // "angular-rate" is nowhere in the file, so only the language server can offer it
            // (VS Code's word completion would offer "length" from the line above).
            await workbench.page.keyboard.type('parameter bias: angular-r', { delay: 20 });
            const row = workbench.page.locator('.suggest-widget .monaco-list-row', { hasText: 'angular-rate' }).first();
            for (let attempt = 0; attempt < 10 && !(await row.isVisible()); attempt++) {
                await workbench.page.keyboard.press('Control+Space');
                await sleep(1000);
            }
            assert(await row.isVisible(), 'no completion "angular-rate" was offered');
            assert(await row.locator('.codicon-symbol-type-parameter').count() > 0, 'the completion is not the server\'s dimension item');
            await context.screenshot('completion');
            await workbench.page.keyboard.press('Enter');
            await sleep(300);
            assert((await workbench.editorText()).includes('parameter bias: angular-rate'), 'accepting the completion did not insert "angular-rate"');
        }
    },
    {
        name: 'hovering an entry code shows its text, tiers and thresholds',
        async run(workbench, context) {
            await workbench.openFile('examplia-2025.cld');
            await workbench.goToLine(lineNumberOf(context, 'examplia/examplia-2025.cld', 'entry 3B001').number, 1);
            const hover = await workbench.hoverWord('3B001', /3B001.*\(WA 3\.B\.1\)/s);
            const text = await hover.innerText();
            assert(/Equipment for the manufacturing of semiconductor devices/.test(text), `hover text: ${text}`);
            await context.screenshot('hover');
            await workbench.page.keyboard.press('Escape');
        }
    },
    {
        name: 'the command palette lists the CLD commands',
        async run(workbench) {
            const labels = (await workbench.paletteEntries('CLD:')).join('\n');
            for (const title of ['Check Conformance', 'Compare Two Files', 'Import WA Editions from Folder', 'Restart Language Server', 'Show Language Server Output', 'Show Entry History']) {
                assert(labels.includes(`CLD: ${title}`), `the palette lacks "CLD: ${title}": ${labels}`);
            }
        }
    },
    {
        name: 'Compare with Previous Edition shows the changes, and a click opens both editions at the item',
        async run(workbench, context) {
            await workbench.openFile('examplia-2025.cld');
            await workbench.runCommand('CLD: Compare with Previous Edition');
            const frame = await workbench.webviewFrame('EX-UCL-2024', 'tr[data-index]');
            const rows = frame.locator('tr[data-index]');
            const count = await rows.count();
            assert(count >= 3, `only ${count} change rows`);
            const table = await frame.locator('table').innerText();
            assert(/tightened|relaxed/.test(table), `no threshold direction in the table: ${table.slice(0, 400)}`);
            await context.screenshot('compare-view');
            const row = rows.filter({ hasText: /tightened|relaxed/ }).first();
            const code = (await row.locator('code').innerText()).trim();
            await row.click();
            const entry = code.split('.')[0];
            // The old edition opens on the left, the new on the right, both scrolled to the item.
            let groups = 0;
            let showing = 0;
            for (let attempt = 0; attempt < 40 && (groups < 2 || showing < 2); attempt++) {
                await sleep(250);
                groups = await workbench.page.locator('.editor-group-container').count();
                const visible = await workbench.page.locator('.editor-group-container .view-lines').allInnerTexts();
                showing = visible.filter(t => t.includes(entry)).length;
            }
            assert(groups >= 2, `expected the two editions side by side, found ${groups} editor group(s)`);
            assert(showing >= 2, `${entry} is not on screen in both editions`);
            const tabs = (await workbench.page.locator('.tabs-container .tab.active').allInnerTexts()).map(t => t.replace(/\s+/g, ''));
            assert(tabs.some(t => t.includes('examplia-2024.cld')) && tabs.some(t => t.includes('examplia-2025.cld')), `active tabs: ${tabs.join(', ')}`);
            await context.screenshot('compare-opened');
        }
    },
    {
        name: 'Import WA Editions from Folder… imports the edition picked in the file dialog and opens it',
        async run(workbench, context) {
            const edition = path.join(context.corpus, 'wassenaar', 'WA-LIST-21-1');
            if (!fs.existsSync(edition)) throw new SkipCheck(`the WA corpus is not at ${edition}`);
            await workbench.runCommand('CLD: Import WA Editions from Folder', { thenInput: 'Folder of WA editions' });
            await workbench.acceptFileDialog(edition, () => context.screenshot('import-dialog'));
            await workbench.pickQuickItem('Extension storage');
            // The result pops up as a notification with a button that opens the imported file.
            const notice = await workbench.notification('Imported 1 WA edition', 90_000);
            const message = await notice.innerText();
            assert(!/failed/.test(message), `the import reported a failure: ${message}`);
            await context.screenshot('import-done');
            await notice.locator('.monaco-button', { hasText: 'Open WA-LIST-21-1.cld' }).click();
            await workbench.page.locator('.tabs-container .tab.active', { hasText: 'WA-LIST-21-1.cld' }).waitFor({ timeout: 30_000 });
            let text = '';
            for (let attempt = 0; attempt < 20 && !text.includes('WA-LIST (21) 1'); attempt++) {
                text = await workbench.editorText();
                await sleep(250);
            }
            assert(text.includes('id "WA-LIST (21) 1"') && text.includes('numbering wassenaar'), `the opened file does not start as an imported edition: ${text.slice(0, 300)}`);
            await context.screenshot('import-opened');
        }
    },
    {
        name: 'the extension page shows the marketplace README and the contributed commands',
        async run(workbench, context) {
            await workbench.runCommand('Extensions: Show Installed Extensions');
            const entry = workbench.page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Control List Definition' }).first();
            await entry.waitFor({ timeout: 30_000 });
            await entry.click();
            const readme = await workbench.webviewFrame('Extension: CLD', 'h2#compare-editions');
            const headings = await readme.locator('h1, h2').allInnerTexts();
            for (const heading of ['Checks as you type', 'Quick fixes', 'Compare editions', 'Commands']) assert(headings.includes(heading), `README headings: ${headings.join(', ')}`);
            // VS Code shows a README's images only from https addresses (vsce rewrites relative
            // ones to the repository's); the page must still name every screenshot.
            assert(await readme.locator('img[alt]').count() >= 5, 'the README lost its screenshots');
            await context.screenshot('extension-page');
        }
    },
    {
        name: 'Check Conformance fills the Conformance view: a gap opens its item, an uncovered WA item is inserted as a skeleton, the report opens as Markdown',
        async run(workbench, context) {
            const page = workbench.page;
            // Room for the view: the Problems panel of the checks before goes.
            await workbench.runCommand('View: Hide Panel').catch(() => undefined);
            await workbench.openFile('examplia-2020.cld');
            await workbench.runCommand('CLD: Check Conformance');
            const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Conformance' }) }).first();
            const row = (text: string) => view.locator('.monaco-list-row', { hasText: text }).first();
            await row('Gaps: controls less than the WA').waitFor({ timeout: 30_000 });
            await row('WA items not covered').waitFor();
            const rows = await view.locator('.monaco-list-row').allInnerTexts();
            for (const expected of ['3A001.a.2', 'WA 3.A.1.a.3', 'WA 3.B.1']) assert(rows.some(r => r.includes(expected)), `the view shows ${rows.join(' | ')}`);
            // 3.B.1.a is inserted with 3.B.1, so only the topmost uncovered item is listed.
            assert(!rows.some(r => r.includes('WA 3.B.1.a')), `3.B.1.a listed on its own: ${rows.join(' | ')}`);
            await context.screenshot('conformance-view');
            // A gap opens its item.
            await row('3A001.a.2').click();
            await page.locator('.monaco-editor .view-line', { hasText: 'item 2 "Microwave power modules' }).first().waitFor();
            // "Insert a Skeleton Entry" on WA 3.A.1.a.3 writes it below 3A001.a, with its precedent.
            await row('WA 3.A.1.a.3').hover();
            await row('WA 3.A.1.a.3').locator('.action-label[aria-label="Insert a Skeleton Entry"]').click();
            let text = '';
            for (let i = 0; i < 40 && !text.includes('precedent 3.A.1.a.3'); i++) {
                text = await workbench.editorText();
                await sleep(250);
            }
            assert(text.includes('item 3 "Signal generators with a frequency switching time of less than 100 µs;" precedent 3.A.1.a.3'), `no skeleton in the list: ${text.slice(0, 1500)}`);
            // The view is checked again: 3.A.1.a.3 is covered now.
            for (let i = 0; i < 40 && (await view.locator('.monaco-list-row', { hasText: 'WA 3.A.1.a.3' }).count()) > 0; i++) await sleep(250);
            assert((await view.locator('.monaco-list-row', { hasText: 'WA 3.A.1.a.3' }).count()) === 0, 'WA 3.A.1.a.3 is still listed as not covered');
            await context.screenshot('conformance-skeleton');
            await workbench.runCommand('CLD: Open Conformance Report');
            const frame = await workbench.webviewFrame('Preview', 'h1');
            const report = await frame.locator('body').innerText();
            assert(/Conformance: EX-CONF-2020 against WA-SERIES \(19\) 1/.test(report), `the preview shows: ${report.slice(0, 300)}`);
            await context.screenshot('conformance-report');
            // One editor group again for the checks after this one.
            await workbench.runCommand('View: Single Column Editor Layout');
        }
    },
    {
        name: 'the WA precedent: the hover shows the history, its link opens Entry History with a chart, a click opens that edition at the item',
        async run(workbench, context) {
            // Focus back in a text editor: the check before leaves the extension page (a webview,
            // which keeps the keys) in front, so bring a list's tab forward with the mouse and click
            // into its text. Then one wide editor group, so the item's whole line is on screen.
            await workbench.page.locator('.tabs-container .tab', { hasText: '.cld' }).first().click();
            await workbench.page.locator('.editor-group-container .monaco-editor .view-lines >> visible=true').first().click();
            await workbench.runCommand('View: Single Column Editor Layout');
            await workbench.openFile('wa-series-2019.cld');
            await workbench.goToLine(lineNumberOf(context, 'wa-series/wa-series-2019.cld', 'item a `Digital computers having').number, 1);
            // The folder of the open edition is the precedent library; it is indexed on the first hover.
            const hover = await workbench.hoverWord('TeraFLOPS', /WA precedent.*4\.A\.3\.a: in force since 2012/s);
            const text = await hover.innerText();
            assert(/2019 app, relaxed, > 8 WT -> > 29 WT/.test(text), `hover history: ${text}`);
            await context.screenshot('history-hover');
            await hover.locator('a', { hasText: 'Show entry history' }).click();
            const frame = await workbench.webviewFrame('History of 4.A.3.a', 'svg line.step');
            await workbench.page.keyboard.press('Escape');
            await workbench.page.mouse.move(5, 5);
            const steps = await frame.locator('svg line.step').count();
            assert(steps === 3, `the chart has ${steps} steps, expected 3 (1.5, 8, 29 WT)`);
            assert((await frame.locator('tr[data-index]').count()) === 3, 'expected three versions');
            await context.screenshot('history-view');
            await frame.locator('tr[data-index="0"]').click();
            // The 2012 edition opens beside the view with the cursor on 4.A.3.a's line.
            const line = lineNumberOf(context, 'wa-series/wa-series-2012.cld', 'item a `Digital computers having').number;
            let opened = false;
            let seen = '';
            for (let attempt = 0; attempt < 40 && !opened; attempt++) {
                await sleep(250);
                const tabs = (await workbench.page.locator('.tabs-container .tab.active').allInnerTexts()).map(t => t.replace(/\s+/g, '')).join(' | ');
                const status = (await workbench.page.locator('#workbench\\.parts\\.statusbar').innerText().catch(e => String(e))).replace(/\s+/g, ' ');
                seen = `tabs: ${tabs}; status bar: ${status.slice(0, 200)}`;
                opened = tabs.includes('wa-series-2012.cld') && new RegExp(`\\bLn ${line}\\b`).test(status);
            }
            assert(opened, `clicking the 2012 version did not open wa-series-2012.cld at 4.A.3.a (line ${line}); ${seen}`);
            await context.screenshot('history-opened');
        }
    },
    {
        name: 'New National List from WA Edition… makes a national list from the open edition, saved where the user says, and opens it',
        async run(workbench, context) {
            const page = workbench.page;
            // Keys to the workbench again: the check before leaves a webview (Entry History) beside the lists.
            await workbench.runCommand('View: Single Column Editor Layout');
            // The edition is open since the history check: its tab, else quick open.
            const tab = page.locator('.tabs-container .tab', { hasText: 'wa-series-2019.cld' }).first();
            if (await tab.count() > 0) await tab.click();
            else await workbench.openFile('wa-series-2019.cld');
            await page.locator('.tabs-container .tab.active', { hasText: 'wa-series-2019.cld' }).waitFor();
            await workbench.runCommand('CLD: New National List from WA Edition', { thenInput: 'Numbering of the national list' });
            await workbench.pickQuickItem('ECCN');
            // The save dialog: a quick input holding the file's path; type it and accept.
            const widget = page.locator('.quick-input-widget');
            await widget.locator('.quick-input-title', { hasText: 'Save the national list as' }).waitFor({ timeout: 30_000 });
            const target = path.join(context.workspace, 'national-2020.cld');
            const input = widget.locator('input.input');
            for (let attempt = 0; attempt < 20 && !(await input.inputValue()).endsWith('.cld'); attempt++) await sleep(250);
            await input.fill(target);
            await sleep(500);
            await context.screenshot('new-list-dialog');
            await page.keyboard.press('Enter');
            await page.locator('.tabs-container .tab.active', { hasText: 'national-2020.cld' }).waitFor({ timeout: 30_000 });
            let text = '';
            for (let i = 0; i < 40 && !text.includes('precedent 3.B.1'); i++) {
                text = await workbench.editorText();
                await sleep(250);
            }
            assert(text.includes('implements wassenaar "WA-SERIES (19) 1"') && text.includes('entry 3B001 "Equipment for the manufacturing of semiconductor devices, as follows:" precedent 3.B.1'), `the new list: ${text.slice(0, 800)}`);
            assert(fs.readFileSync(target, 'utf8').includes('numbering eccn'), 'the list was not written to the file chosen');
            await context.screenshot('new-list');
        }
    },
    {
        name: 'Follow WA Edition… shows each change in the refactor preview to accept, and applies the ones accepted',
        async run(workbench, context) {
            const page = workbench.page;
            // A national list made from the 2017 edition of the series (cld new), in the workspace.
            const national = path.join(context.workspace, 'examplia-2017.cld');
            const made = spawnSync(process.execPath, [path.join(process.cwd(), 'bin', 'cld.cjs'), 'new', '--from', path.join(context.workspace, 'wa-series', 'wa-series-2017.cld'), '-o', national, '--id', 'EX-2017'], { encoding: 'utf-8' });
            assert(made.status === 0, `cld new: ${made.stderr}`);
            // Opened from the Explorer, where the new file shows (quick open's index may not have it yet).
            const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'examplia-2017.cld' }).first();
            await row.waitFor({ timeout: 30_000 });
            await row.click();
            await page.locator('.tabs-container .tab.active', { hasText: 'examplia-2017.cld' }).waitFor();
            await workbench.runCommand('CLD: Follow WA Edition', { thenInput: 'Follow from WA-SERIES (17) 1 to' });
            await workbench.pickQuickItem('WA-SERIES (19) 1');
            // Each change a row of the Refactor Preview, to be ticked (every change needs confirmation).
            const fileRow = page.locator('.monaco-list-row', { hasText: 'examplia-2017.cld' }).filter({ has: page.locator('.edit-checkbox') }).first();
            await page.locator('.monaco-list-row', { hasText: 'app > 29 WT' }).first().waitFor({ timeout: 30_000 });
            await context.screenshot('follow-preview');
            await fileRow.locator('.edit-checkbox').first().click();
            await page.locator('.monaco-button', { hasText: /^Apply$/ }).first().click();
            let text = '';
            for (let i = 0; i < 40 && !text.includes('app > 29 WT'); i++) {
                text = await workbench.editorText();
                await sleep(250);
            }
            assert(text.includes('app > 29 WT') && text.includes('implements wassenaar "WA-SERIES (19) 1"'), `the list after Apply: ${text.slice(0, 600)}`);
            await context.screenshot('follow-applied');
        }
    },
];

/** The colour of each distinct token text on the screen of the active editor. */
function tokenColours(workbench: Workbench): Promise<Record<string, string>> {
    return workbench.editor().locator('.view-lines').evaluate(lines => {
        const byText = new Map<string, string>();
        for (const span of lines.querySelectorAll('.view-line span span')) {
            const text = (span.textContent ?? '').trim();
            if (text && !byText.has(text)) byText.set(text, getComputedStyle(span).color);
        }
        return Object.fromEntries(byText);
    });
}

/** Where `needle` first appears in a file of the workspace (as saved, before the checks edit it). */
function lineNumberOf(context: CheckContext, file: string, needle: string): { number: number; text: string } {
    const lines = fs.readFileSync(path.join(context.workspace, file), 'utf-8').split('\n');
    const index = lines.findIndex(l => l.includes(needle));
    if (index < 0) throw new Error(`"${needle}" is not in ${file}`);
    return { number: index + 1, text: lines[index] };
}

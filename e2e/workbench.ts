/**
 * What a user does in the VS Code workbench, as page actions: open a file by quick open, run a
 * command from the palette, go to a line, hover a word. Selectors are VS Code's own DOM classes.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { sleep } from './code-server.js';

export class Workbench {
    constructor(readonly page: Page) {}

    async waitUntilLoaded(): Promise<void> {
        await this.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
        // The explorer lists the workspace once the file service answers.
        await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    }

    /** Opens a file of the workspace through quick open, as a user types its name. */
    async openFile(name: string): Promise<void> {
        await this.quickInput('Control+P', name);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
        await this.page.keyboard.press('Enter');
        await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
        await this.editor().locator('.view-lines .view-line').first().waitFor();
    }

    /** Runs a command by its palette title ("CLD: Compare with Previous Edition"). */
    async runCommand(title: string): Promise<void> {
        await this.quickInput('F1', title);
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await row.waitFor();
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /** The labels the command palette offers for a query. */
    async paletteEntries(query: string): Promise<string[]> {
        await this.quickInput('F1', query);
        await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
        await sleep(500);
        const labels = await this.page.locator('.quick-input-list .monaco-list-row').evaluateAll(rows => rows.map(r => r.getAttribute('aria-label') ?? r.textContent ?? ''));
        await this.page.keyboard.press('Escape');
        return labels;
    }

    async goToLine(line: number, column = 1): Promise<void> {
        await this.quickInput('Control+G', `${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /** The active editor (the focused editor group's). */
    editor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor').first();
    }

    async editorText(): Promise<string> {
        return (await this.editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    }

    /** Moves the mouse onto the first occurrence of `word` in the visible lines and returns the hover's text. */
    async hoverWord(word: string, expect: RegExp): Promise<Locator> {
        const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expect });
        // Language servers start lazily: retry the hover until the answer is there.
        for (let attempt = 0; attempt < 20; attempt++) {
            const box = await this.wordBox(word);
            if (!box) throw new Error(`"${word}" is not on the screen`);
            await this.page.mouse.move(box.x - 30, box.y - 30);
            await sleep(100);
            await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
            try {
                await hover.first().waitFor({ timeout: 2000 });
                return hover.first();
            } catch { /* not yet */ }
        }
        throw new Error(`no hover matching ${expect} appeared over "${word}"`);
    }

    private async wordBox(word: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
        return this.editor().locator('.view-lines').evaluate((lines, wanted) => {
            const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = (node.textContent ?? '').replace(/\u00a0/g, ' ');
                const at = text.indexOf(wanted);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + wanted.length);
                const r = range.getBoundingClientRect();
                return { x: r.x, y: r.y, width: r.width, height: r.height };
            }
            return undefined;
        }, word);
    }

    /** The frame of the webview whose tab is titled `title`, once it shows `selector`. */
    async webviewFrame(title: string, selector: string): Promise<Frame> {
        await this.page.locator('.tabs-container .tab', { hasText: title }).first().waitFor({ timeout: 60_000 });
        // A webview is an iframe holding another iframe (the content): look in every frame.
        for (let attempt = 0; attempt < 120; attempt++) {
            for (const frame of this.page.frames()) {
                if (await frame.locator(selector).count().catch(() => 0) > 0) return frame;
            }
            await sleep(500);
        }
        const seen = await Promise.all(this.page.frames().map(f => f.evaluate(() => `${document.title} ${[...document.querySelectorAll('h1, h2, img')].slice(0, 8).map(e => e.outerHTML.slice(0, 160)).join(' ')}`).catch(() => '?')));
        throw new Error(`the webview "${title}" did not show ${selector}; its frames hold:\n${seen.filter(Boolean).join('\n---\n')}`);
    }

    private async quickInput(key: string, text: string): Promise<void> {
        await this.page.keyboard.press(key);
        const input = this.page.locator('.quick-input-widget input.input');
        await input.waitFor();
        const prefix = key === 'F1' ? '>' : key === 'Control+G' ? ':' : '';
        await input.fill(prefix + text);
    }
}

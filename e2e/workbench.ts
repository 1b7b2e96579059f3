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

    /**
     * Runs a command by its palette title ("CLD: Compare with Previous Edition"). A command that
     * asks for input reuses the quick input widget: `thenInput` is the title to wait for.
     */
    async runCommand(title: string, options: { thenInput?: string } = {}): Promise<void> {
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        // Extensions' commands join the palette once the extension host has read the manifests;
        // a palette opened earlier keeps its list, so reopen it until the command is there.
        for (let attempt = 0; ; attempt++) {
            await this.quickInput('F1', title);
            try {
                await row.waitFor({ timeout: 5000 });
                break;
            } catch (error) {
                if (attempt === 5) throw error;
                await this.page.keyboard.press('Escape');
            }
        }
        await this.page.keyboard.press('Enter');
        if (options.thenInput) await this.page.locator('.quick-input-widget .quick-input-title', { hasText: options.thenInput }).waitFor({ timeout: 30_000 });
        else await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    /**
     * Answers an open dialog as a code-server user does: its file dialog is a quick input holding
     * a path; type the path, wait until the dialog has read that folder, and press its OK button.
     */
    async acceptFileDialog(target: string, beforeAccept?: () => Promise<unknown>): Promise<void> {
        const widget = this.page.locator('.quick-input-widget');
        const input = widget.locator('input.input');
        const wanted = target.endsWith('/') ? target : `${target}/`;
        // The dialog fills in its starting folder a moment after it opens, over anything typed
        // before: type once it has, and again until the path stays.
        for (let attempt = 0; attempt < 20 && !(await input.inputValue()).endsWith('/'); attempt++) await sleep(250);
        for (let attempt = 0; attempt < 10; attempt++) {
            await input.fill(wanted);
            // The dialog lists the folder's children once it has resolved the typed path.
            await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
            await sleep(500);
            if (await input.inputValue() === wanted) break;
        }
        const typed = await input.inputValue();
        if (typed !== wanted) throw new Error(`the file dialog shows "${typed}", not the typed "${wanted}"`);
        await beforeAccept?.();
        const title = await widget.locator('.quick-input-title').innerText();
        await widget.locator('.quick-input-action .monaco-button').first().click();
        // Done when the dialog is gone, or the widget has moved on to the command's next question.
        for (let attempt = 0; attempt < 120; attempt++) {
            if (!(await widget.isVisible()) || (await widget.locator('.quick-input-title').innerText()) !== title) return;
            await sleep(250);
        }
        throw new Error(`the file dialog "${title}" did not accept ${wanted}`);
    }

    /** The notification toast holding `text`, as it pops up at the bottom right. */
    async notification(text: string, timeout: number): Promise<Locator> {
        const toast = this.page.locator('.notification-toast', { hasText: text }).first();
        await toast.waitFor({ timeout });
        return toast;
    }

    /** Picks the item labelled `label` in the quick pick the extension has opened. */
    async pickQuickItem(label: string): Promise<void> {
        const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
        await row.waitFor({ timeout: 30_000 });
        await row.click();
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

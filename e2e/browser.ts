/**
 * Debian's Chromium driven by playwright-core (playwright's own browser download does not work
 * on these machines). Headless, loopback only, no background networking: the machine's closed
 * network would otherwise refuse Chromium's calls home at every start.
 */
import * as fs from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

export interface Browser {
    context: BrowserContext;
    page: Page;
    close(): Promise<void>;
}

export async function launchBrowser(executablePath: string, profileDir: string, beforeFirstPage?: (page: Page) => Promise<void>): Promise<Browser> {
    fs.mkdirSync(profileDir, { recursive: true });
    let context: BrowserContext;
    try {
        context = await chromium.launchPersistentContext(profileDir, {
            executablePath,
            args: CHROMIUM_ARGS,
            viewport: { width: 1400, height: 900 },
            timeout: 60_000
        });
    } catch (error) {
        throw new Error(`Chromium (${executablePath}) did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(30_000);
    if (beforeFirstPage) await beforeFirstPage(page);
    return {
        context,
        page,
        close: async () => { await context.close().catch(() => undefined); }
    };
}

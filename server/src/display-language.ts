import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

/**
 * The server speaks the client's display language: LSP's `initialize` carries it as `locale`
 * (VS Code sends `vscode.env.language`, such as `zh-cn`), and the translations are the
 * extension's own l10n bundle, the one `vscode.l10n` reads in the client, so one file holds the
 * client's and the server's messages. English needs no bundle: the messages in the code are it.
 */

/** Other names editors give the languages CLD has a bundle for. */
const ALIASES: Record<string, string> = { zh: 'zh-cn', 'zh-hans': 'zh-cn', 'zh-hans-cn': 'zh-cn', 'zh-sg': 'zh-cn' };

/** The bundle file for a locale, or undefined when CLD has none (then the messages stay English). */
export function bundleFor(locale: string | undefined, folder: string): string | undefined {
    const wanted = locale?.trim().toLowerCase().replace(/_/g, '-');
    if (!wanted || wanted === 'en' || wanted.startsWith('en-')) return undefined;
    const candidates = [wanted, ALIASES[wanted], wanted.split('-')[0], ALIASES[wanted.split('-')[0]]];
    for (const candidate of candidates) {
        if (!candidate || !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(candidate)) continue;
        const file = path.join(folder, `bundle.l10n.${candidate}.json`);
        if (fs.existsSync(file)) return file;
    }
    return undefined;
}

/**
 * Loads the bundle for `locale` from `folder` (the extension's l10n folder). Returns the language
 * used, 'en' when there is no bundle for it or it cannot be read (the reason is logged, and the
 * server goes on in English rather than not at all).
 */
export function useDisplayLanguage(locale: string | undefined, folder: string, log: (message: string) => void): string {
    const file = bundleFor(locale, folder);
    if (!file) return 'en';
    try {
        l10n.config({ contents: JSON.parse(fs.readFileSync(file, 'utf8')) as l10n.l10nJsonFormat });
        return path.basename(file).slice('bundle.l10n.'.length, -'.json'.length);
    } catch (error) {
        log(`The messages stay in English: ${file} could not be read (${error instanceof Error ? error.message : String(error)}).`);
        return 'en';
    }
}

/** The extension's l10n folder, beside out/ where the bundled server runs. */
export function l10nFolder(): string {
    return path.join(__dirname, '..', 'l10n');
}

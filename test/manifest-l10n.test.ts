import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

// The extension's manifest strings in English (package.nls.json, the default) and Simplified Chinese
// (package.nls.zh-cn.json, shown when VS Code's display language is zh-cn).
const root = path.resolve(__dirname, '..');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8')) as Record<string, string>;

test('every %key% of package.json has its English and Chinese string, and the bundles hold the same keys', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    const english = read('package.nls.json');
    const chinese = read('package.nls.zh-cn.json');
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter(key => !(key in english))).toEqual([]);
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    expect(Object.keys(english).filter(key => !used.includes(key))).toEqual([]);
    // Translated, not copied: every Chinese string holds Chinese characters.
    expect(Object.entries(chinese).filter(([, text]) => !/[\u4e00-\u9fff]/.test(text)).map(([key]) => key)).toEqual([]);
    // Every command's title is localized (a literal title would stay English in a Chinese UI).
    const commands = (JSON.parse(manifest) as { contributes: { commands: Array<{ title: string }> } }).contributes.commands;
    expect(commands.filter(c => !/^%.+%$/.test(c.title)).map(c => c.title)).toEqual([]);
});

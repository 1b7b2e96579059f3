import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

// The messages of the client (vscode.l10n.t) and of the language server and core (@vscode/l10n's
// l10n.t) are keyed by their English text; l10n/bundle.l10n.zh-cn.json holds their Simplified
// Chinese, read by VS Code for the client and by the server when the client's display language is
// zh-cn (server/src/display-language.ts). The keys are read from the sources with TypeScript's
// parser, so a message added without its translation, or a translation left for a message that is
// gone, fails here.
const root = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['client/src', 'server/src', 'language/src'];

interface Use { key: string; file: string; line: number }

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
        return entry.name.endsWith('.ts') ? [full] : [];
    });
}

/** Every `l10n.t(...)` and `vscode.l10n.t(...)` call: its key, or '' where the first argument is not a literal. */
function l10nCalls(): Use[] {
    const uses: Use[] = [];
    for (const file of SOURCE_DIRS.flatMap(dir => sourceFiles(path.join(root, dir)))) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
            if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't') {
                const target = node.expression.expression;
                const isL10n = (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
                if (isL10n) {
                    const first = node.arguments[0];
                    const key = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : '';
                    uses.push({ key, file: path.relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
                }
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    return uses;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const uses = l10nCalls();

test('every message is a literal key the bundle can hold', () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(uses.filter(u => u.key === '').map(u => `${u.file}:${u.line}`)).toEqual([]);
});

test('the Chinese bundle translates every message, and nothing else', () => {
    const keys = new Set(uses.map(u => u.key));
    expect([...keys].filter(key => !(key in bundle))).toEqual([]);
    expect(Object.keys(bundle).filter(key => !keys.has(key))).toEqual([]);
});

test('each translation keeps its message\'s placeholders and is Chinese, not copied English', () => {
    const entries = Object.entries(bundle);
    expect(entries.filter(([key, text]) => placeholders(key).join() !== placeholders(text).join()).map(([key]) => key)).toEqual([]);
    // A message of words (not a lone symbol such as "{0} ({1})") is written in Chinese characters.
    const wordy = entries.filter(([key]) => /[a-z]{3}/.test(key.replace(/\{\d+\}|`[^`]*`/g, '')));
    expect(wordy.filter(([, text]) => !/[\u4e00-\u9fff]/.test(text)).map(([key]) => key)).toEqual([]);
});

test('every diagnostic, quick fix and hover line is reported through l10n, not as a literal English string', () => {
    // The rules' acceptors, quick-fix titles and hover headings are where a drafter reads the server.
    const files = ['language/src/validation/structure-rules.ts', 'language/src/validation/semantic-rules.ts', 'language/src/validation/threshold-rules.ts',
        'language/src/conformance/conformance-diagnostics.ts', 'language/src/parser-guard.ts', 'language/src/document-validator.ts', 'server/src/code-actions.ts', 'server/src/unit-fixes.ts', 'server/src/adopt-wa-fix.ts', 'server/src/conformance-skeleton.ts'];
    const literal: string[] = [];
    for (const file of files) {
        const source = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
            if (ts.isCallExpression(node)) {
                const callee = node.expression.getText(source);
                // accept(severity, message, ...) and action(title, ...) take a message; { title: ... } a quick fix's title.
                const message = callee === 'accept' ? node.arguments[1] : callee === 'action' ? node.arguments[0] : undefined;
                if (message && (ts.isStringLiteral(message) || ts.isTemplateExpression(message) || ts.isNoSubstitutionTemplateLiteral(message))) literal.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
            }
            // { title: ... } of a quick fix, { message: ... } of a diagnostic made by hand.
            if (ts.isPropertyAssignment(node) && ['title', 'message'].includes(node.name.getText(source)) && (ts.isStringLiteral(node.initializer) || ts.isTemplateExpression(node.initializer))) {
                literal.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    expect(literal).toEqual([]);
});

import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repositoryRoot } from './run-cld.js';

/**
 * The CLI is split at its dynamic imports (esbuild.mjs): each command loads its own code, and a
 * diff or trend of editions whose flat models are cached loads the parser (Langium, the AST,
 * the core's services) only for a file it must parse. A static import that reaches the AST from
 * what diff and trend load first would load Langium on every run again, about an eighth of a warm diff;
 * nothing else would notice, so this reads the bundler's import graph.
 */
async function staticImportsOf(entry: string): Promise<Set<string>> {
    const result = await esbuild.build({
        absWorkingDir: repositoryRoot, entryPoints: ['cli/src/main.ts'], bundle: true, write: false, metafile: true, outdir: 'out/lazy-loading-test',
        format: 'esm', splitting: true, platform: 'node', target: 'node20', external: ['vscode', 'pdfjs-dist', 'exceljs', 'docx'], define: { __CLD_BUILD__: '"test"' }, logLevel: 'silent',
    });
    const inputs = result.metafile.inputs;
    const reached = new Set<string>();
    const visit = (file: string) => {
        if (reached.has(file)) return;
        reached.add(file);
        for (const imported of inputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    };
    visit(entry);
    return reached;
}

describe('what a command loads', () => {
    test('cld diff and cld trend load neither Langium nor the AST before a file must be parsed', async () => {
        const reached = await staticImportsOf('cli/src/diff-command.ts');
        expect(reached.has(path.posix.join('language', 'src', 'diff', 'diff.ts'))).toBe(true);
        expect([...reached].filter(file => file.startsWith('node_modules/langium/') || file.startsWith('node_modules/chevrotain') || file === 'language/src/generated/ast.ts')).toEqual([]);
    });

    test('starting the CLI loads no command', async () => {
        const reached = await staticImportsOf('cli/src/main.ts');
        expect([...reached].filter(file => !file.startsWith('node_modules/')).sort()).toEqual(['cli/src/main.ts', 'scripts/node20-compat.mjs']);
    });
});

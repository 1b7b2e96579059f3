// Bundles the extension client, the language server and the CLI into out/ (CommonJS, Node 20).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
// --production: what the VSIX ships (minified, no source maps).
const minify = process.argv.includes('--production') || process.argv.includes('--minify');

/** A hash of the sources and the locked dependencies: caches keyed by it (language/src/build-id.ts) are this build's alone. */
function buildId() {
    const hash = createHash('sha256');
    const add = folder => {
        for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const file = join(folder, entry.name);
            if (entry.isDirectory()) add(file);
            else if (/\.(?:ts|langium|json)$/.test(entry.name)) hash.update(file).update(readFileSync(file));
        }
    };
    for (const folder of ['language/src', 'server/src', 'cli/src']) add(folder);
    hash.update(readFileSync('package-lock.json'));
    return hash.digest('hex').slice(0, 16);
}

const options = {
    entryPoints: {
        extension: 'client/src/extension.ts',
        server: 'server/src/main.ts'
    },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // pdfjs-dist (the PDF reader of the importer) is an ES module that finds its worker and
    // fonts next to itself: it stays in node_modules and is loaded with a real dynamic import().
    external: ['vscode', 'pdfjs-dist'],
    supported: { 'dynamic-import': true },
    sourcemap: !minify,
    minify,
    loader: { '.ts': 'ts' },
    // Not in watch mode, where the sources change under one build: nothing is cached there.
    define: watch ? {} : { __CLD_BUILD__: JSON.stringify(buildId()) },
    logLevel: 'warning'
};

// The CLI runs where its dependencies are installed (npm ci): the libraries it loads only for
// some commands (exceljs for spreadsheets, docx for Word output) stay in node_modules, so that
// every command does not compile them at start-up (they were half of its bundle). The server,
// shipped in the VSIX without node_modules, keeps them bundled. The CLI is ES modules split at
// its dynamic imports (out/cli/main.mjs and chunks beside it): each command loads its own code,
// and a diff of cached editions neither Langium nor the importer (cli/src/main.ts). Bundled
// CommonJS libraries still call require() and read __dirname: each chunk defines them first.
const cliOptions = {
    ...options,
    entryPoints: { main: 'cli/src/main.ts' },
    outdir: 'out/cli',
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    external: [...options.external, 'exceljs', 'docx'],
    banner: { js: "import { createRequire as __cldRequire } from 'node:module'; import { dirname as __cldDirname } from 'node:path'; import { fileURLToPath as __cldPath } from 'node:url'; const require = __cldRequire(import.meta.url); const __filename = __cldPath(import.meta.url); const __dirname = __cldDirname(__filename);" }
};

// The end-to-end driver (out/e2e.cjs) and the extension tests VS Code loads
// (out/extension-tests/index.cjs, which runs suite.cjs with the repository's mocha).
const testOptions = {
    ...options,
    entryPoints: {
        'e2e': 'e2e/run.ts',
        'web': 'e2e/web.ts',
        'extension-tests/index': 'test/extension/index.ts',
        'extension-tests/suite': 'test/extension/extension.test.ts',
        'test-electron': 'test/extension/electron.ts'
    },
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
    sourcemap: true,
    minify: false
};

if (watch) {
    await Promise.all([esbuild.context(options), esbuild.context(cliOptions)].map(async context => (await context).watch()));
} else {
    await esbuild.build(options);
    // (The chunks' names change with their contents: those of earlier builds are removed first.)
    rmSync('out/cli', { recursive: true, force: true });
    await esbuild.build(cliOptions);
    if (!minify) await esbuild.build(testOptions);
}

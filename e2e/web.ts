/**
 * `npm run web`: the examples in a browser-based VS Code (code-server) with the extension
 * installed from a fresh VSIX, for people without a desktop VS Code. Serves on 127.0.0.1 only
 * (`npm run web -- --port=N`; default 8080, or a free port if 8080 is taken) until Ctrl+C; settings and installed
 * extensions persist in the cache folder between runs.
 */
import * as path from 'node:path';
import { freePort, installExtension, startCodeServer } from './code-server.js';
import { cacheDir, ensurePrerequisites, MissingPrerequisite } from './prerequisites.js';
import { packageExtension } from './package.js';

async function main(): Promise<void> {
    const portArgument = process.argv.find(a => a.startsWith('--port='))?.slice('--port='.length);
    const prerequisites = ensurePrerequisites(line => console.log(line), { browser: false });
    const vsix = process.env.CLD_E2E_VSIX ?? packageExtension(process.cwd(), line => console.log(line));
    const dirs = { root: process.env.CLD_WEB_DIR ?? path.join(cacheDir(), 'web') };
    installExtension(prerequisites, dirs, vsix);
    const server = await startCodeServer(prerequisites, dirs, portArgument ? Number(portArgument) : await freePort(8080));
    const folder = path.resolve('examples');
    console.log(`\nVS Code with the CLD extension: ${server.url}/?folder=${encodeURIComponent(folder)}`);
    console.log(`(log: ${server.logFile}; Ctrl+C stops the server)`);
    // Serves until Ctrl+C: code-server.ts then kills the server's process group and exits.
    await new Promise<never>(() => undefined);
}

main().catch(error => {
    console.error(error instanceof MissingPrerequisite ? `npm run web needs: ${error.message}` : `npm run web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});

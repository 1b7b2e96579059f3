#!/usr/bin/env node
// The `cld` command; the code is bundled into out/cli/ by `npm run build` (ES modules, split so
// that each command loads only its own code).
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
import(pathToFileURL(join(__dirname, '..', 'out', 'cli', 'main.mjs')).href).catch(error => {
    console.error(`cld: cannot start: ${error.message}\n(run npm run build first)`);
    process.exitCode = 2;
});

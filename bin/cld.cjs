#!/usr/bin/env node
// The `cld` command; the code is bundled into out/cli.cjs by `npm run build`.
require('../out/cli.cjs');

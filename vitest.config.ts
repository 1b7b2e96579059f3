import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // Mocha tests for a real VS Code (npm run test:e2e, test:electron), not for vitest.
        exclude: ['test/extension/**', 'node_modules/**'],
        setupFiles: ['./scripts/node20-compat.mjs'],
        globalSetup: ['./test/setup/reference-readers.ts'],
        testTimeout: 30000,
        hookTimeout: 60000,
        pool: 'forks',
        // global.gc, for the tests that check what an edit leaves alive (test/parser/edit-memory.test.ts).
        poolOptions: { forks: { execArgv: ['--expose-gc'] } }
    }
});

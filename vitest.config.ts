import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        setupFiles: ['./scripts/node20-compat.mjs'],
        testTimeout: 30000,
        hookTimeout: 60000,
        pool: 'forks'
    }
});

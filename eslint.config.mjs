// typescript-eslint's recommended rules over the project's TypeScript (generated code aside).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['out/**', 'node_modules/**', 'language/src/generated/**', '.cache/**', 'test-results/**', 'screenshots/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
    eslint.configs.recommended,
    ...tseslint.configs.recommended,
    // Parameters a framework passes and the code does not need are named with a leading underscore.
    { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] } },
);

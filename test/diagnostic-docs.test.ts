import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { SEMANTIC_DIAGNOSTIC_CODES } from '../language/src/validation/semantic-rules.js';
import { STRUCTURE_DIAGNOSTIC_CODES } from '../language/src/validation/structure-rules.js';
import { THRESHOLD_DIAGNOSTIC_CODES } from '../language/src/validation/threshold-rules.js';

test('docs/diagnostics.md lists every diagnostic code the rules can report', () => {
    const docs = fs.readFileSync(path.resolve(__dirname, '..', 'docs', 'diagnostics.md'), 'utf-8');
    for (const code of Object.keys({ ...STRUCTURE_DIAGNOSTIC_CODES, ...SEMANTIC_DIAGNOSTIC_CODES, ...THRESHOLD_DIAGNOSTIC_CODES })) {
        expect(docs, code).toContain(`\`${code}\``);
    }
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { CONFORMANCE_DIAGNOSTIC_CODES } from '../language/src/conformance/conformance-diagnostics.js';
import { withDiagnosticTables } from '../language/src/validation/diagnostic-tables.js';
import { SEMANTIC_DIAGNOSTIC_CODES } from '../language/src/validation/semantic-rules.js';
import { STRUCTURE_DIAGNOSTIC_CODES } from '../language/src/validation/structure-rules.js';
import { THRESHOLD_DIAGNOSTIC_CODES } from '../language/src/validation/threshold-rules.js';

test('docs/diagnostics.md holds the tables the rule files make (node scripts/diagnostic-codes.mjs writes them)', () => {
    const docs = fs.readFileSync(path.resolve(__dirname, '..', 'docs', 'diagnostics.md'), 'utf-8');
    const rules = { ...STRUCTURE_DIAGNOSTIC_CODES, ...SEMANTIC_DIAGNOSTIC_CODES, ...THRESHOLD_DIAGNOSTIC_CODES };
    expect(withDiagnosticTables(docs, { rules, conformance: CONFORMANCE_DIAGNOSTIC_CODES })).toBe(docs);
    for (const code of Object.keys({ ...rules, ...CONFORMANCE_DIAGNOSTIC_CODES })) expect(docs, code).toContain(`\`${code}\``);
});

import type { Finding } from './validate.js';

export function formatText(findings: Finding[]): string {
    return findings.map(f => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]`).join('\n');
}

export function formatJson(findings: Finding[]): string {
    return JSON.stringify(findings, null, 2);
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, the format code-scanning services read. */
export function formatSarif(findings: Finding[], version: string): string {
    const ruleIds = [...new Set(findings.map(f => f.code))].sort();
    return JSON.stringify({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'cld', version, informationUri: 'https://example.invalid/cld', rules: ruleIds.map(id => ({ id })) } },
            results: findings.map(f => ({
                ruleId: f.code,
                level: SARIF_LEVEL[f.severity],
                message: { text: f.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: f.file.split('\\').join('/') },
                        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
                    }
                }]
            }))
        }]
    }, null, 2);
}

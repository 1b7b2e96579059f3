import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { terminalSafe } from '../../language/src/text-safety.js';
import type { Finding } from './validate-command.js';

/** One line per finding, for a terminal: messages quote list text, whose control characters are shown, not acted on. */
export function formatText(findings: Finding[]): string {
    return terminalSafe(findings.map(f => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]`).join('\n'));
}

/** A SARIF artifact URI: a file: URL for an absolute path, else the relative path with each segment percent-encoded. */
export function sarifUri(file: string): string {
    if (isAbsolute(file)) return pathToFileURL(file).href;
    return file.split(/[\\/]/).map(encodeURIComponent).join('/');
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
                        artifactLocation: { uri: sarifUri(f.file) },
                        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }
                    }
                }]
            }))
        }]
    }, null, 2);
}

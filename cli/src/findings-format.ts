import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
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

/**
 * Each diagnostic code's meaning and where docs/diagnostics.md explains it, from the page's own
 * tables (the rules' tables there are generated from the rule files): for SARIF's rules, which
 * code-scanning tools show with each result.
 */
export function diagnosticDocs(): Map<string, { text: string; helpUri: string }> {
    const docs = new Map<string, { text: string; helpUri: string }>();
    // The CLI runs bundled (out/cli/, where __dirname is defined by esbuild.mjs's banner) or from
    // its sources (cli/src) in tests: docs/ is two folders up from either.
    const page = resolve(__dirname, '..', '..', 'docs', 'diagnostics.md');
    if (!existsSync(page)) return docs;
    const url = pathToFileURL(page).href;
    readFileSync(page, 'utf8').split('\n').forEach((line, index) => {
        const row = /^\| `([a-z-]+)` \| (.*) \|$/.exec(line);
        if (row && !docs.has(row[1])) docs.set(row[1], { text: row[2], helpUri: `${url}#L${index + 1}` });
    });
    return docs;
}

/** SARIF 2.1.0, the format code-scanning services read; each rule with its meaning and a link to it in docs/diagnostics.md. */
export function formatSarif(findings: Finding[], version: string): string {
    const ruleIds = [...new Set(findings.map(f => f.code))].sort();
    const docs = diagnosticDocs();
    const rule = (id: string) => {
        const doc = docs.get(id);
        return doc ? { id, shortDescription: { text: doc.text.replace(/`/g, '') }, fullDescription: { text: doc.text.replace(/`/g, '') }, helpUri: doc.helpUri, help: { text: doc.text.replace(/`/g, ''), markdown: doc.text } } : { id };
    };
    return JSON.stringify({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'cld', version, informationUri: 'https://example.invalid/cld', rules: ruleIds.map(rule) } },
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

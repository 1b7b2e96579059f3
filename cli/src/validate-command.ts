import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { decodeSource } from '../../language/src/documents.js';
import { FileError, readInputFile } from '../../language/src/files.js';
import { parseArgs } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { formatJson, formatSarif, formatText } from './findings-format.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One finding, with 1-based positions, as `cld validate --format json` prints it. */
export interface Finding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * All `.cld` files named by the arguments, folders searched recursively, in a stable order; a file
 * named twice (or found again through a folder) is checked once.
 */
export function collectCldFiles(args: string[]): { files: string[]; problems: Finding[] } {
    const files: string[] = [];
    const problems: Finding[] = [];
    const seen = new Set<string>();
    const add = (file: string) => {
        const key = path.resolve(file);
        if (!seen.has(key)) {
            seen.add(key);
            files.push(file);
        }
    };
    const walk = (p: string) => {
        for (const entry of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
            const child = path.join(p, entry.name);
            if (entry.isDirectory()) walk(child);
            else if (entry.isFile() && entry.name.endsWith('.cld')) add(child);
        }
    };
    for (const arg of args) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(arg);
        } catch {
            problems.push(ioProblem(arg, 'no such file or folder'));
            continue;
        }
        if (stat.isDirectory()) walk(arg);
        else if (stat.isFile()) add(arg);
        else problems.push(ioProblem(arg, 'not a regular file (a pipe, device or socket); name a .cld file'));
    }
    return { files, problems };
}

export function ioProblem(file: string, message: string, line = 1, column = 1): Finding {
    return { file, line, column, endLine: line, endColumn: column, severity: 'error', code: 'io', message };
}

/**
 * Parses, links and validates the files together (so cross-file checks such as `supersedes` and
 * precedent links see each other) with the same services the language server uses.
 */
export async function validateFiles(services: ReturnType<typeof createCldCoreServices>, files: string[]): Promise<{ findings: Finding[]; ioFailures: number }> {
    const findings: Finding[] = [];
    let ioFailures = 0;
    const documents: Array<[string, LangiumDocument]> = [];
    for (const file of files) {
        let bytes: Uint8Array;
        try {
            bytes = readInputFile(file);
        } catch (e) {
            if (!(e instanceof FileError)) throw e;
            findings.push(ioProblem(file, e.reason));
            ioFailures++;
            continue;
        }
        const source = decodeSource(bytes);
        if (!source.ok) {
            findings.push(ioProblem(file, source.message, source.line, source.column));
            ioFailures++;
            continue;
        }
        const uri = URI.file(path.resolve(file));
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(source.text, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.push([file, document]);
    }
    await services.shared.workspace.DocumentBuilder.build(documents.map(([, d]) => d), { validation: true });
    for (const [file, document] of documents) {
        const byPosition = [...(document.diagnostics ?? [])].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        for (const d of byPosition) {
            findings.push({
                file,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                severity: SEVERITIES[d.severity ?? 1] ?? 'error',
                // The core's document validator gives every diagnostic a code.
                code: String(d.code ?? 'syntax'),
                message: typeof d.message === 'string' ? d.message : d.message.value
            });
        }
    }
    return { findings, ioFailures };
}

/** `cld validate`: the findings of every file named, in the format asked for (`version` for SARIF). */
export async function validateCommand(args: string[], version: string): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
    } catch (e) {
        console.error(`cld validate: ${(e as Error).message}`);
        return 2;
    }
    if (parsed.values.help) {
        console.log('Usage: cld validate <files or folders...> [--format text|json|sarif]');
        return 0;
    }
    const format = parsed.values.format ?? 'text';
    if (!['text', 'json', 'sarif'].includes(format)) {
        console.error(`cld validate: unknown format '${format}' (use text, json or sarif)`);
        return 2;
    }
    if (parsed.positionals.length === 0) {
        console.error('cld validate: name at least one .cld file or folder');
        return 2;
    }
    const { files, problems } = collectCldFiles(parsed.positionals);
    if (files.length === 0 && problems.length === 0) {
        console.error(`cld validate: no .cld files in ${parsed.positionals.join(', ')}`);
        return 2;
    }
    const services = createCldCoreServices(NodeFileSystem);
    const { findings, ioFailures } = await validateFiles(services, files);
    const all = [...problems, ...findings];
    const output = format === 'json' ? formatJson(all) : format === 'sarif' ? formatSarif(all, version) : formatText(all);
    if (output) console.log(output);
    if (format === 'text') {
        const errors = all.filter(f => f.severity === 'error').length;
        const warnings = all.filter(f => f.severity === 'warning').length;
        console.error(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
    }
    if (problems.length > 0 || ioFailures > 0) return 2;
    return all.some(f => f.severity === 'error') ? 1 : 0;
}

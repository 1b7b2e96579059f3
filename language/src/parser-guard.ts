import * as l10n from '@vscode/l10n';
import { type AstNode, createLangiumParser, type LangiumCoreServices, type LangiumParser, type ParseResult } from 'langium';
import { MAX_SOURCE_BYTES } from './documents.js';

/**
 * How deep blocks may nest. The parser and every tree walk after it recurse once per level, and
 * about 200 levels overflow Node's stack; a WA list nests about 8 deep (category, group, entry,
 * five item levels), so 64 leaves room for any real list and a wide margin below the crash.
 */
export const MAX_NESTING = 64;

/**
 * The parser, refusing with one clear error instead of parsing: texts over the size limit (a
 * multi-megabyte paste must not freeze the editor) and texts whose blocks nest deeper than
 * MAX_NESTING (they would overflow the stack and crash the server). The CLI checks bytes before
 * reading; the editor only has the text, so this counts characters, close enough for a guard.
 */
export function createGuardedParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        const refusal = refuse(input);
        if (!refusal) return parse<T>(input, options);
        const empty = parse<T>('', options);
        return { ...empty, parserErrors: [], lexerErrors: [refusal] };
    };
    return parser;
}

interface Refusal { offset: number; line: number; column: number; length: number; message: string }

function refuse(input: string): Refusal | undefined {
    if (input.length > MAX_SOURCE_BYTES) {
        const size = (input.length / 1048576).toFixed(1);
        return { offset: 0, line: 1, column: 1, length: 1, message: l10n.t('This file is {0} MB; CLD checks files of at most {1} MB. Split the list into smaller files.', size, MAX_SOURCE_BYTES / 1048576) };
    }
    const deep = tooDeep(input);
    if (deep === undefined) return undefined;
    const before = input.slice(0, deep);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = deep - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { offset: deep, line, column, length: 1, message: l10n.t('Blocks nest more than {0} deep here; CLD checks lists nested at most {0} deep (a WA list nests about 8). Close the blocks above or move items up a level.', MAX_NESTING) };
}

/**
 * The offset of the first `{` that opens a block deeper than MAX_NESTING, skipping braces inside
 * texts, 'local terms' and comments (the same token forms as the grammar's terminals).
 */
export function tooDeep(input: string): number | undefined {
    // Cheap exit: fewer braces than the limit cannot nest past it.
    let braces = 0;
    for (let i = input.indexOf('{'); i >= 0 && braces <= MAX_NESTING; i = input.indexOf('{', i + 1)) braces++;
    if (braces <= MAX_NESTING) return undefined;
    const token = /"(?:\\.|[^"\\])*"|`[^`]*`|'[^'\r\n]*'|\/\*[\s\S]*?\*\/|\/\/[^\n\r]*|[{}]|[^"`'/{}]+|[\s\S]/y;
    let depth = 0;
    for (let m = token.exec(input); m !== null && token.lastIndex <= input.length; m = token.exec(input)) {
        if (m[0] === '{' && ++depth > MAX_NESTING) return m.index;
        if (m[0] === '}') depth = Math.max(0, depth - 1);
        if (token.lastIndex === input.length) break;
    }
    return undefined;
}

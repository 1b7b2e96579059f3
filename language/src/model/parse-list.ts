/**
 * A CLD text to the flat model, for the analyses that compare whole lists (diff, trend). They
 * need the parse only, not links or validation, so this is fast enough for 27 editions at once.
 */
import type { LangiumCoreServices } from 'langium';
import { type FlatList, flattenList } from './flat-items.js';
import type { ControlList } from '../generated/ast.js';

export interface SyntaxProblem {
    line: number;
    column: number;
    message: string;
}

export type ParsedList = { ok: true; list: FlatList } | { ok: false; problems: SyntaxProblem[] };

export function parseFlatList(services: LangiumCoreServices, text: string): ParsedList {
    const result = services.parser.LangiumParser.parse<ControlList>(text);
    const problems: SyntaxProblem[] = [
        ...result.lexerErrors.map(e => ({ line: e.line ?? 1, column: e.column ?? 1, message: e.message })),
        ...result.parserErrors.map(e => ({ ...errorPosition(e), message: e.message })),
    ];
    return problems.length > 0 ? { ok: false, problems } : { ok: true, list: flattenList(result.value) };
}


type ParserError = ReturnType<LangiumCoreServices['parser']['LangiumParser']['parse']>['parserErrors'][number];

/**
 * Where a parser error is: its token, or, for a token the parser's recovery inserted (positions
 * NaN or -1, as at the end of an empty file), just after the token before it, else 1:1.
 */
function errorPosition(error: ParserError): { line: number; column: number } {
    const valid = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n >= 1;
    if (valid(error.token.startLine) && valid(error.token.startColumn)) return { line: error.token.startLine, column: error.token.startColumn };
    const previous = (error as { previousToken?: { endLine?: number; endColumn?: number } }).previousToken;
    if (previous && valid(previous.endLine) && valid(previous.endColumn)) return { line: previous.endLine, column: previous.endColumn + 1 };
    return { line: 1, column: 1 };
}

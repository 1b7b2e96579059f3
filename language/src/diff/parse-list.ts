/**
 * A CLD text to the flat model, for the analyses that compare whole lists (diff, trend). They
 * need the parse only, not links or validation, so this is fast enough for 27 editions at once.
 */
import type { LangiumCoreServices } from 'langium';
import { type FlatList, flattenList } from '../export/flat-items.js';
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
        ...result.parserErrors.map(e => ({ line: Number.isFinite(e.token.startLine) ? e.token.startLine! : 1, column: Number.isFinite(e.token.startColumn) ? e.token.startColumn! : 1, message: e.message })),
    ];
    return problems.length > 0 ? { ok: false, problems } : { ok: true, list: flattenList(result.value) };
}

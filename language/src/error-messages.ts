import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexerErrorMessageProvider, LangiumParserErrorMessageProvider } from 'langium';

/** How a drafter would name each terminal in a message, instead of the grammar's token names. */
const TOKEN_DESCRIPTIONS: Record<string, string> = {
    STRING: 'text in quotes',
    CODE: 'an item code such as 3B001 or 3.B.1',
    ML_CODE: 'a munitions code such as ML8',
    NUMBER: 'a number',
    ID: 'a name',
    DATE: 'a date such as 2025-01-01',
    LOCAL_TERM: "a 'single-quoted' term",
    EOF: 'the end of the file'
};

function describeExpected(type: TokenType): string {
    return TOKEN_DESCRIPTIONS[type.name] ?? `'${type.name}'`;
}

function describeActual(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') return 'the end of the file';
    return `'${token.image.length > 40 ? token.image.slice(0, 40) + '…' : token.image}'`;
}

export class CldParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const found = describeActual(options.actual);
        if (options.expected.name === 'list') {
            const why = found === 'the end of the file' ? 'The file has no list header' : `Found ${found} where the list header belongs`;
            return `${why}: a CLD file starts with a header such as \`list "Name of the list"\`.`;
        }
        if (options.expected.name === 'EOF') {
            return `Unexpected ${found}: expected a parameter, category, definitions block or note at the top level.`;
        }
        return `Expected ${describeExpected(options.expected)} but found ${found}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Unexpected ${describeActual(options.firstRedundant)}: expected a parameter, category, definitions block or note at the top level.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = [...new Set(options.expectedPathsPerAlt.flatMap(alt => alt.map(path => describeExpected(path[0]))))];
        return `Expected ${listOf(expected)} but found ${describeActual(options.actual[0])}.`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = [...new Set(options.expectedIterationPaths.map(path => describeExpected(path[0])))];
        return `Expected at least one ${listOf(expected)} but found ${describeActual(options.actual[0])}.`;
    }
}

function listOf(items: string[]): string {
    if (items.length <= 1) return items[0] ?? 'something else';
    const shown = items.slice(0, 8);
    return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}${items.length > 8 ? ' (or others)' : ''}`;
}

export class CldLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, _line?: number, _column?: number): string {
        const ch = fullText.charAt(startOffset);
        if (ch === '"' || ch === '`') {
            return `Text opened with ${ch} is never closed: add the closing ${ch} (inside "double-quoted" text write \\" for a quote, or use \`backquotes\`).`;
        }
        if (ch === "'") return "A 'single-quoted' term must close on the same line.";
        return `Unexpected character '${fullText.substr(startOffset, Math.min(length, 20))}'.`;
    }
}

import * as l10n from '@vscode/l10n';
import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexerErrorMessageProvider, LangiumParserErrorMessageProvider } from 'langium';

/** How a drafter would name each terminal in a message, instead of the grammar's token names (in the display language, so asked for each message). */
function tokenDescription(name: string): string | undefined {
    switch (name) {
        case 'STRING': return l10n.t('text in quotes');
        case 'CODE': return l10n.t('an item code such as 3B001 or 3.B.1');
        case 'ML_CODE': return l10n.t('a munitions code such as ML8');
        case 'NUMBER': return l10n.t('a number');
        case 'ID': return l10n.t('a name');
        case 'DATE': return l10n.t('a date such as 2025-01-01');
        case 'LOCAL_TERM': return l10n.t("a 'single-quoted' term");
        case 'EOF': return endOfFile();
        default: return undefined;
    }
}

const endOfFile = () => l10n.t('the end of the file');

function describeExpected(type: TokenType): string {
    return tokenDescription(type.name) ?? `'${type.name}'`;
}

function describeActual(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') return endOfFile();
    return `'${token.image.length > 40 ? token.image.slice(0, 40) + '…' : token.image}'`;
}

export class CldParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const found = describeActual(options.actual);
        if (options.expected.name === 'list') {
            return found === endOfFile()
                ? l10n.t('The file has no list header: a CLD file starts with a header such as `list "Name of the list"`.')
                : l10n.t('Found {0} where the list header belongs: a CLD file starts with a header such as `list "Name of the list"`.', found);
        }
        if (options.expected.name === 'EOF') {
            return unexpectedAtTopLevel(found);
        }
        return l10n.t('Expected {0} but found {1}.', describeExpected(options.expected), found);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return unexpectedAtTopLevel(describeActual(options.firstRedundant));
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = [...new Set(options.expectedPathsPerAlt.flatMap(alt => alt.map(path => describeExpected(path[0]))))];
        return l10n.t('Expected {0} but found {1}.', listOf(expected), describeActual(options.actual[0]));
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = [...new Set(options.expectedIterationPaths.map(path => describeExpected(path[0])))];
        return l10n.t('Expected at least one {0} but found {1}.', listOf(expected), describeActual(options.actual[0]));
    }
}

function unexpectedAtTopLevel(found: string): string {
    return l10n.t('Unexpected {0}: expected a parameter, category, definitions block or note at the top level.', found);
}

function listOf(items: string[]): string {
    if (items.length <= 1) return items[0] ?? l10n.t('something else');
    const shown = items.slice(0, 8);
    return items.length > 8
        ? l10n.t('{0} or {1} (or others)', shown.slice(0, -1).join(l10n.t(', ')), shown[shown.length - 1])
        : l10n.t('{0} or {1}', shown.slice(0, -1).join(l10n.t(', ')), shown[shown.length - 1]);
}

export class CldLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, _line?: number, _column?: number): string {
        const ch = fullText.charAt(startOffset);
        if (ch === '"' || ch === '`') {
            return l10n.t('Text opened with {0} is never closed: add the closing {0} (inside "double-quoted" text write \\" for a quote, or use `backquotes`).', ch);
        }
        if (ch === "'") return l10n.t("A 'single-quoted' term must close on the same line.");
        return l10n.t("Unexpected character '{0}'.", fullText.substr(startOffset, Math.min(length, 20)));
    }
}

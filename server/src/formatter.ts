import type { LangiumDocument, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { formatCld, formatLineRange, splitLines } from '../../language/src/formatter/format.js';

/** Document and range formatting through the pure text formatter (language/src/formatter). */
export class CldFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        const text = document.textDocument.getText();
        const formatted = formatCld(text);
        if (formatted === text) return [];
        return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: formatted }];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        const text = document.textDocument.getText();
        const lines = splitLines(text);
        const { start, end } = params.range;
        return formatLineRange(text, start.line, end.line).flatMap((newText, i) => {
            const line = start.line + i;
            return newText === lines[line] ? [] : [{ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, newText }];
        });
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return [];
    }

    get formatOnTypeOptions(): undefined {
        return undefined;
    }
}

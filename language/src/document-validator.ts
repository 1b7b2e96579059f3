import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver-protocol';

/**
 * Every diagnostic carries a code, whoever reports it: Langium's own lexing, parsing and linking
 * diagnostics keep theirs in `data.code` only, so the editor showed none where the CLI printed
 * `linking-error`. Setting it here gives the editor, the CLI and CI the same codes.
 */
export class CldDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            if (diagnostic.code === undefined) diagnostic.code = codeFromData(diagnostic.data) ?? 'syntax';
        }
        return diagnostics;
    }
}

function codeFromData(data: unknown): string | undefined {
    const code = (data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
}

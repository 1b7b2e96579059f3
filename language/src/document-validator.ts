import { type AstNode, DefaultDocumentValidator, isOperationCancelled, type ValidationCheck, type LangiumDocument, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver-protocol';
import { forEachAstNodeInterruptibly } from './ast-walk.js';

/** The code of the diagnostic that says a check could not run: the file's findings are incomplete. */
export const INCOMPLETE_CHECK = 'check-failed';

/**
 * Langium's document validator, with two changes:
 *
 * - Every diagnostic carries a code, whoever reports it: Langium's own lexing, parsing and linking
 *   diagnostics keep theirs in `data.code` only, so the editor showed none where the CLI printed
 *   `linking-error`. Setting it here gives the editor, the CLI and CI the same codes.
 * - It fails closed. Langium collects the rules' findings with `push(...all)`, which overflows the
 *   stack above about 125,000 findings, and then logs the error and returns what it had: none of
 *   the rules' findings, so a broken file passed with "0 errors". Here findings are copied one by
 *   one, and anything that stops the checks becomes an error on the file that says so.
 */
export class CldDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        let diagnostics: Diagnostic[];
        try {
            diagnostics = await this.validateAll(document, options, cancelToken);
        } catch (err) {
            if (isOperationCancelled(err)) throw err;
            diagnostics = [incompleteCheck(err)];
        }
        for (const diagnostic of diagnostics) {
            if (diagnostic.code === undefined) diagnostic.code = codeFromData(diagnostic.data) ?? 'syntax';
        }
        return diagnostics;
    }

    /** The built-in checks, then the rules; unlike the base class, nothing here catches. */
    private async validateAll(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const parseResult = document.parseResult;
        const diagnostics: Diagnostic[] = [];
        if (!options.categories || options.categories.includes('built-in')) {
            this.processLexingErrors(parseResult, diagnostics, options);
            this.processParsingErrors(parseResult, diagnostics, options);
            this.processLinkingErrors(document, diagnostics, options);
        }
        try {
            for (const diagnostic of await this.validateAst(parseResult.value, options, cancelToken)) diagnostics.push(diagnostic);
        } catch (err) {
            if (isOperationCancelled(err)) throw err;
            diagnostics.push(incompleteCheck(err));
        }
        return diagnostics;
    }

    /** Like the base class, but collects without spreading, and a rule that throws is reported with a code. */
    override async validateAst(rootNode: Parameters<DefaultDocumentValidator['validateAst']>[0], options: ValidationOptions, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => {
            const diagnostic = this.toDiagnostic(severity, message, info);
            if (message.startsWith('An error occurred during validation')) diagnostic.code = INCOMPLETE_CHECK;
            items.push(diagnostic);
        };
        await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
        await this.validateAstNodes(rootNode, options, acceptor, cancelToken);
        await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
        return items;
    }

    /**
     * Each node's checks, without Langium's streams over the tree and over each node's checks
     * (ast-walk.ts), and without a promise for each check that runs synchronously (see
     * CldValidationRegistry): most of a full WA edition's validation beyond the checks themselves.
     */
    override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        await forEachAstNodeInterruptibly(rootNode, cancelToken, node => {
            let checks = checksOf.get(node.$type);
            if (!checks) checksOf.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            // In order; once a check is async, the ones after it wait for it.
            let pending: Promise<void> | undefined;
            for (const check of checks) {
                if (pending) pending = pending.then(() => check(node, acceptor, cancelToken));
                else {
                    const result = check(node, acceptor, cancelToken);
                    if (result) pending = Promise.resolve(result);
                }
            }
            return pending;
        });
    }
}

function incompleteCheck(err: unknown): Diagnostic {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return {
        severity: 1,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        code: INCOMPLETE_CHECK,
        source: 'cld',
        message: `CLD could not finish checking this file (${reason}); the findings shown are incomplete. Please report it with the file.`,
    };
}

function codeFromData(data: unknown): string | undefined {
    const code = (data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
}

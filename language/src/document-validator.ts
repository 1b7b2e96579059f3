import * as l10n from '@vscode/l10n';
import { type AstNode, DefaultDocumentValidator, isOperationCancelled, type ValidationCheck, type LangiumDocument, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver-protocol';
import { SKIP_CHILDREN, forEachAstNodeInterruptibly } from './ast-walk.js';
import { isBlock } from './blocks.js';
import { isItem, isPrecedent } from './generated/ast.js';
import { citesAnotherEntry } from './term-lookup.js';

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
     *
     * A block (an entry, or an item directly in a category) that an edit kept (incremental-parse.ts)
     * is not checked again: what its checks reported last time is reported again, through the same
     * acceptor, so that positions are worked out from where its nodes are now. Its checks can only
     * see the block itself, the nodes above it and the list's parameters and definitions, none of
     * which an edit in another block changes (an edit anywhere else makes a new tree); the items of
     * a munitions category share the category's 'local terms', so theirs are kept only while the
     * category is (an edit in one of them copies it). A block holding a `precedent` is always
     * checked: that check reads other documents; so is one whose text says a term is specified by
     * another entry ("'syntactic foam' specified by 8.C.1."), where the term is looked up.
     */
    override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        const runChecks = (node: AstNode, accept: ValidationAcceptor): Promise<void> | undefined => {
            let checks = checksOf.get(node.$type);
            if (!checks) checksOf.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            // In order; once a check is async, the ones after it wait for it.
            let pending: Promise<void> | undefined;
            for (const check of checks) {
                if (pending) pending = pending.then(() => check(node, accept, cancelToken));
                else {
                    const result = check(node, accept, cancelToken);
                    if (result) pending = Promise.resolve(result);
                }
            }
            return pending;
        };
        const findings = this.findingsFor(options);
        const checkBlock = async (block: AstNode): Promise<typeof SKIP_CHILDREN> => {
            const reported: Array<Parameters<ValidationAcceptor>> = [];
            let readsOthers = false;
            const record: ValidationAcceptor = (...args) => { reported.push(args); acceptor(...args); };
            await forEachAstNodeInterruptibly(block, cancelToken, node => {
                if (isPrecedent(node) || citesAnotherEntry(node)) readsOthers = true;
                return runChecks(node, record);
            });
            if (!readsOthers) findings.set(block, { reported, container: block.$container && new WeakRef(block.$container) });
            return SKIP_CHILDREN;
        };
        await forEachAstNodeInterruptibly(rootNode, cancelToken, node => {
            if (!isBlock(node)) return runChecks(node, acceptor);
            const known = findings.get(node);
            if (!known || (isItem(node) && known.container?.deref() !== node.$container)) return checkBlock(node);
            for (const args of known.reported) acceptor(...args);
            return SKIP_CHILDREN;
        });
    }

    /** What each block's checks reported, by the categories of checks run (the editor runs the fast ones as you type). */
    private readonly findingsByCategories = new Map<string, WeakMap<AstNode, BlockFindings>>();

    private findingsFor(options: ValidationOptions): WeakMap<AstNode, BlockFindings> {
        const key = options.categories?.join(',') ?? '*';
        let findings = this.findingsByCategories.get(key);
        if (!findings) this.findingsByCategories.set(key, findings = new WeakMap());
        return findings;
    }
}

/**
 * What a block's checks reported (the acceptor's arguments), and what held the block then. Held
 * weakly: an edit elsewhere replaces the containers above an unchanged block (incremental-parse.ts),
 * and a strong reference kept each replaced container, with the whole tree above and the blocks
 * it held then, alive as long as the block: a tree's worth of memory per few keystrokes.
 */
interface BlockFindings {
    reported: Array<Parameters<ValidationAcceptor>>;
    container: WeakRef<AstNode> | undefined;
}

function incompleteCheck(err: unknown): Diagnostic {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return {
        severity: 1,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        code: INCOMPLETE_CHECK,
        source: 'cld',
        message: l10n.t('CLD could not finish checking this file ({0}); the findings shown are incomplete. Please report it with the file.', reason),
    };
}

function codeFromData(data: unknown): string | undefined {
    const code = (data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
}

import { type AstNode, type ValidationAcceptor, type ValidationCheck, ValidationRegistry } from 'langium';

/**
 * Langium's registry wraps every check in an async function, so each check of each node cost a
 * promise and a turn of the microtask queue even when it ran synchronously: on a full WA edition
 * (about 40,000 nodes) that was a good part of each validation. Here a check that returns nothing
 * costs nothing more; a check that throws, or whose promise rejects, is reported as Langium does.
 */
export class CldValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept: ValidationAcceptor, cancelToken) => {
            let result: ReturnType<ValidationCheck>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (err) {
                return this.report(err, accept, node);
            }
            if (isPromiseLike(result)) return Promise.resolve(result).catch(err => this.report(err, accept, node));
            return undefined;
        };
    }

    private report(err: unknown, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        return this.handleException(() => { throw err; }, 'An error occurred during validation', accept, node);
    }
}

function isPromiseLike(value: unknown): value is PromiseLike<void> {
    return typeof (value as PromiseLike<void> | undefined)?.then === 'function';
}

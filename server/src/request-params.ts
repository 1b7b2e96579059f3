/**
 * Checking the parameters of CLD's custom requests: a client that sends none, or the wrong shape,
 * gets an InvalidParams error that says what is missing, not "Cannot read properties of undefined".
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

type Shape = Record<string, 'string' | 'string?' | 'source' | 'source?'>;

/** Throws a ResponseError(InvalidParams) unless `params` has the fields `shape` names. */
export function checkParams(method: string, params: unknown, shape: Shape): void {
    if (typeof params !== 'object' || params === null) throw invalid(method, `expects an object with ${Object.keys(shape).join(', ')}`);
    const record = params as Record<string, unknown>;
    for (const [field, kind] of Object.entries(shape)) {
        const value = record[field];
        const optional = kind.endsWith('?');
        if (value === undefined && optional) continue;
        if (kind.startsWith('string') && typeof value !== 'string') throw invalid(method, `needs '${field}' as a string`);
        if (kind.startsWith('source')) {
            const source = value as Record<string, unknown> | undefined;
            if (typeof source !== 'object' || source === null || typeof source.uri !== 'string') throw invalid(method, `needs '${field}' as { uri: string, text?: string }`);
            if (source.text !== undefined && typeof source.text !== 'string') throw invalid(method, `needs '${field}.text' as a string`);
        }
    }
}

function invalid(method: string, message: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, `${method} ${message}`);
}

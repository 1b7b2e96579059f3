import type { ValidationChecks } from 'langium';
import type { CldAstType } from '../generated/ast.js';
import type { CldCoreServices } from '../cld-module.js';

/** Registers every CLD validation rule; see ./rules for the rules and their diagnostic codes. */
export function registerValidationChecks(services: CldCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const checks: ValidationChecks<CldAstType> = {};
    registry.register(checks);
}

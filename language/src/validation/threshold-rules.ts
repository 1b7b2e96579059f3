import type { ValidationChecks } from 'langium';
import type { CldAstType } from '../generated/ast.js';
import type { CldCoreServices } from '../cld-module.js';

/** Threshold and unit rules (dimension fit, empty, negative, contradictory). */
export function thresholdChecks(_services: CldCoreServices): ValidationChecks<CldAstType> {
    return {};
}

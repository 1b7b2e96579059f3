import type { CldCoreServices } from '../cld-module.js';
import { thresholdChecks } from './threshold-rules.js';

/** Registers every CLD validation rule; see the rule files beside this one for the diagnostic codes. */
export function registerValidationChecks(services: CldCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    registry.register(thresholdChecks(services));
}

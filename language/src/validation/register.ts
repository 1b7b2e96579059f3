import type { CldCoreServices } from '../cld-module.js';
import { semanticChecks } from './semantic-rules.js';
import { structureChecks } from './structure-rules.js';
import { thresholdChecks } from './threshold-rules.js';

/** Registers every CLD validation rule; the rule files beside this one list their diagnostic codes. */
export function registerValidationChecks(services: CldCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    registry.register(structureChecks());
    registry.register(semanticChecks(services));
    registry.register(thresholdChecks(services));
}

import { DefaultScopeProvider, EMPTY_SCOPE, type ReferenceInfo, type Scope } from 'langium';

/**
 * Cross-references (`see 3.A.1.a`, parameters in thresholds) resolve inside their own list only:
 * two editions of a list in one workspace name the same codes, and a `see` must never jump into
 * the other edition. Precedent links to WA editions are resolved by the precedent index instead.
 */
export class CldScopeProvider extends DefaultScopeProvider {
    protected override getGlobalScope(_referenceType: string, _context: ReferenceInfo): Scope {
        return EMPTY_SCOPE;
    }
}

import { AstUtils, DefaultScopeProvider, DocumentCache, EMPTY_SCOPE, type LangiumCoreServices, MapScope, type ReferenceInfo, type Scope } from 'langium';

/**
 * Cross-references (`see 3.A.1.a`, parameters in thresholds) resolve inside their own list only:
 * two editions of a list in one workspace name the same codes, and a `see` must never jump into
 * the other edition. Precedent links to WA editions are resolved by the validator instead.
 *
 * All local symbols sit on the list's root (CldScopeComputation), so one hash map per document
 * and reference type answers every lookup; Langium's default scans a stream per reference, which
 * is quadratic on a full WA edition.
 */
export class CldScopeProvider extends DefaultScopeProvider {
    private readonly localScopes: DocumentCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.localScopes = new DocumentCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const root = document.parseResult.value;
        const symbols = document.localSymbols;
        if (!symbols?.has(root)) return EMPTY_SCOPE;
        return this.localScopes.get(document.uri, referenceType, () =>
            new MapScope(symbols.getStream(root).filter(d => this.reflection.isSubtype(d.type, referenceType))));
    }

    protected override getGlobalScope(_referenceType: string, _context: ReferenceInfo): Scope {
        return EMPTY_SCOPE;
    }
}

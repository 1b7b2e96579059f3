import { type DeepPartial, type DefaultSharedCoreModuleContext, EmptyFileSystem, inject, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, createDefaultCoreModule, createDefaultSharedCoreModule } from 'langium';
import { CldDocumentValidator } from './document-validator.js';
import { CldLexerErrorMessageProvider, CldParserErrorMessageProvider } from './error-messages.js';
import { CldGeneratedModule, CldGeneratedSharedModule } from './generated/module.js';
import { CldLinker } from './linker.js';
import { CldLookaheadStrategy } from './lookahead.js';
import { CldNameProvider } from './name-provider.js';
import { createGuardedParser } from './parser-guard.js';
import { CldScopeComputation } from './scope-computation.js';
import { CldScopeProvider } from './scope-provider.js';
import { CldSharedModule } from './service-registry.js';
import { CldValueConverter } from './value-converter.js';
import { CldValidationRegistry } from './validation-registry.js';
import { CldReferenceDescriptionProvider } from './reference-descriptions.js';
import { registerValidationChecks } from './validation/register.js';

/** Services CLD adds to Langium's; empty for now, the place for the precedent index and the like. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type CldAddedServices = {};

export type CldCoreServices = LangiumCoreServices & CldAddedServices;

/**
 * The language's own services, shared by the language server (server/) and the CLI (cli/), so
 * that both parse, link and validate in exactly one way.
 */
export const CldCoreModule: Module<CldCoreServices, DeepPartial<LangiumCoreServices> & CldAddedServices> = {
    parser: {
        // One token of lookahead, two before a unit (lookahead.ts).
        ParserConfig: () => ({ lookaheadStrategy: new CldLookaheadStrategy() }),
        ValueConverter: () => new CldValueConverter(),
        ParserErrorMessageProvider: () => new CldParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new CldLexerErrorMessageProvider(),
        LangiumParser: services => createGuardedParser(services)
    },
    references: {
        ScopeComputation: services => new CldScopeComputation(services),
        ScopeProvider: services => new CldScopeProvider(services),
        Linker: services => new CldLinker(services),
        NameProvider: () => new CldNameProvider()
    },
    workspace: {
        ReferenceDescriptionProvider: services => new CldReferenceDescriptionProvider(services)
    },
    validation: {
        ValidationRegistry: services => new CldValidationRegistry(services),
        DocumentValidator: services => new CldDocumentValidator(services)
    }
};

/** Core (no LSP) services, for the CLI and for tests of the pure core. */
export function createCldCoreServices(context: DefaultSharedCoreModuleContext = EmptyFileSystem): {
    shared: LangiumSharedCoreServices;
    Cld: CldCoreServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), CldGeneratedSharedModule, CldSharedModule);
    const Cld = inject(createDefaultCoreModule({ shared }), CldGeneratedModule, CldCoreModule);
    shared.ServiceRegistry.register(Cld);
    registerValidationChecks(Cld);
    return { shared, Cld };
}

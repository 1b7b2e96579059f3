import { type DeepPartial, type DefaultSharedCoreModuleContext, EmptyFileSystem, inject, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, createDefaultCoreModule, createDefaultSharedCoreModule } from 'langium';
import { CldDocumentValidator } from './document-validator.js';
import { CldLexerErrorMessageProvider, CldParserErrorMessageProvider } from './error-messages.js';
import { CldGeneratedModule, CldGeneratedSharedModule } from './generated/module.js';
import { CldLinker } from './linker.js';
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
        // Chevrotain's LL(1) lookahead, built when the parser is, instead of Langium's default
        // LL(*), which learns its lookahead while it parses: the grammar needs one token
        // everywhere (a rule that needed more would fail to build, and the tests with it), the
        // trees are the same (every WA edition, the examples, 600 mutated lists compared), and a
        // first parse, as every CLI command does, costs about 15 ms less (bench/parse-ratio.mjs).
        ParserConfig: () => ({ maxLookahead: 1 }),
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

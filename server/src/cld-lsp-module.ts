import { type DeepPartial, inject, type Module } from 'langium';
import { type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { CldCoreModule, type CldAddedServices } from '../../language/src/cld-module.js';
import { CldGeneratedModule, CldGeneratedSharedModule } from '../../language/src/generated/module.js';
import { CldSharedModule } from '../../language/src/service-registry.js';
import { VersionedDocumentFactory } from './document-versions.js';
import { CldCodeActionProvider } from './code-actions.js';
import { CldCompletionProvider } from './completion.js';
import { CldFoldingRangeProvider } from './folding.js';
import { createCldCompletionParser } from './completion-window.js';
import { CldDocumentSymbolProvider } from './document-symbols.js';
import { CldDocumentUpdateHandler } from './document-update-handler.js';
import { CldFormatter } from './formatter.js';
import { CldHoverProvider } from './hover.js';
import { LargeFiles } from './large-files.js';
import { CldPrecedents } from './precedents.js';
import { CldConformance } from './conformance-source.js';
import { CldRenameProvider } from './rename.js';
import { CldSemanticTokenProvider } from './semantic-tokens.js';
import { CldDefinitionProvider, CldReferencesProvider } from './term-navigation.js';
import { registerValidationChecks } from '../../language/src/validation/register.js';

/**
 * What the editor adds to the core: the WA editions hovers read history from (precedents.ts), the
 * conformance of an open national list with them (conformance-source.ts), and what it leaves out
 * near the file-size limit (large-files.ts).
 */
export type CldAddedLspServices = { precedents: { Library: CldPrecedents }; conformance: { Checker: CldConformance }; limits: { LargeFiles: LargeFiles } };

export type CldServices = LangiumServices & CldAddedServices & CldAddedLspServices;

/** The editor services: Langium's LSP providers, replaced where CLD knows better. */
export const CldLspModule: Module<CldServices, PartialLangiumServices & CldAddedLspServices> = {
    precedents: {
        Library: services => new CldPrecedents(services.shared, services)
    },
    conformance: {
        Checker: services => new CldConformance(services.shared, services)
    },
    limits: {
        LargeFiles: services => new LargeFiles(services.shared)
    },
    parser: {
        // Completion can parse from a block's start (completion-window.ts).
        CompletionParser: services => createCldCompletionParser(services)
    },
    lsp: {
        CodeActionProvider: services => new CldCodeActionProvider(services),
        CompletionProvider: services => new CldCompletionProvider(services),
        DefinitionProvider: services => new CldDefinitionProvider(services),
        DocumentSymbolProvider: services => new CldDocumentSymbolProvider(services.limits.LargeFiles, services.shared),
        FoldingRangeProvider: services => new CldFoldingRangeProvider(services),
        Formatter: () => new CldFormatter(),
        HoverProvider: services => new CldHoverProvider(services),
        ReferencesProvider: services => new CldReferencesProvider(services),
        RenameProvider: services => new CldRenameProvider(services),
        SemanticTokenProvider: services => new CldSemanticTokenProvider(services, services.limits.LargeFiles)
    }
};

/** Shared editor services CLD replaces: what a closed document becomes. */
export const CldSharedLspModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    lsp: {
        DocumentUpdateHandler: services => new CldDocumentUpdateHandler(services)
    },
    workspace: {
        // Remembers the version each open document was parsed at, for versioned diagnostics.
        LangiumDocumentFactory: services => new VersionedDocumentFactory(services)
    }
};

/** All services of the language server: core (shared with the CLI) plus LSP. */
export function createCldServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Cld: CldServices } {
    const shared = inject(createDefaultSharedModule(context), CldGeneratedSharedModule, CldSharedModule, CldSharedLspModule);
    const Cld = inject(createDefaultModule({ shared }), CldGeneratedModule, CldCoreModule, CldLspModule);
    shared.ServiceRegistry.register(Cld);
    registerValidationChecks(Cld);
    // Its conformance checks (slow ones) are registered when it is made.
    void Cld.conformance.Checker;
    return { shared, Cld };
}

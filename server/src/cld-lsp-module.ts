import { inject, type Module } from 'langium';
import { type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { CldCoreModule, type CldAddedServices } from '../../language/src/cld-module.js';
import { CldGeneratedModule, CldGeneratedSharedModule } from '../../language/src/generated/module.js';
import { CldCodeActionProvider } from './code-actions.js';
import { registerValidationChecks } from '../../language/src/validation/register.js';

export type CldServices = LangiumServices & CldAddedServices;

/** The editor services: Langium's LSP providers, replaced where CLD knows better. */
export const CldLspModule: Module<CldServices, PartialLangiumServices> = {
    lsp: {
        CodeActionProvider: () => new CldCodeActionProvider()
    }
};

/** All services of the language server: core (shared with the CLI) plus LSP. */
export function createCldServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Cld: CldServices } {
    const shared = inject(createDefaultSharedModule(context), CldGeneratedSharedModule);
    const Cld = inject(createDefaultModule({ shared }), CldGeneratedModule, CldCoreModule, CldLspModule);
    shared.ServiceRegistry.register(Cld);
    registerValidationChecks(Cld);
    return { shared, Cld };
}

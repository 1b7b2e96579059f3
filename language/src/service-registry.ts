import { IncrementalDocumentFactory } from './document-factory.js';
import { type DeepPartial, DefaultServiceRegistry, type LangiumCoreServices, type LangiumSharedCoreServices, type Module } from 'langium';
import type { URI } from 'vscode-uri';
import { CldDocumentBuilder } from './document-builder.js';

/**
 * Langium finds a document's language by its open editor's language id, else by the file
 * extension. An untitled CLD editor (`untitled:Untitled-1`) that has been closed has neither,
 * and the next build threw for it and stopped the server. Untitled documents only ever reach
 * the server from a CLD editor, so they are CLD; files keep the extension rule (the workspace
 * scan asks it, and README.md must stay out).
 */
export class CldServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const languages = this.all;
        if (uri.scheme === 'untitled' && languages.length === 1) return languages[0];
        return super.getServices(uri);
    }
}

/** Shared services CLD replaces: the registry above, and the builder that re-checks lists that depend on other lists. */
export const CldSharedModule: Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>> = {
    ServiceRegistry: services => new CldServiceRegistry(services),
    workspace: {
        DocumentBuilder: services => new CldDocumentBuilder(services),
        LangiumDocumentFactory: services => new IncrementalDocumentFactory(services)
    }
};

import { type DeepPartial, DefaultServiceRegistry, type LangiumCoreServices, type LangiumSharedCoreServices, type Module } from 'langium';
import type { URI } from 'vscode-uri';

/**
 * CLD is the only language of its server and CLI, so every document is a CLD document, with or
 * without a `.cld` name. Langium finds a document's language by its open editor's language id,
 * else by the file extension; an untitled editor (`untitled:Untitled-1`) that has been closed
 * has neither, and the next build then threw for it and stopped the server.
 */
export class CldServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const languages = this.all;
        return languages.length === 1 ? languages[0] : super.getServices(uri);
    }
}

/** Shared services CLD replaces: the registry above. */
export const CldSharedModule: Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>> = {
    ServiceRegistry: services => new CldServiceRegistry(services)
};
